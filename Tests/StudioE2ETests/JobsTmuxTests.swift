import Foundation
import XCTest

/// The Jobs screen in a real terminal (tmux) with the studio's own worker pool: a long
/// `sleep` job shows its progress bar and is cancelled from the screen; a job that failed
/// for good opens with its attempt and is retried from the screen into a paused queue, where
/// `formwork jobs list --json` finds it waiting again.
final class JobsTmuxTests: XCTestCase {
    var session = ""
    var workspace: URL!

    override func setUpWithError() throws {
        guard (try? shell(["which", "tmux"]))?.status == 0 else { throw XCTSkip("tmux is not installed") }
        session = "formwork-jobs-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(Int.random(in: 0..<100_000))"
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent(session)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDown() {
        _ = try? shell(["tmux", "kill-session", "-t", session])
        if let workspace { try? FileManager.default.removeItem(at: workspace) }
    }

    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("formwork")
    }

    /// Runs the CLI on the test workspace and returns its output.
    @discardableResult
    func formwork(_ arguments: [String]) throws -> String {
        let result = try shell([binary.path] + arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.output)
        return result.output
    }

    /// The state of job `id` from `formwork jobs list --json`.
    func state(of id: Int) throws -> String? {
        let list = try JSONSerialization.jsonObject(with: Data(try formwork(["jobs", "list", "--json"]).utf8)) as? [[String: Any]]
        return list?.first { $0["id"] as? Int == id }?["state"] as? String
    }

    func send(_ keys: String...) throws {
        try shell(["tmux", "send-keys", "-t", session] + keys)
        usleep(200_000)
    }

    func screen() throws -> [String] {
        try shell(["tmux", "capture-pane", "-p", "-t", session]).output.components(separatedBy: "\n")
    }

    /// Waits until one screen line contains every one of `parts`.
    @discardableResult
    func waitFor(_ parts: String..., timeout: Double = 20, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while Date() < deadline {
            lines = try screen()
            if lines.contains(where: { line in parts.allSatisfy { line.contains($0) } }) { return lines }
            usleep(100_000)
        }
        XCTFail("timed out waiting for \(parts); screen:\n\(lines.joined(separator: "\n"))", file: file, line: line)
        return lines
    }

    func testWatchCancelOpenAndRetryJobs() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        try formwork(["jobs", "add", "report", "--args", #"{"form":"missing"}"#, "--queue", "reports", "--max-attempts", "1"])
        try formwork(["jobs", "add", "sleep", "--args", #"{"ms":600000}"#])
        let command = "env FORMWORK_HOME='\(workspace.path)' TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment) '\(binary.path)' studio --workspace '\(workspace.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
        try waitFor("No forms yet")

        // Jobs is key 4 once every tab is merged; the palette finds it whatever its digit.
        try send(":")
        try shell(["tmux", "send-keys", "-t", session, "-l", "Go to Jobs"])
        try send("Enter")
        try waitFor("Formwork · Jobs")
        try waitFor("#2 sleep", "%", "slept")
        try waitFor("1", "report", "reports", "dead", "1/1")

        // The newest job (the sleep) is selected: cancel it, confirming on the first button.
        try send("c")
        try waitFor("Cancel running job")
        try send("Left")
        try send("Enter")
        try waitFor("2", "sleep", "default", "cancelled")
        XCTAssertEqual(try state(of: 2), "cancelled")

        // Pause the reports queue so the retried job waits there instead of failing again.
        try send("Tab")
        try send("j")
        try send("p")
        try waitFor("reports", "paused")
        try send("Tab")
        try send("j")
        try send("Enter")
        try waitFor("Job 1 · report")
        try waitFor("#1 ·")
        try send("r")
        try waitFor("job 1 queued again")
        try waitFor("Status queued")
        XCTAssertEqual(try state(of: 1), "available")

        try send("q")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
        XCTAssertEqual(try state(of: 1), "available", "quitting loses nothing")
    }

    func testWithoutItsWorkerTheScreenFollowsAnExternalOne() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        try formwork(["jobs", "add", "sleep", "--args", #"{"ms":600000}"#])
        let studio = "env TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment) '\(binary.path)' studio --no-worker --workspace '\(workspace.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", studio])
        try waitFor("No forms yet")
        try send(":")
        try shell(["tmux", "send-keys", "-t", session, "-l", "Go to Jobs"])
        try send("Enter")
        try waitFor("1", "sleep", "default", "queued")
        XCTAssertEqual(try state(of: 1), "available", "--no-worker runs nothing")

        // A separate `formwork worker` in a second tmux window: the screen reads the same queue.
        try shell(["tmux", "new-window", "-d", "-t", session, "'\(binary.path)' worker --workspace '\(workspace.path)'"])
        try waitFor("#1 sleep", "%", "slept")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
        XCTAssertEqual(try state(of: 1), "running", "the external worker still runs it after the studio quit")
    }

    func testQuittingReleasesTheRunningJob() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        try formwork(["jobs", "add", "sleep", "--args", #"{"ms":600000}"#])
        let studio = "env TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment) '\(binary.path)' studio --workspace '\(workspace.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", studio])
        try waitFor("No forms yet")
        let deadline = Date().addingTimeInterval(20)
        while try state(of: 1) != "running", Date() < deadline { usleep(100_000) }
        XCTAssertEqual(try state(of: 1), "running")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
        XCTAssertEqual(try state(of: 1), "available", "the studio's worker gives the job back on quit")
    }
}
