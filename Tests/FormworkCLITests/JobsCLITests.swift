import Foundation
import XCTest

/// `formwork jobs …`, `formwork worker` and `formwork schedule …` on a temporary workspace.
final class JobsCLITests: CLITestCase {
    var workspace: String { directory.appendingPathComponent("ws").path }

    func formwork(_ arguments: [String]) throws -> Run {
        try run(arguments + ["--workspace", workspace])
    }

    /// Waits until `jobs stats --json` shows `count` jobs in `state`.
    func waitFor(_ state: String, count: Int, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let stats = try formwork(["jobs", "stats", "--json"]).stdout
            if let object = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any],
               object[state] as? Int == count { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("no \(count) \(state) jobs within \(timeout) s")
    }

    func startWorker() throws -> Process {
        let process = Process()
        process.executableURL = try XCTUnwrap(Self.binary)
        process.arguments = ["worker", "--workspace", workspace]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func testEnqueueWorkAndInspect() throws {
        var r = try formwork(["jobs", "add", "noop", "--count", "3"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, ["1", "2", "3"])
        r = try formwork(["jobs", "add", "sleep", "--args", #"{"ms": 10}"#, "--queue", "reports", "--priority", "1"])
        XCTAssertEqual(r.lines, ["4"])
        r = try formwork(["jobs", "list"])
        XCTAssertTrue(r.lines[0].hasPrefix("ID"))
        XCTAssertEqual(r.lines.count, 5)
        try waitFor("available", count: 4, timeout: 1)

        let worker = try startWorker()
        try waitFor("completed", count: 4)
        worker.terminate()
        worker.waitUntilExit()
        XCTAssertEqual(worker.terminationStatus, 0, "SIGTERM is a graceful shutdown")

        r = try formwork(["jobs", "show", "1"])
        XCTAssertTrue(r.lines[0].hasPrefix("job 1"), r.stdout)
        XCTAssertTrue(r.stdout.contains("completed"))
        r = try formwork(["jobs", "stats"])
        XCTAssertTrue(r.stdout.contains("duplicate executions 0"), r.stdout)
        r = try formwork(["jobs", "purge", "--state", "completed"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try waitFor("completed", count: 0, timeout: 1)
    }

    func testCancelARunningJobThenRetryIt() throws {
        XCTAssertEqual(try formwork(["jobs", "add", "sleep", "--args", #"{"ms": 30000}"#]).status, 0)
        let worker = try startWorker()
        defer { worker.terminate(); worker.waitUntilExit() }
        try waitFor("running", count: 1)
        var r = try formwork(["jobs", "cancel", "1"])
        XCTAssertEqual(r.lines, ["cancel requested for running job 1"])
        try waitFor("cancelled", count: 1)
        r = try formwork(["jobs", "retry", "1"])
        XCTAssertEqual(r.lines, ["requeued 1"])
        try waitFor("running", count: 1)
    }

    func testPauseResumeAndSchedules() throws {
        XCTAssertEqual(try formwork(["jobs", "pause", "reports"]).lines, ["paused reports"])
        XCTAssertEqual(try formwork(["jobs", "resume", "reports"]).lines, ["resumed reports"])
        var r = try formwork(["schedule", "add", "nightly", "0 7 * * mon", "noop"])
        XCTAssertEqual(r.lines, ["schedule nightly added"])
        r = try formwork(["schedule", "list"])
        XCTAssertTrue(r.lines[1].hasPrefix("nightly  0 7 * * mon  noop"), r.stdout)
        r = try formwork(["schedule", "add", "bad", "61 * * * *", "noop"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.errorLines.count, 1, r.stderr)
        XCTAssertEqual(try formwork(["schedule", "remove", "nightly"]).lines, ["schedule nightly removed"])
    }

    func testReportJobsReadTheWorkersWorkspace() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("site-inspection.form.json")]).status, 0)
        XCTAssertEqual(try formwork(["responses", "import", "site-inspection", sample("site-inspection.csv")]).status, 0)
        let out = directory.appendingPathComponent("reports").path
        XCTAssertEqual(try formwork(["jobs", "add", "report", "--queue", "reports", "--args", #"{"form": "site-inspection", "out": "\#(out)"}"#]).lines, ["1"])
        XCTAssertEqual(try formwork(["jobs", "add", "report", "--queue", "reports", "--args", #"{"form": "nope", "out": "\#(out)"}"#]).lines, ["2"])
        let worker = try startWorker()
        defer { worker.terminate(); worker.waitUntilExit() }
        try waitFor("completed", count: 1)
        try waitFor("discarded", count: 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/site-inspection-summary.pdf"))
        let failed = try formwork(["jobs", "show", "2"])
        XCTAssertTrue(failed.stdout.contains(#"no form "nope" in this workspace"#), failed.stdout)
    }

    func testBadArgumentsAreOneLine() throws {
        var r = try formwork(["jobs", "add", "noop", "--args", "{not json"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.errorLines.count, 1, r.stderr)
        r = try formwork(["jobs", "show", "999"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.errorLines.count, 1, r.stderr)
    }
}
