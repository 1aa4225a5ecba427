import Foundation
import XCTest
@testable import JobQueue

/// T1: a child process runs the queue and is killed with SIGKILL at random moments, including
/// inside write transactions; invariants are checked after every kill. CI runs 200 iterations;
/// FORMWORK_KILL_LOOP=10000 runs the long mode.
final class CrashLoopTests: XCTestCase {
    func testKillLoopKeepsEveryInvariant() throws {
        let binary = try XCTUnwrap(ChildProcess.binary(), "queue-crash-child not built (run swift build --build-tests)")
        let iterations = Int(ProcessInfo.processInfo.environment["FORMWORK_KILL_LOOP"] ?? "") ?? 200
        let dir = try TempDir()
        let store = try JobStore(path: dir.dbPath)
        var generator = SystemRandomNumberGenerator()
        let maxJobs = max(400, iterations * 4)
        for iteration in 0..<iterations {
            let sync = iteration % 4 == 0 ? "full" : "normal"
            let child = try ChildProcess.launch(binary, ["work", dir.dbPath, String(maxJobs)],
                                                environment: ["JOBQUEUE_SYNC": sync])
            usleep(UInt32.random(in: 3_000...60_000, using: &generator))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let problems = try QueueInvariants.violations(in: store, final: false)
            XCTAssertEqual(problems, [], "after kill \(iteration)")
            if !problems.isEmpty { break }
            if iteration % 10 == 9 {
                let epoch = "checker-\(iteration)"
                try store.registerWorker(epoch: epoch)
                XCTAssertEqual(try QueueInvariants.runningCount(store), 0, "recovery left running jobs")
                try store.unregisterWorker(epoch: epoch)
            }
        }
        let log = dir.url.appendingPathComponent("drain.log")
        let drain = try ChildProcess.launch(binary, ["drain", dir.dbPath], stderr: log)
        drain.waitUntilExit()
        let diagnostics = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(drain.terminationStatus, 0, diagnostics)
        let open = try store.jobs(JobFilter(states: JobState.allCases.filter { !$0.isTerminal }, limit: 20))
        XCTAssertEqual(try QueueInvariants.violations(in: store, final: true), [],
                       open.map { "\($0.id) \($0.state) \($0.queue) a\($0.attempt)/\($0.maxAttempts) \($0.runEpoch ?? "-")" }.joined(separator: "; "))
        XCTAssertEqual(try QueueInvariants.runningCount(store), 0)
        XCTAssertGreaterThan(try store.stats().states["completed"] ?? 0, 0)
    }

    /// Four processes enqueue and work on one database at once: every job reaches one terminal
    /// state and none runs twice.
    func testFourProcessesShareOneDatabase() throws {
        let binary = try XCTUnwrap(ChildProcess.binary(), "queue-crash-child not built (run swift build --build-tests)")
        let dir = try TempDir()
        let store = try JobStore(path: dir.dbPath)
        let children = try (0..<4).map { index in
            try ChildProcess.launch(binary, ["multi", dir.dbPath, "150"],
                                    environment: ["JOBQUEUE_SYNC": index % 2 == 0 ? "full" : "normal"])
        }
        for child in children {
            child.waitUntilExit()
            XCTAssertEqual(child.terminationStatus, 0)
        }
        XCTAssertEqual(try store.jobs(JobFilter(limit: 10_000)).count, 600)
        XCTAssertEqual(try store.stats().states["completed"], 600)
        XCTAssertEqual(try QueueInvariants.violations(in: store, final: true), [])
        XCTAssertEqual(try store.stats().duplicateExecutions, 0)
        let ranTwice = try store.jobs(JobFilter(limit: 10_000)).filter { $0.executions != 1 }
        XCTAssertEqual(ranTwice.map(\.id), [])
    }
}
