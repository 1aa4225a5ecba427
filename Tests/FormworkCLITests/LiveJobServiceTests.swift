import Foundation
import JobQueue
import Studio
import XCTest
@testable import formwork

/// A clock the test steps by hand.
final class StepClock: JobClock, @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64
    init(_ start: Int64) { value = start }
    func nowMillis() -> Int64 { lock.lock(); defer { lock.unlock() }; return value }
    func advance(_ millis: Int64) { lock.lock(); value += millis; lock.unlock() }
}

/// `LiveJobService` over a real `JobStore` in a temporary directory.
final class LiveJobServiceTests: XCTestCase {
    var directory: URL!
    var clock: StepClock!
    var store: JobStore!
    var service: LiveJobService!
    let epoch = "test-epoch"

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("live-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        clock = StepClock(1_800_000_000_000)
        store = try JobStore(path: directory.appendingPathComponent("formwork.db").path, clock: clock)
        service = LiveJobService(store: store)
        _ = try store.registerWorker(epoch: epoch)
    }

    override func tearDownWithError() throws {
        store = nil
        service = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// Claims up to `count` jobs of `queue` and finishes each with `outcome`.
    func run(_ queue: String, _ count: Int, _ outcome: JobOutcome) throws {
        let claimed = try store.claim(plan: [(queue: queue, limit: count)], epoch: epoch)
        try store.finish(claimed.map { JobCompletion(job: $0, outcome: outcome) })
    }

    func enqueue(_ kind: String, queue: String = "default", count: Int = 1, maxAttempts: Int? = nil, args: String = "{}") throws -> [Int64] {
        var request = JobRequest(kind: kind, json: args, queue: queue)
        request.maxAttempts = maxAttempts
        return try store.enqueue(Array(repeating: request, count: count)).map(\.id)
    }

    func testCountsPerQueueAndThroughputBuckets() throws {
        _ = try enqueue("noop", queue: "a", count: 5)
        _ = try enqueue("noop", queue: "b", count: 2, maxAttempts: 1)
        try run("a", 2, .completed(nil))
        clock.advance(25_000)
        try run("a", 1, .completed(nil))
        try run("b", 1, .failed(.permanent("broken input")))
        _ = try store.claim(plan: [(queue: "a", limit: 1)], epoch: epoch)
        try store.pause(queue: "b")

        let snapshot = try service.snapshot(filter: .all, limit: 50)
        XCTAssertEqual(snapshot.queues.map(\.name), ["a", "b"])
        let a = snapshot.queues[0], b = snapshot.queues[1]
        XCTAssertEqual([a.queued, a.running, a.dead, a.doneLastHour], [1, 1, 0, 3])
        XCTAssertFalse(a.paused)
        XCTAssertEqual(a.throughput.count, LiveJobService.buckets)
        XCTAssertEqual(a.throughput.last, 1, "the newest bucket holds the completion of now")
        XCTAssertEqual(a.throughput[LiveJobService.buckets - 3], 2, "25 s earlier is two buckets back")
        XCTAssertEqual(a.throughput.reduce(0, +), 3)
        XCTAssertEqual([b.queued, b.dead, b.doneLastHour], [1, 1, 0])
        XCTAssertTrue(b.paused)
        XCTAssertEqual(snapshot.running.map(\.queue), ["a"])
        XCTAssertEqual(snapshot.recent.count, 7)
        XCTAssertEqual(snapshot.recent.first?.status, .queued)

        let dead = try service.snapshot(filter: .dead, limit: 50)
        XCTAssertEqual(dead.recent.map(\.status), [.dead])
        XCTAssertEqual(dead.recent.first?.lastError, "broken input")
        XCTAssertEqual(try service.snapshot(filter: .running, limit: 50).recent.map(\.status), [.running])
        XCTAssertEqual(try service.snapshot(filter: .failed, limit: 50).recent.count, 1)
        clock.advance(3_600_000)
        XCTAssertEqual(try service.snapshot(filter: .all, limit: 1).queues[0].doneLastHour, 0, "an hour later the history is gone")
    }

    func testRunningJobCarriesProgressForTheETA() throws {
        let id = try enqueue("sleep", args: #"{"ms": 1000}"#)[0]
        let claimed = try store.claim(plan: [(queue: "default", limit: 1)], epoch: epoch)
        clock.advance(4_000)
        XCTAssertTrue(try store.saveCheckpoint(claimed[0], data: Data("{}".utf8), progress: 0.25, note: "quarter"))
        let running = try XCTUnwrap(service.snapshot(filter: .all, limit: 10).running.first)
        XCTAssertEqual(running.id, id)
        XCTAssertEqual(running.progress, 0.25)
        XCTAssertEqual(running.note, "quarter")
        XCTAssertEqual(running.etaMillis(now: clock.nowMillis()), 12_000)
    }

    func testDetailListsAttemptsWithTheirErrors() throws {
        let id = try enqueue("report", maxAttempts: 2, args: #"{"form": "missing"}"#)[0]
        try run("default", 1, .failed(.retryable("disk busy")))
        clock.advance(120_000)
        try run("default", 1, .failed(.retryable("still busy")))
        let detail = try service.detail(id)
        XCTAssertEqual(detail.summary.status, .dead)
        XCTAssertEqual(detail.attempts.map(\.message), ["disk busy", "still busy"])
        XCTAssertEqual(detail.attempts.map(\.number), [1, 2])
        XCTAssertTrue(detail.args.contains("missing"))
        XCTAssertEqual(detail.events.first?.type, "enqueued")
        XCTAssertThrowsError(try service.detail(999)) { XCTAssertEqual($0 as? JobServiceError, .notFound(999)) }
    }

    func testAQueueOfCancelledJobsStaysListedAndDeadFilterListsNewestFirst() throws {
        let gone = try enqueue("noop", queue: "gone", count: 2)
        for id in gone { XCTAssertTrue(try service.cancel(id)) }
        let dead = try enqueue("noop", queue: "d", count: 3, maxAttempts: 1)
        try run("d", 3, .failed(.permanent("broken")))
        _ = try enqueue("noop", queue: "d", count: 5)
        let snapshot = try service.snapshot(filter: .dead, limit: 10)
        XCTAssertEqual(snapshot.queues.map(\.name), ["d", "gone"], "only cancelled jobs, still listed")
        XCTAssertEqual(snapshot.queues.last?.queued, 0)
        XCTAssertEqual(snapshot.recent.map(\.id), dead.reversed(), "dead jobs only, newest first")
        clock.advance(3_600_001)
        XCTAssertEqual(try service.snapshot(filter: .all, limit: 1).queues.map(\.name), ["d"], "an hour later the cancelled queue is gone")
    }

    func testRetryCancelRequeueAndPause() throws {
        let ids = try enqueue("noop", count: 4, maxAttempts: 1)
        try run("default", 2, .failed(.permanent("nope")))
        XCTAssertTrue(try service.cancel(ids[2]), "a waiting job is cancelled at once")
        XCTAssertEqual(try service.detail(ids[2]).summary.status, .cancelled)
        try service.retry(ids[2])
        XCTAssertEqual(try service.detail(ids[2]).summary.status, .queued)
        XCTAssertThrowsError(try service.retry(ids[2])) {
            XCTAssertEqual($0 as? JobServiceError, .invalidState(id: ids[2], status: .queued, operation: "requeue"))
        }
        try service.retry(ids[0])
        XCTAssertEqual(try service.requeueDead(queue: "default"), 1)
        XCTAssertEqual(try service.snapshot(filter: .dead, limit: 10).recent.count, 0)

        _ = try store.claim(plan: [(queue: "default", limit: 1)], epoch: epoch)
        let running = try XCTUnwrap(service.snapshot(filter: .running, limit: 10).recent.first)
        XCTAssertFalse(try service.cancel(running.id), "a running job is cancelled cooperatively")
        XCTAssertTrue(try XCTUnwrap(service.snapshot(filter: .all, limit: 1).running.first).cancelRequested)

        try service.setPaused(true, queue: "default")
        XCTAssertTrue(try service.snapshot(filter: .all, limit: 1).queues[0].paused)
        try service.setPaused(false, queue: "default")
        XCTAssertFalse(try service.snapshot(filter: .all, limit: 1).queues[0].paused)
        XCTAssertThrowsError(try service.setPaused(true, queue: "")) { XCTAssertNotNil($0 as? JobServiceError) }
    }

    func testStatusNamesRoundTrip() {
        for state in JobState.allCases {
            XCTAssertEqual(LiveJobService.states(of: LiveJobService.status(of: state)), [state])
        }
    }
}
