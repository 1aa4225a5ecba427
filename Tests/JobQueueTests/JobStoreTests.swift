import Foundation
import GRDB
import XCTest
@testable import JobQueue

final class JobStoreTests: XCTestCase {
    func testEnqueueClaimCompleteWritesOneTerminalState() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let result = try store.enqueue(JobRequest(kind: "noop", json: #"{"a":1}"#))
        XCTAssertEqual(result.disposition, .inserted)
        let claimed = try claimAll(store)
        XCTAssertEqual(claimed.map(\.id), [result.id])
        XCTAssertEqual(claimed[0].attempt, 1)
        XCTAssertEqual(try store.finish([JobCompletion(job: claimed[0], outcome: .completed(Data("ok".utf8)))]), [true])
        XCTAssertEqual(try store.finish([JobCompletion(job: claimed[0], outcome: .completed(nil))]), [false])
        let job = try XCTUnwrap(store.job(result.id))
        XCTAssertEqual(job.state, .completed)
        XCTAssertNotNil(job.finalizedAt)
        XCTAssertEqual(try store.result(of: result.id), Data("ok".utf8))
        XCTAssertEqual(try store.events(of: result.id).map(\.type), ["enqueued", "started", "completed"])
    }

    func testClaimOrdersByPriorityAndRespectsLimit() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let low = try store.enqueue(JobRequest(kind: "noop", priority: 4)).id
        let high = try store.enqueue(JobRequest(kind: "noop", priority: 0)).id
        let mid = try store.enqueue(JobRequest(kind: "noop", priority: 2)).id
        XCTAssertEqual(try claimAll(store, limit: 2).map(\.id), [high, mid])
        XCTAssertEqual(try claimAll(store, limit: 2).map(\.id), [low])
        XCTAssertEqual(try claimAll(store, limit: 0), [])
    }

