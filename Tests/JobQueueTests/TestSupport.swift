import Foundation
import XCTest
@testable import JobQueue

/// A clock tests move by hand.
final class ManualClock: JobClock, @unchecked Sendable {
    private let lock = NSLock()
    private var now: Int64

    init(_ start: Int64 = 1_800_000_000_000) { now = start }

    func nowMillis() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        return now
    }

    func advance(_ millis: Int64) {
        lock.lock()
        now += millis
        lock.unlock()
    }

    func set(_ millis: Int64) {
        lock.lock()
        now = millis
        lock.unlock()
    }
}

/// A fresh temporary directory per test, removed at the end.
final class TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jobqueue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var dbPath: String { url.appendingPathComponent("formwork.db").path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

extension XCTestCase {
    /// Opens a store in a fresh temporary directory (kept alive by the returned TempDir).
    func makeStore(clock: JobClock = SystemClock(), durability: JobDurability = .normal,
                   configure: (inout JobStoreOptions) -> Void = { _ in }) throws -> (JobStore, TempDir) {
        let dir = try TempDir()
        var options = JobStoreOptions()
        options.durability = durability
        configure(&options)
        let store = try JobStore(path: dir.dbPath, options: options, clock: clock)
        store.jitter = { 0.5 }
        return (store, dir)
    }

    /// Polls `condition` until it holds or `seconds` pass.
    func waitUntil(_ seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(5_000)
        }
        return try condition()
    }

    /// Claims everything claimable in `queue` for a fake epoch.
    func claimAll(_ store: JobStore, queue: String = "default", limit: Int = 100, epoch: String = "test-epoch") throws -> [ClaimedJob] {
        try store.claim(plan: [(queue: queue, limit: limit)], epoch: epoch)
    }

    /// Options for a fast pool in tests.
    func fastPoolOptions(concurrency: Int = 2) -> WorkerPoolOptions {
        var options = WorkerPoolOptions()
        options.concurrency = concurrency
        options.cancelPollMillis = 20
        options.idlePollMillis = 20
        options.progressFlushMillis = 20
        options.stopGraceMillis = 200
        options.pruneEveryMillis = 0
        return options
    }
}
