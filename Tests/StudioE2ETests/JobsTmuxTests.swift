import Foundation
import XCTest

/// The Jobs screen in a real terminal (tmux) with the studio's own worker pool: a long
/// `sleep` job shows its progress bar and is cancelled from the screen; a job that failed
/// for good opens with its attempt and is retried from the screen into a paused queue, where
/// `formwork jobs list --json` finds it waiting again.
final class JobsTmuxTests: TmuxTestCase {
    /// The state of job `id` from `formwork jobs list --json`.
    func state(of id: Int) throws -> String? {
        let list = try JSONSerialization.jsonObject(with: Data(try formwork(["jobs", "list", "--json"]).utf8)) as? [[String: Any]]
        return list?.first { $0["id"] as? Int == id }?["state"] as? String
    }

    func testWatchCancelOpenAndRetryJobs() throws {
        try formwork(["jobs", "add", "report", "--args", #"{"form":"missing"}"#, "--queue", "reports", "--max-attempts", "1"])
        try formwork(["jobs", "add", "sleep", "--args", #"{"ms":600000}"#])
        try startFormwork()
        try waitFor("No forms yet")

        // Through the palette: every command is one search away, not only the tab key `4`.
        try send(":")
        try type("Go to Jobs")
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
        try formwork(["jobs", "add", "sleep", "--args", #"{"ms":600000}"#])
        try startFormwork(["studio", "--no-worker"])
        try waitFor("No forms yet")
        try send("4")
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
        try formwork(["jobs", "add", "sleep", "--args", #"{"ms":600000}"#])
        try startFormwork()
        try waitFor("No forms yet")
        let deadline = Date().addingTimeInterval(20)
        while try state(of: 1) != "running", Date() < deadline { usleep(100_000) }
        XCTAssertEqual(try state(of: 1), "running")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
        XCTAssertEqual(try state(of: 1), "available", "the studio's worker gives the job back on quit")
    }
}
