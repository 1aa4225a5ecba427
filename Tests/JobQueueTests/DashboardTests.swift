import Foundation
import GRDB
import XCTest
@testable import JobQueue

/// `JobStore.dashboard`: the figures, and the indexes that keep it cheap at 4 Hz.
final class DashboardTests: XCTestCase {
    func testCountsBucketsAndPausedQueuesWithoutJobs() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.enqueue(Array(repeating: JobRequest(kind: "a", queue: "q"), count: 4))
        for job in try claimAll(store, queue: "q", limit: 2) { try store.finish([JobCompletion(job: job, outcome: .completed(nil))]) }
        clock.advance(10_000)
        try store.pause(queue: "idle")
        let board = try store.dashboard(bucketMillis: 10_000, buckets: 3, recentStates: [.completed], recentLimit: 1)
        XCTAssertEqual(board.queues.map(\.queue), ["idle", "q"])
        XCTAssertTrue(board.queues[0].paused)
        XCTAssertEqual(board.queues[0].completions, [0, 0, 0])
        let q = board.queues[1]
        XCTAssertEqual(q.count(.available), 2)
        XCTAssertEqual(q.completions, [0, 2, 0], "ten seconds ago is one bucket back")
        XCTAssertEqual(q.completedLastHour, 2)
        XCTAssertEqual(board.recent.count, 1)
        XCTAssertEqual(board.recent.first?.state, .completed)
    }

    func testAQueueWithOnlyCancelledJobsStaysListedForAnHour() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        let ids = try store.enqueue(Array(repeating: JobRequest(kind: "a", queue: "gone"), count: 2)).map(\.id)
        for id in ids { XCTAssertEqual(try store.cancel(id), .cancelled) }
        let board = try store.dashboard()
        XCTAssertEqual(board.queues.map(\.queue), ["gone"])
        XCTAssertEqual(board.queues[0].cancelledLastHour, 2)
        XCTAssertEqual(board.queues[0].counts, [:], "cancelled jobs are history, not counted per state")
        clock.advance(3_600_001)
        XCTAssertEqual(try store.dashboard().queues.map(\.queue), [], "an hour later the queue has no recent job")
    }

    func testEveryAggregateReadsAnIndex() throws {
        let (store, dir) = try makeStore()
        _ = store
        let db = try DatabaseQueue(path: dir.dbPath)
        func plan(_ sql: String) throws -> String {
            try db.read { try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ") }
        }
        XCTAssertTrue(try plan("SELECT queue, state, count(*) FROM job WHERE finalized_at IS NULL GROUP BY queue, state")
            .contains("COVERING INDEX job_live"))
        XCTAssertTrue(try plan("SELECT queue, count(*) FROM job WHERE state = 'discarded' AND finalized_at IS NOT NULL GROUP BY queue")
            .contains("COVERING INDEX job_final"))
        XCTAssertTrue(try plan("""
            SELECT queue, (1 - finalized_at) / 10 AS age, count(*) FROM job
            WHERE state = 'completed' AND finalized_at IS NOT NULL AND finalized_at > 0 GROUP BY queue, age
            """).contains("COVERING INDEX job_final"))
        XCTAssertTrue(try plan("SELECT * FROM job WHERE state = 'running' ORDER BY attempted_at, id LIMIT 100").contains("job_lease"))
        XCTAssertTrue(try plan("""
            SELECT queue, count(*) FROM job WHERE state = 'cancelled' AND finalized_at IS NOT NULL AND finalized_at > 0 GROUP BY queue
            """).contains("COVERING INDEX job_final"))
        let (dead, _) = JobFilter(states: [.discarded]).whereClause()
        XCTAssertEqual(try plan("SELECT * FROM job WHERE \(dead) ORDER BY id DESC LIMIT 50"), "SCAN job USING INDEX job_dead",
                       "the dead filter reads the dead rows only, newest first, with no sort")
    }
}
