import Foundation
import GRDB
import XCTest
@testable import JobQueue

/// T4: a locked database and a full disk give clear errors and lose nothing.
final class FaultInjectionTests: XCTestCase {
    /// Holds the write lock from another connection until `release` is signalled.
    private func holdWriteLock(_ path: String, release: DispatchSemaphore) throws -> DispatchSemaphore {
        let locked = DispatchSemaphore(value: 0)
        let other = try DatabaseQueue(path: path)
        DispatchQueue.global().async {
            try? other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                release.wait()
                try db.execute(sql: "COMMIT")
            }
            locked.signal()
        }
        locked.wait()
        return locked
    }

    func testLockedDatabaseGivesClearErrorThenRecovers() throws {
        let (store, dir) = try makeStore { options in
            options.busyTimeoutMillis = 20
            options.lockWaitLimitMillis = 150
        }
        let kept = try store.enqueue(JobRequest(kind: "noop")).id
        let release = DispatchSemaphore(value: 0)
        let done = try holdWriteLock(dir.dbPath, release: release)
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "noop"))) { error in
            guard case .databaseLocked? = error as? JobQueueError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("locked"))
        }
        release.signal()
        done.wait()
        XCTAssertEqual(try store.enqueue(JobRequest(kind: "noop")).disposition, .inserted)
        XCTAssertEqual(try store.job(kept)?.state, .available)
        XCTAssertEqual(try store.jobs().count, 2)
    }

    func testShortLockIsWaitedOutWithoutSurfacingBusy() throws {
        let (store, dir) = try makeStore { $0.busyTimeoutMillis = 10 }
        let release = DispatchSemaphore(value: 0)
        let done = try holdWriteLock(dir.dbPath, release: release)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { release.signal() }
        XCTAssertEqual(try store.enqueue(JobRequest(kind: "noop")).disposition, .inserted)
        done.wait()
    }

    private func setPageLimit(_ store: JobStore, extra: Int?) throws {
        try store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(extra.map { pages + $0 } ?? 1_073_741_823)")
        }
    }

    func testFullDiskRollsBackAndLosesNothing() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let before = try store.enqueue(Array(repeating: JobRequest(kind: "noop"), count: 20)).map(\.id)
        try setPageLimit(store, extra: 2)
        let big = JobRequest(kind: "noop", args: Data("{\"blob\":\"\(String(repeating: "x", count: 40_000))\"}".utf8))
        XCTAssertThrowsError(try store.enqueue(Array(repeating: big, count: 5))) { error in
            XCTAssertEqual(error as? JobQueueError, .diskFull(path: dir.dbPath))
        }
        XCTAssertEqual(try store.jobs(JobFilter(limit: 1_000)).count, 20, "the failed batch left nothing behind")
        try setPageLimit(store, extra: nil)
        XCTAssertEqual(try store.enqueue(Array(repeating: big, count: 5)).count, 5)
        for id in before { XCTAssertEqual(try store.job(id)?.state, .available) }
    }

    func testPoolSurvivesFullDiskAndFinishesAfterwards() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let ids = try store.enqueue((0..<10).map { _ in
            JobRequest(kind: "big", args: Data(#"{"n":1}"#.utf8))
        }).map(\.id)
        let registry = HandlerRegistry()
        registry.register(kind: "big") { _, _ in Data(repeating: 7, count: 30_000) }
        try setPageLimit(store, extra: 1)
        let errors = ErrorLog()
        let pool = WorkerPool(store: store, registry: registry, options: fastPoolOptions())
        pool.onError = { errors.add($0) }
        try pool.start()
        XCTAssertTrue(waitUntil { errors.count > 0 })
        try setPageLimit(store, extra: nil)
        XCTAssertTrue(try pool.waitUntilIdle(timeoutMillis: 20_000))
        pool.shutdown()
        for id in ids { XCTAssertEqual(try store.job(id)?.state, .completed) }
        XCTAssertTrue(errors.all.contains { ($0 as? JobQueueError) == .diskFull(path: dir.dbPath) })
    }
}

/// Collects errors reported by a pool.
final class ErrorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []

    func add(_ error: Error) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var all: [Error] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }

    var count: Int { all.count }
}