    func testDelayedJobWaitsForItsTime() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        let id = try store.enqueue(JobRequest(kind: "noop", delayMillis: 5_000)).id
        XCTAssertEqual(try store.job(id)?.state, .scheduled)
        XCTAssertTrue(try claimAll(store).isEmpty)
        clock.advance(5_000)
        XCTAssertEqual(try claimAll(store).map(\.id), [id])
    }

    func testUniqueKeyReturnsExistingJobUntilTerminal() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let request = try JobRequest(kind: "report", json: #"{"form":1,"b":2}"#).uniqueByArgs()
        let same = try JobRequest(kind: "report", json: #"{"b":2, "form":1}"#).uniqueByArgs()
        let first = try store.enqueue(request)
        let second = try store.enqueue(same)
        XCTAssertEqual(second, EnqueueResult(id: first.id, disposition: .duplicate))
        let job = try XCTUnwrap(claimAll(store).first)
        try store.finish([JobCompletion(job: job, outcome: .completed(nil))])
        XCTAssertEqual(try store.enqueue(request).disposition, .inserted)
    }

    func testResultCacheAttachesThenServesFromCache() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let request = JobRequest(kind: "ai.summary", args: Data(#"{"q":"x"}"#.utf8), cacheVersion: "t1")
        let first = try store.enqueue(request)
        XCTAssertEqual(try store.enqueue(request), EnqueueResult(id: first.id, disposition: .attached))
        let job = try XCTUnwrap(claimAll(store).first)
        XCTAssertEqual(try store.enqueue(request).disposition, .attached)
        try store.finish([JobCompletion(job: job, outcome: .completed(Data("summary".utf8)))])
        XCTAssertEqual(try store.enqueue(request), EnqueueResult(id: first.id, disposition: .cached))
        XCTAssertEqual(try store.cachedResult(for: request), Data("summary".utf8))
        var other = request
        other.cacheVersion = "t2"
        XCTAssertEqual(try store.enqueue(other).disposition, .inserted)
    }

    func testResultCacheExpiresAndRespectsSizeCap() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock) { $0.cacheCapBytes = 10 }
        _ = dir
        func run(_ tag: String, bytes: Int) throws -> JobRequest {
            let request = JobRequest(kind: "k", args: Data("{\"t\":\"\(tag)\"}".utf8), cacheVersion: "v", cacheTTLMillis: 1_000)
            try store.enqueue(request)
            let job = try XCTUnwrap(claimAll(store).first)
            try store.finish([JobCompletion(job: job, outcome: .completed(Data(repeating: 1, count: bytes)))])
            clock.advance(1)
            return request
        }
        let a = try run("a", bytes: 6)
        let b = try run("b", bytes: 6)
        XCTAssertNil(try store.cachedResult(for: a), "least recently used result evicted beyond the cap")
        XCTAssertNotNil(try store.cachedResult(for: b))
        XCTAssertLessThanOrEqual(try store.cacheBytes(), 10)
        clock.advance(2_000)
        XCTAssertNil(try store.cachedResult(for: b))
        XCTAssertEqual(try store.prune().results, 1)
    }

    func testDependenciesUnblockAndCascade() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let report = try store.enqueue(JobRequest(kind: "report")).id
        let export = try store.enqueue(JobRequest(kind: "export", dependsOn: [report])).id
        let notify = try store.enqueue(JobRequest(kind: "notify", dependsOn: [export])).id
        XCTAssertEqual(try store.job(export)?.state, .blocked)
        let first = try claimAll(store)
        XCTAssertEqual(first.map(\.id), [report])
        try store.finish([JobCompletion(job: first[0], outcome: .completed(nil))])
        let second = try claimAll(store)
        XCTAssertEqual(second.map(\.id), [export])
        try store.finish([JobCompletion(job: second[0], outcome: .failed(.permanent("boom")))])
        XCTAssertEqual(try store.job(export)?.state, .discarded)
        XCTAssertEqual(try store.job(notify)?.state, .cancelled)
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "x", dependsOn: [export])))
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "x", dependsOn: [999_999])))
        let done = try store.enqueue(JobRequest(kind: "after-done", dependsOn: [report]))
        XCTAssertEqual(try store.job(done.id)?.state, .available)
    }

    func testChildOfTwoParentsCompletingTogetherIsReleasedOnce() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let a = try store.enqueue(JobRequest(kind: "a")).id
        let b = try store.enqueue(JobRequest(kind: "b")).id
        let child = try store.enqueue(JobRequest(kind: "c", dependsOn: [a, b, a])).id
        XCTAssertEqual(try store.job(child)?.dependsOnCount, 2)
        let runs = try claimAll(store)
        XCTAssertEqual(runs.map(\.id), [a, b])
        XCTAssertEqual(try store.finish(runs.map { JobCompletion(job: $0, outcome: .completed(nil)) }), [true, true])
        XCTAssertEqual(try store.job(child)?.state, .available)
        XCTAssertEqual(try store.job(child)?.dependsOnCount, 0)
    }

    func testRejectsBadRequests() throws {
        let (store, dir) = try makeStore()
        _ = dir
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "noop", priority: 5)))
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "")))
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "noop", queue: "")))
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "noop", json: "{nope")))
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "noop", delayMillis: -1)))
        XCTAssertThrowsError(try store.enqueue(JobRequest(kind: "noop", maxAttempts: 0)))
        XCTAssertEqual(try store.enqueue([]), [])
        XCTAssertEqual(try store.stats().states["available"], 0)
    }

    func testBatchEnqueueIsAtomic() throws {
        let (store, dir) = try makeStore()
        _ = dir
        let good = JobRequest(kind: "noop")
        XCTAssertThrowsError(try store.enqueue([good, good, JobRequest(kind: "noop", priority: 9)]))
        XCTAssertEqual(try store.jobs().count, 0)
        XCTAssertEqual(try store.enqueue(Array(repeating: good, count: 50)).count, 50)
        XCTAssertEqual(try store.stats().states["available"], 50)
    }

    func testTransactionalEnqueueCommitsWithCallerTransaction() throws {
        let (store, dir) = try makeStore()
        _ = dir
        XCTAssertThrowsError(try store.write { db -> Void in
            _ = try store.enqueue(in: db, [JobRequest(kind: "noop")])
            throw JobQueueError.invalidRequest("app write failed")
        })
        XCTAssertEqual(try store.jobs().count, 0)
        _ = try store.write { db in try store.enqueue(in: db, [JobRequest(kind: "noop")]) }
        store.wake()
        XCTAssertEqual(try store.jobs().count, 1)
    }

    func testJobsFilterAndListing() throws {
        let (store, dir) = try makeStore()
        _ = dir
        try store.enqueue(JobRequest(kind: "a", queue: "reports"))
        try store.enqueue(JobRequest(kind: "b", queue: "ai"))
        try store.enqueue(JobRequest(kind: "b", queue: "ai", delayMillis: 60_000))
        XCTAssertEqual(try store.jobs(JobFilter(queue: "ai")).count, 2)
        XCTAssertEqual(try store.jobs(JobFilter(states: [.scheduled])).count, 1)
        XCTAssertEqual(try store.jobs(JobFilter(kind: "a")).map(\.queue), ["reports"])
        XCTAssertEqual(try store.jobs(JobFilter(limit: 1)).count, 1)
        XCTAssertNil(try store.job(12345))
    }
}
