import Foundation
import XCTest
@testable import JobQueue

/// Bounded prefetch: only queues of short jobs hold claimed-but-not-started jobs, at most their
/// run limit again, and per-queue limits still bound what runs.
final class PrefetchTests: XCTestCase {
    /// Runs `count` jobs of `millis` each on a 2-worker pool serving `reports` (limit 2) and
    /// returns the largest number of `reports` jobs the pool held (ready + running) and the probe.
    private func drain(count: Int, millis: UInt32) throws -> (held: Int, probe: ConcurrencyProbe, store: JobStore, dir: TempDir) {
        let (store, dir) = try makeStore()
        let probe = ConcurrencyProbe()
        let registry = HandlerRegistry()
        registry.register(kind: "work") { ctx, _ in
            probe.run(ctx.job.queue, millis: millis)
            return nil
        }
        try store.enqueue((0..<count).map { _ in JobRequest(kind: "work", queue: "reports") })
        var options = fastPoolOptions(concurrency: 2)
        options.queues = ["reports"]
        let pool = WorkerPool(store: store, registry: registry, options: options)
        try pool.start()
        var held = 0
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            pool.cond.lock()
            held = max(held, pool.inflight["reports", default: 0])
            let busy = pool.ready.count + pool.running.count + pool.pending.count
            pool.cond.unlock()
            if busy == 0, try store.stats().states["completed"] == count { break }
            usleep(300)
        }
        pool.shutdown()
        return (held, probe, store, dir)
    }

    func testQueueOfLongJobsNeverHoldsMoreThanItsLimit() throws {
        let (held, probe, store, dir) = try drain(count: 8, millis: 40)
        _ = dir
        XCTAssertEqual(try store.stats().states["completed"], 8)
        XCTAssertLessThanOrEqual(held, 2, "jobs of 40 ms are never prefetched")
        XCTAssertLessThanOrEqual(probe.peak["reports"] ?? 0, 2)
    }

    func testQueueOfShortJobsPrefetchesWithinItsBoundAndRunsWithinItsLimit() throws {
        let (held, probe, store, dir) = try drain(count: 300, millis: 0)
        _ = dir
        XCTAssertEqual(try store.stats().states["completed"], 300)
        XCTAssertLessThanOrEqual(held, 4, "at most the run limit again is prefetched")
        XCTAssertLessThanOrEqual(probe.peak["reports"] ?? 0, 2)
        XCTAssertLessThanOrEqual(probe.peakTotal, 2)
        for job in try store.jobs(JobFilter(states: [.completed], limit: 300)) {
            XCTAssertEqual(job.executions, 1, "a prefetched job runs once")
        }
    }

    func testPrefetchedJobBlockedByItsQueueLimitWaitsForThatQueueOnly() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let probe = ConcurrencyProbe()
        let registry = HandlerRegistry()
        registry.register(kind: "work") { ctx, _ in
            probe.run(ctx.job.queue, millis: ctx.job.queue == "exports" ? 2 : 1)
            return nil
        }
        // `exports` runs one at a time; its prefetched jobs must not keep `reports` from the
        // second worker.
        try store.enqueue((0..<60).map { i in JobRequest(kind: "work", queue: i % 2 == 0 ? "exports" : "reports") })
        var options = fastPoolOptions(concurrency: 2)
        options.queues = ["exports", "reports"]
        let pool = WorkerPool(store: store, registry: registry, options: options)
        try pool.start()
        XCTAssertTrue(try pool.waitUntilIdle(timeoutMillis: 20_000))
        pool.shutdown()
        XCTAssertEqual(try store.stats().states["completed"], 60)
        XCTAssertLessThanOrEqual(probe.peak["exports"] ?? 0, 1)
        XCTAssertLessThanOrEqual(probe.peak["reports"] ?? 0, 2)
    }

    func testPrefetchedJobsOfAQueueScaledToZeroAreGivenBack() throws {
        let (store, dir) = try makeStore()
        _ = dir
        try store.enqueue(JobRequest(kind: "noop", queue: "reports"))
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: fastPoolOptions())
        let claimed = try claimAll(store, queue: "reports", epoch: pool.epoch)
        XCTAssertEqual(claimed.count, 1)
        pool.cond.lock()
        pool.ready = claimed
        pool.inflight["reports"] = 1
        pool.cond.unlock()
        try store.scale(queue: "reports", concurrency: 0)
        pool.refreshQueueSwitches()
        pool.cond.lock()
        let ready = pool.ready.count
        let pending = pool.pending
        let inflight = pool.inflight["reports"]
        pool.cond.unlock()
        XCTAssertEqual(ready, 0)
        XCTAssertEqual(inflight, 0)
        XCTAssertEqual(pending, [JobCompletion(job: claimed[0], outcome: .interrupted)])
        XCTAssertEqual(try store.finish(pending), [true])
        let job = try XCTUnwrap(store.job(claimed[0].id))
        XCTAssertEqual(job.state, .available)
        XCTAssertEqual(job.attempt, 0, "the attempt is given back")
    }
}
