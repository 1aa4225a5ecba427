import Foundation
import XCTest
@testable import JobQueue

final class RetryAndFenceTests: XCTestCase {
    func testRetryPolicyTiersAndFullJitterBounds() {
        let policy = RetryPolicy()
        XCTAssertEqual(policy.tier(attempt: 1, maxAttempts: 10), 1)
        XCTAssertEqual(policy.tier(attempt: 3, maxAttempts: 10), 1)
        XCTAssertEqual(policy.tier(attempt: 4, maxAttempts: 10), 2)
        XCTAssertEqual(policy.tier(attempt: 10, maxAttempts: 10), 3)
        XCTAssertEqual(policy.capMillis(attempt: 1), 1_000)
        XCTAssertEqual(policy.capMillis(attempt: 2), 2_000)
        XCTAssertEqual(policy.capMillis(attempt: 3), 4_000)
        XCTAssertEqual(policy.capMillis(attempt: 4), 15_000)
        XCTAssertEqual(policy.capMillis(attempt: 5), 30_000)
        XCTAssertEqual(policy.capMillis(attempt: 60), 6 * 3_600_000)
        for attempt in 1...40 {
            for unit in [0.0, 0.3, 0.999, 1.5, -1] {
                let delay = policy.delayMillis(attempt: attempt, unit: unit)
                XCTAssertGreaterThanOrEqual(delay, 0)
                XCTAssertLessThanOrEqual(delay, policy.capMillis(attempt: attempt))
            }
        }
        XCTAssertEqual(policy.delayMillis(attempt: 1, unit: 0), 0)
    }

