import Foundation
import XCTest
@testable import JobQueue

/// Tracks how many handlers run at once, per queue and in total.
final class ConcurrencyProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var current: [String: Int] = [:]
    private(set) var peak: [String: Int] = [:]
    private(set) var peakTotal = 0
    private(set) var startOrder: [String] = []

    func run(_ queue: String, millis: UInt32) {
        lock.lock()
        current[queue, default: 0] += 1
        startOrder.append(queue)
        peak[queue] = max(peak[queue] ?? 0, current[queue] ?? 0)
        peakTotal = max(peakTotal, current.values.reduce(0, +))
        lock.unlock()
        usleep(millis * 1000)
        lock.lock()
        current[queue, default: 1] -= 1
        lock.unlock()
    }
}

final class WorkerPoolTests: XCTestCase {
    func testRunsEveryJobOnceToCompletion() throws {
        for durability in JobDurability.allCases {
            let (store, dir) = try makeStore(durability: durability)
            _ = dir
            let ids = try store.enqueue((0..<60).map { i in
                JobRequest(kind: i % 3 == 0 ? "sleep" : "noop", args: Data(#"{"ms": 2}"#.utf8), queue: i % 2 == 0 ? "reports" : "ai")
            }).map(\.id)
            let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions(concurrency: 3))
            try pool.start()
            XCTAssertTrue(try pool.waitUntilIdle(timeoutMillis: 20_000))
            pool.shutdown()
            for id in ids {
                let job = try XCTUnwrap(store.job(id))
                XCTAssertEqual(job.state, .completed)
                XCTAssertEqual(job.executions, 1)
            }
        }
    }

    func testPerQueueConcurrencyAndGlobalCapAreNeverExceeded() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let probe = ConcurrencyProbe()
        let registry = HandlerRegistry()
        registry.register(kind: "work") { ctx, _ in
            probe.run(ctx.job.queue, millis: 5)
            return nil
        }
        try store.enqueue((0..<40).map { i in JobRequest(kind: "work", queue: ["reports", "ai", "exports"][i % 3]) })
        let pool = WorkerPool(store: store, registry: registry, options: fastPoolOptions(concurrency: 4))
        try pool.start()
        XCTAssertTrue(try pool.waitUntilIdle(timeoutMillis: 20_000))
        pool.shutdown()
        XCTAssertLessThanOrEqual(probe.peak["exports"] ?? 0, 1)
        XCTAssertLessThanOrEqual(probe.peak["reports"] ?? 0, 2)
        XCTAssertLessThanOrEqual(probe.peak["ai"] ?? 0, 2)
        XCTAssertLessThanOrEqual(probe.peakTotal, 4)
        XCTAssertEqual(try store.stats().states["completed"], 40)
    }

