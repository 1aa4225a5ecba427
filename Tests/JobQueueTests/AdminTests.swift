import Foundation
import XCTest
@testable import JobQueue

final class AdminTests: XCTestCase {
    func testCancelWaitingJobAtOnceAndRunningJobCooperatively() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let waiting = try store.enqueue(JobRequest(kind: "a", delayMillis: 10_000)).id
        let child = try store.enqueue(JobRequest(kind: "child", dependsOn: [waiting])).id
        XCTAssertEqual(try store.cancel(waiting), .cancelled)
        XCTAssertEqual(try store.job(child)?.state, .cancelled)
        let running = try store.enqueue(JobRequest(kind: "b")).id
        _ = try claimAll(store)
        XCTAssertEqual(try store.cancel(running), .running)
        XCTAssertNotNil(try store.job(running)?.cancelRequestedAt)
        XCTAssertThrowsError(try store.cancel(waiting)) { error in
            XCTAssertEqual(error as? JobQueueError, .invalidState(id: waiting, state: .cancelled, operation: "cancel"))
        }
        XCTAssertThrowsError(try store.cancel(424_242))
    }

    func testRequeueFromDeadLetterOneAndBulk() throws {
        let (store, dir) = try makeStore()
        _ = dir
        try store.enqueue(Array(repeating: JobRequest(kind: "x", queue: "ai", maxAttempts: 1), count: 3))
        try store.enqueue(JobRequest(kind: "y", queue: "exports", maxAttempts: 1))
        for queue in ["ai", "exports"] {
            for job in try claimAll(store, queue: queue) {
                try store.finish([JobCompletion(job: job, outcome: .failed(.permanent("no")))])
            }
        }
        let discarded = try store.jobs(JobFilter(states: [.discarded]))
        XCTAssertEqual(discarded.count, 4)
        let one = try XCTUnwrap(discarded.first { $0.queue == "ai" }).id
        try store.requeue(one)
        XCTAssertEqual(try store.job(one)?.state, .available)
        XCTAssertEqual(try store.job(one)?.attempt, 0)
        XCTAssertEqual(try store.job(one)?.errors.count, 1, "history is kept across requeue")
        XCTAssertThrowsError(try store.requeue(one))
        XCTAssertThrowsError(try store.requeue(77_777))
        XCTAssertEqual(try store.requeueDiscarded(queue: "ai"), 2)
        XCTAssertEqual(try store.requeueDiscarded(), 1)
        XCTAssertEqual(try store.stats().states["discarded"], 0)
    }

    func testRequeueRefusesWhenUniqueKeyIsTaken() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let request = JobRequest(kind: "u", uniqueKey: "k")
        let id = try store.enqueue(request).id
        try store.cancel(id)
        try store.enqueue(request)
        XCTAssertThrowsError(try store.requeue(id))
    }

    func testPurgeDeletesOnlyTerminalJobs() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let done = try store.enqueue(JobRequest(kind: "a")).id
        let job = try XCTUnwrap(claimAll(store).first)
        try store.finish([JobCompletion(job: job, outcome: .completed(nil))])
        let open = try store.enqueue(JobRequest(kind: "b")).id
        XCTAssertEqual(try store.purge(states: [.available]), 0)
        XCTAssertEqual(try store.purge(), 1)
        XCTAssertNil(try store.job(done))
        XCTAssertNotNil(try store.job(open))
    }

    func testPauseResumeScalePersist() throws {
        let (store, dir) = try makeStore()
        _ = dir
        try store.pause(queue: "reports")
        try store.scale(queue: "ai", concurrency: 3)
        let reopened = try JobStore(path: dir.dbPath)
        XCTAssertEqual(try reopened.queueStates(), [QueueState(queue: "ai", paused: false, concurrency: 3),
                                                    QueueState(queue: "reports", paused: true, concurrency: nil)])
        try reopened.resume(queue: "reports")
        XCTAssertEqual(try store.queueStates().first { $0.queue == "reports" }?.paused, false)
        XCTAssertThrowsError(try store.pause(queue: ""))
        XCTAssertThrowsError(try store.scale(queue: "ai", concurrency: -1))
    }

    func testPruneRemovesOldFinishedWorkInBatches() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.enqueue(Array(repeating: JobRequest(kind: "a"), count: 7))
        for job in try claimAll(store) { try store.finish([JobCompletion(job: job, outcome: .completed(nil))]) }
        let fresh = try store.enqueue(JobRequest(kind: "b")).id
        clock.advance(2 * 86_400_000)
        var policy = PrunePolicy()
        policy.batchSize = 3
        policy.eventMillis = 86_400_000
        let report = try store.prune(policy)
        XCTAssertEqual(report.jobs, 7)
        XCTAssertEqual(report.events, 7 * 3 + 1)
        XCTAssertNotNil(try store.job(fresh))
    }

    func testStatsCountsStatesEventsAndLatency() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.enqueue([JobRequest(kind: "a", queue: "reports"), JobRequest(kind: "b", queue: "ai")])
        clock.advance(40)
        let job = try XCTUnwrap(claimAll(store, queue: "reports").first)
        clock.advance(60)
        try store.finish([JobCompletion(job: job, outcome: .completed(nil))])
        let stats = try store.stats()
        XCTAssertEqual(stats.states["completed"], 1)
        XCTAssertEqual(stats.states["available"], 1)
        XCTAssertEqual(stats.queues["ai"]?["available"], 1)
        XCTAssertEqual(stats.events["completed"], 1)
        XCTAssertEqual(stats.startLatencyP50Millis, 40)
        XCTAssertEqual(stats.runTimeP95Millis, 60)
        XCTAssertEqual(stats.duplicateExecutions, 0)
        XCTAssertNil(JobStore.percentile([], 0.5))
        try store.optimize()
    }

    func testProgressEtaAndCheckpointFenced() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "long")).id
        let job = try XCTUnwrap(claimAll(store).first)
        clock.advance(1_000)
        try store.write { db in try store.writeProgress(db, job: job, fraction: 0.25, note: "quarter", now: clock.nowMillis()) }
        XCTAssertEqual(try store.saveCheckpoint(job, data: Data("page=3".utf8), progress: 0.3, note: nil), true)
        let row = try XCTUnwrap(store.job(id))
        XCTAssertEqual(row.progress, 0.3)
        XCTAssertEqual(row.progressNote, "quarter")
        XCTAssertEqual(row.etaMillis(now: clock.nowMillis()), 2_333)
        try store.finish([JobCompletion(job: job, outcome: .failed(.retryable("x")))])
        XCTAssertEqual(try store.saveCheckpoint(job, data: Data(), progress: nil, note: nil), false)
        clock.advance(10_000)
        XCTAssertEqual(try claimAll(store).first?.checkpoint, Data("page=3".utf8))
    }

    func testErrorDescriptionsAreOneLine() {
        let errors: [JobQueueError] = [
            .databaseLocked(path: "/x", waitedMillis: 5), .diskFull(path: "/x"), .database("m"), .jobNotFound(1),
            .invalidState(id: 1, state: .running, operation: "purge"), .invalidRequest("r"),
            .invalidCron(expression: "x", reason: "y"), .scheduleNotFound("s"), .unknownKind("k"),
        ]
        for error in errors {
            XCTAssertFalse(error.description.isEmpty)
            XCTAssertFalse(error.description.contains("\n"))
            XCTAssertEqual(error.errorDescription, error.description)
        }
    }
}