    func testRetryableErrorsBackOffThenDeadLetterWithFullHistory() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "flaky", maxAttempts: 3)).id
        for attempt in 1...3 {
            clock.advance(10_000)
            let job = try XCTUnwrap(claimAll(store).first, "attempt \(attempt)")
            XCTAssertEqual(job.attempt, attempt)
            XCTAssertEqual(try store.finish([JobCompletion(job: job, outcome: .failed(.retryable("e\(attempt)")))]), [true])
        }
        let job = try XCTUnwrap(store.job(id))
        XCTAssertEqual(job.state, .discarded)
        XCTAssertEqual(job.retryTier, 3)
        XCTAssertEqual(job.errors.map(\.message), ["e1", "e2", "e3"])
        XCTAssertEqual(job.errors.map(\.attempt), [1, 2, 3])
        clock.advance(100_000)
        XCTAssertTrue(try claimAll(store).isEmpty)
    }

    func testRetryIsDelayedByJitteredBackoff() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        store.jitter = { 0.5 }
        let id = try store.enqueue(JobRequest(kind: "flaky")).id
        let job = try XCTUnwrap(claimAll(store).first)
        try store.finish([JobCompletion(job: job, outcome: .failed(.retryable("x")))])
        let row = try XCTUnwrap(store.job(id))
        XCTAssertEqual(row.state, .retryable)
        XCTAssertEqual(row.retryTier, 1)
        XCTAssertEqual(row.scheduledAt, clock.nowMillis() + 500)
        XCTAssertTrue(try claimAll(store).isEmpty)
        clock.advance(500)
        XCTAssertEqual(try claimAll(store).first?.attempt, 2)
    }

    func testPermanentErrorDeadLettersAtOnce() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "bad")).id
        let job = try XCTUnwrap(claimAll(store).first)
        try store.finish([JobCompletion(job: job, outcome: .failed(.permanent("invalid template")))])
        XCTAssertEqual(try store.job(id)?.state, .discarded)
        XCTAssertEqual(try store.job(id)?.errors.first?.kind, "permanent")
    }

    func testSnoozeDoesNotUseAnAttempt() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "ai", maxAttempts: 1)).id
        for _ in 0..<3 {
            let job = try XCTUnwrap(claimAll(store).first)
            XCTAssertEqual(job.attempt, 1)
            let until = Date(timeIntervalSince1970: Double(clock.nowMillis() + 30_000) / 1000)
            try store.finish([JobCompletion(job: job, outcome: .failed(.snooze(until: until, reason: "429")))])
            XCTAssertEqual(try store.job(id)?.state, .scheduled)
            XCTAssertEqual(try store.job(id)?.attempt, 0)
            XCTAssertTrue(try claimAll(store).isEmpty)
            clock.advance(30_000)
        }
        XCTAssertEqual(try store.job(id)?.errors.filter { $0.kind == "snooze" }.count, 3)
    }

    func testTimeoutCountsAsAttemptAndCancelledOutcome() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let slow = try store.enqueue(JobRequest(kind: "slow", maxAttempts: 1)).id
        let stop = try store.enqueue(JobRequest(kind: "stop")).id
        let jobs = try claimAll(store)
        try store.finish([JobCompletion(job: jobs[0], outcome: .timedOut(1_000)),
                          JobCompletion(job: jobs[1], outcome: .cancelled)])
        XCTAssertEqual(try store.job(slow)?.state, .discarded)
        XCTAssertEqual(try store.job(slow)?.errors.first?.kind, "timeout")
        XCTAssertEqual(try store.job(stop)?.state, .cancelled)
    }

    func testInterruptedRunGivesAttemptBack() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "long")).id
        let job = try XCTUnwrap(claimAll(store).first)
        try store.finish([JobCompletion(job: job, outcome: .interrupted)])
        XCTAssertEqual(try store.job(id)?.state, .available)
        XCTAssertEqual(try store.job(id)?.attempt, 0)
    }

    func testLostLeaseDropsLateResult() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "report", cacheVersion: "v1")).id
        let job = try XCTUnwrap(claimAll(store).first)
        clock.advance(store.options.leaseMillis + 1)
        XCTAssertEqual(try store.sweepExpiredLeases(), 1)
        XCTAssertEqual(try store.job(id)?.state, .available)
        XCTAssertEqual(try store.finish([JobCompletion(job: job, outcome: .completed(Data("late".utf8)))]), [false])
        XCTAssertNil(try store.result(of: id))
        XCTAssertEqual(try store.cacheBytes(), 0)
        let second = try XCTUnwrap(claimAll(store).first)
        XCTAssertEqual(second.attempt, 2)
        XCTAssertEqual(try store.job(id)?.errors.first?.kind, "lost")
    }

    func testHeartbeatKeepsLeaseAlive() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "long")).id
        _ = try claimAll(store, epoch: "e1")
        for _ in 0..<5 {
            clock.advance(store.options.leaseMillis / 2)
            let now = clock.nowMillis()
            try store.write { db in try store.heartbeat(db, ids: [id], epoch: "e1", now: now) }
            XCTAssertEqual(try store.sweepExpiredLeases(), 0)
        }
        XCTAssertEqual(try store.job(id)?.state, .running)
    }

    func testStartupRecoveryRequeuesJobsOfDeadProcesses() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let requeue = try store.enqueue(JobRequest(kind: "a")).id
        let exhausted = try store.enqueue(JobRequest(kind: "b", maxAttempts: 1)).id
        let cancelled = try store.enqueue(JobRequest(kind: "c")).id
        _ = try claimAll(store, epoch: "dead-epoch")
        try store.cancel(cancelled)
        try store.write { db in
            try db.execute(sql: "INSERT INTO job_worker VALUES ('dead-epoch', 999999999, ?, 0, 0)",
                           arguments: [ProcessInfo.processInfo.hostName])
        }
        XCTAssertEqual(try store.registerWorker(epoch: "new-epoch"), 3)
        XCTAssertEqual(try store.job(requeue)?.state, .available)
        XCTAssertEqual(try store.job(exhausted)?.state, .discarded)
        XCTAssertEqual(try store.job(cancelled)?.state, .cancelled)
        XCTAssertEqual(try store.stats().states["running"], 0)
        try store.unregisterWorker(epoch: "new-epoch")
    }

    func testStartupRecoveryLeavesLiveProcessesAlone() throws {
        let (store, dir) = try makeStore()
        _ = dir
        try store.registerWorker(epoch: "live")
        let id = try store.enqueue(JobRequest(kind: "a")).id
        _ = try claimAll(store, epoch: "live")
        XCTAssertEqual(try store.registerWorker(epoch: "other"), 0)
        XCTAssertEqual(try store.job(id)?.state, .running)
    }

    func testErrorClassification() {
        struct RateLimited: JobErrorClassifying {
            var jobErrorClass: JobError { .snooze(until: Date(timeIntervalSince1970: 10), reason: "429") }
        }
        struct Plain: Error {}
        XCTAssertEqual(JobError.classify(JobError.permanent("p")), .permanent("p"))
        XCTAssertEqual(JobError.classify(RateLimited()), .snooze(until: Date(timeIntervalSince1970: 10), reason: "429"))
        XCTAssertEqual(JobError.classify(CancellationError()), .cancelled)
        if case .retryable = JobError.classify(Plain()) {} else { XCTFail("plain errors are retryable") }
        XCTAssertTrue(JobError.snooze(until: Date(timeIntervalSince1970: 0), reason: "r").description.contains("1970"))
        XCTAssertEqual(JobError.cancelled.description, "cancelled")
        XCTAssertEqual(JobError.retryable("x").description, "x")
        XCTAssertEqual(JobError.permanent("y").description, "y")
    }
}