    func testFairSharingLetsASmallQueueInEarly() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let probe = ConcurrencyProbe()
        let registry = HandlerRegistry()
        registry.register(kind: "work") { ctx, _ in
            probe.run(ctx.job.queue, millis: 3)
            return nil
        }
        try store.enqueue((0..<30).map { _ in JobRequest(kind: "work", queue: "reports") })
        try store.enqueue((0..<2).map { _ in JobRequest(kind: "work", queue: "exports") })
        var options = fastPoolOptions(concurrency: 2)
        options.queues = ["reports", "exports"]
        let pool = WorkerPool(store: store, registry: registry, options: options)
        try pool.start()
        XCTAssertTrue(try pool.waitUntilIdle(timeoutMillis: 20_000))
        pool.shutdown()
        let firstExport = try XCTUnwrap(probe.startOrder.firstIndex(of: "exports"))
        XCTAssertLessThan(firstExport, 4, "exports is not starved behind 30 report jobs")
    }

    func testCancellingRunningJobsCooperativeAndStubborn() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let registry = HandlerRegistry.withBuiltins()
        registry.register(kind: "stubborn") { _, _ in
            usleep(600_000)
            return Data("late".utf8)
        }
        let polite = try store.enqueue(JobRequest(kind: "sleep", args: Data(#"{"ms": 5000}"#.utf8))).id
        let stubborn = try store.enqueue(JobRequest(kind: "stubborn")).id
        let pool = WorkerPool(store: store, registry: registry, options: fastPoolOptions(concurrency: 2))
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.stats().states["running"] == 2 })
        try store.cancel(polite)
        try store.cancel(stubborn)
        XCTAssertTrue(try waitUntil { try store.job(polite)?.state == .cancelled && store.job(stubborn)?.state == .cancelled })
        usleep(700_000)
        pool.shutdown()
        XCTAssertEqual(try store.job(stubborn)?.state, .cancelled)
        XCTAssertNil(try store.result(of: stubborn), "the late result is dropped by the fence")
    }

    func testTimeoutCountsAsFailedAttempt() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "sleep", args: Data(#"{"ms": 5000}"#.utf8), maxAttempts: 1,
                                              timeoutMillis: 30)).id
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions())
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.job(id)?.state == .discarded })
        pool.shutdown()
        XCTAssertEqual(try store.job(id)?.errors.first?.kind, "timeout")
    }

    func testRetryResumesFromCheckpointAndProgressIsWritten() throws {
        let (store, dir) = try makeStore()
        _ = dir
        store.jitter = { 0 }
        let registry = HandlerRegistry()
        registry.register(kind: "resumable") { ctx, _ in
            if ctx.checkpoint == nil {
                ctx.progress(0.4, note: "first half")
                try ctx.saveCheckpoint(Data("half".utf8), progress: 0.5, note: "checkpointed")
                throw JobError.retryable("network blip")
            }
            ctx.heartbeat()
            return ctx.checkpoint.map { $0 + Data("+rest".utf8) }
        }
        let id = try store.enqueue(JobRequest(kind: "resumable")).id
        let pool = WorkerPool(store: store, registry: registry, options: fastPoolOptions())
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.job(id)?.state == .completed })
        pool.shutdown()
        XCTAssertEqual(try store.result(of: id), Data("half+rest".utf8))
        XCTAssertEqual(try store.job(id)?.attempt, 2)
        XCTAssertEqual(try store.job(id)?.progress, 1.0)
    }

    func testProgressIsFlushedWhileRunning() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "sleep", args: Data(#"{"ms": 3000}"#.utf8))).id
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions())
        try pool.start()
        XCTAssertTrue(try waitUntil { (try store.job(id)?.progress ?? 0) > 0 })
        XCTAssertEqual(pool.runningJobs.map(\.id), [id])
        XCTAssertEqual(pool.stalledJobs(silentForMillis: 60_000), [], "the sleep handler reports progress")
        XCTAssertEqual(pool.stalledJobs(silentForMillis: -1).map(\.id), [id])
        XCTAssertNotNil(try store.job(id)?.progressNote)
        try store.cancel(id)
        XCTAssertTrue(try waitUntil { try store.job(id)?.state == .cancelled })
        pool.shutdown()
    }

    func testShutdownRequeuesUnfinishedJobsWithoutUsingAnAttempt() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let ids = try store.enqueue((0..<4).map { _ in JobRequest(kind: "sleep", args: Data(#"{"ms": 10000}"#.utf8)) }).map(\.id)
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions(concurrency: 2))
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.stats().states["running"] == 2 })
        pool.shutdown(deadlineMillis: 50)
        for id in ids {
            XCTAssertEqual(try store.job(id)?.state, .available)
            XCTAssertEqual(try store.job(id)?.attempt, 0)
        }
        XCTAssertEqual(try store.stats().events["requeued"], 2)
    }

    func testDrainPausesQueueUntilResumed() throws {
        let (store, dir) = try makeStore()
        _ = dir
        try store.enqueue(JobRequest(kind: "sleep", args: Data(#"{"ms": 50}"#.utf8), queue: "reports"))
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions())
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.stats().states["running"] == 1 })
        XCTAssertTrue(try pool.drain(queue: "reports", timeoutMillis: 5_000))
        let later = try store.enqueue(JobRequest(kind: "noop", queue: "reports")).id
        usleep(100_000)
        XCTAssertEqual(try store.job(later)?.state, .available, "a paused queue is not claimed from")
        try store.resume(queue: "reports")
        XCTAssertTrue(try waitUntil { try store.job(later)?.state == .completed })
        pool.shutdown()
    }

    func testFreshPoolFindsAQueueWhoseOnlyJobIsADueRetry() throws {
        let (store, dir) = try makeStore()
        _ = dir
        store.jitter = { 0 }
        let id = try store.enqueue(JobRequest(kind: "noop", queue: "exports")).id
        let run = try XCTUnwrap(claimAll(store, queue: "exports", epoch: "gone").first)
        try store.finish([JobCompletion(job: run, outcome: .failed(.retryable("blip")))])
        XCTAssertEqual(try store.job(id)?.state, .retryable)
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions())
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.job(id)?.state == .completed })
        pool.shutdown()
    }

    func testUnknownKindIsDeadLettered() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "no-such-kind")).id
        let pool = WorkerPool(store: store, registry: HandlerRegistry(), options: fastPoolOptions())
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.job(id)?.state == .discarded })
        pool.shutdown()
        XCTAssertTrue(try store.job(id)?.errors.first?.message.contains("no-such-kind") ?? false)
        XCTAssertEqual(HandlerRegistry.withBuiltins().kinds, ["noop", "sleep"])
    }

    func testDependentJobRunsAfterItsParent() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let report = try store.enqueue(JobRequest(kind: "sleep", args: Data(#"{"ms": 20}"#.utf8), queue: "reports")).id
        let export = try store.enqueue(JobRequest(kind: "noop", queue: "exports", dependsOn: [report])).id
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions())
        try pool.start()
        XCTAssertTrue(try waitUntil { try store.job(export)?.state == .completed })
        pool.shutdown()
        let reportDone = try XCTUnwrap(store.job(report)?.finalizedAt)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(store.job(export)?.attemptedAt), reportDone)
    }
}
