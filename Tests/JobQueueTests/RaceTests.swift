import Foundation
import GRDB
import XCTest
@testable import JobQueue

/// T5: races between the writers that may touch the same job at once. Each pair runs on two
/// threads released together; exactly one side may win and the loser must change nothing.
final class RaceTests: XCTestCase {
    /// Runs two closures on two threads, released at the same moment.
    private func race(_ a: @escaping () -> Void, _ b: @escaping () -> Void) {
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for body in [a, b] {
            DispatchQueue.global().async(group: group) {
                start.wait()
                body()
            }
        }
        start.signal()
        start.signal()
        group.wait()
    }

    private func terminalEvents(_ store: JobStore, _ id: Int64) throws -> [String] {
        try store.events(of: id).map(\.type).filter { ["completed", "cancelled", "discarded"].contains($0) }
    }

    func testCancelVersusComplete() throws {
        let (store, dir) = try makeStore()
        _ = dir
        for _ in 0..<60 {
            let id = try store.enqueue(JobRequest(kind: "r")).id
            let run = try XCTUnwrap(claimAll(store).first)
            var completed: [Bool] = []
            var cancelled: [Bool] = []
            race({ completed = (try? store.finish([JobCompletion(job: run, outcome: .completed(Data("r".utf8)))])) ?? [] },
                 {
                     if (try? store.cancel(id)) == .running {
                         cancelled = (try? store.finish([JobCompletion(job: run, outcome: .cancelled)])) ?? []
                     }
                 })
            let state = try XCTUnwrap(store.job(id)?.state)
            let wins = [completed.first, cancelled.first].filter { $0 == true }.count
            XCTAssertEqual(wins, 1, "exactly one terminal write wins")
            XCTAssertEqual(try terminalEvents(store, id).count, 1)
            XCTAssertEqual(state, completed.first == true ? .completed : .cancelled)
            XCTAssertEqual(try store.result(of: id) != nil, state == .completed)
        }
    }

    func testRecoveryVersusCompletion() throws {
        let (store, dir) = try makeStore()
        _ = dir
        for round in 0..<60 {
            let id = try store.enqueue(JobRequest(kind: "r")).id
            let run = try XCTUnwrap(claimAll(store, epoch: "dying-\(round)").first)
            var applied: [Bool] = []
            race({ applied = (try? store.finish([JobCompletion(job: run, outcome: .completed(Data("r".utf8)))])) ?? [] },
                 { _ = try? store.registerWorker(epoch: "rescuer-\(round)") })
            let job = try XCTUnwrap(store.job(id))
            if applied == [true] {
                XCTAssertEqual(job.state, .completed)
                XCTAssertFalse(try store.events(of: id).contains { $0.type == "recovered" })
            } else {
                XCTAssertEqual(job.state, .available)
                XCTAssertNil(try store.result(of: id), "no result for a lost lease")
                try store.cancel(id)
            }
            try store.unregisterWorker(epoch: "rescuer-\(round)")
        }
    }

    func testPruningVersusRetry() throws {
        let clock = ManualClock()
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        for _ in 0..<30 {
            let ids = try store.enqueue(Array(repeating: JobRequest(kind: "r", maxAttempts: 1), count: 6)).map(\.id)
            for run in try claimAll(store) { try store.finish([JobCompletion(job: run, outcome: .failed(.permanent("x")))]) }
            clock.advance(8 * 86_400_000)
            var requeued: Set<Int64> = []
            race({ _ = try? store.prune() },
                 { for id in ids where (try? store.requeue(id)) != nil { requeued.insert(id) } })
            for id in ids {
                let job = try store.job(id)
                if requeued.contains(id) {
                    XCTAssertEqual(job?.state, .available, "a requeued job is never pruned")
                } else {
                    XCTAssertNil(job, "a job not requeued was pruned")
                }
            }
            _ = try store.purge(states: [.cancelled])
            for id in requeued { try store.cancel(id) }
        }
    }

    func testCronSlotBoundaryFiresOnce() throws {
        let clock = ManualClock(1_767_571_200_000 - 1)
        let (store, dir) = try makeStore(clock: clock)
        _ = dir
        try store.addSchedule(name: "tick", expression: "* * * * *", request: JobRequest(kind: "noop"))
        let other = try JobStore(path: dir.dbPath, clock: clock)
        for _ in 0..<20 {
            clock.advance(60_000)
            var fired: [[Int64]] = [[], []]
            race({ fired[0] = (try? Scheduler(store: store).tick()) ?? [] },
                 { fired[1] = (try? Scheduler(store: other).tick()) ?? [] })
            XCTAssertEqual(fired[0].count + fired[1].count, 1)
        }
        XCTAssertEqual(try store.jobs().count, 20)
    }
}
