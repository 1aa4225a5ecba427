import FormCore
import Foundation
import XCTest

/// `formwork fill FORM` in a real terminal (tmux): answer so that pages are skipped, kill the
/// terminal mid-way, reopen, resume the draft, submit; then read the response back with
/// `formwork responses list --json`.
final class FillTmuxTests: XCTestCase {
    var session = ""
    var workspace: URL!

    override func setUpWithError() throws {
        guard (try? shell(["which", "tmux"]))?.status == 0 else { throw XCTSkip("tmux is not installed") }
        session = "formwork-fill-\(ProcessInfo.processInfo.processIdentifier)-\(Int.random(in: 0..<100_000))"
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent(session)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDown() {
        _ = try? shell(["tmux", "kill-session", "-t", session])
        if let workspace { try? FileManager.default.removeItem(at: workspace) }
    }

    /// The `formwork` executable next to the test bundle.
    var binary: String { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("formwork").path }

    /// The repository's samples/ folder.
    var samples: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples") }

    func cli(_ arguments: [String]) throws -> String {
        let result = try shell([binary] + arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.output)")
        return result.output
    }

    func send(_ keys: String...) throws {
        try shell(["tmux", "send-keys", "-t", session] + keys)
        usleep(150_000)
    }

    func type(_ text: String) throws {
        try shell(["tmux", "send-keys", "-t", session, "-l", text])
        usleep(150_000)
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while Date() < deadline {
            lines = try shell(["tmux", "capture-pane", "-p", "-t", session]).output.components(separatedBy: "\n")
            if lines.contains(where: { $0.contains(text) }) { return lines }
            usleep(100_000)
        }
        XCTFail("timed out waiting for \"\(text)\"; screen:\n\(lines.joined(separator: "\n"))", file: file, line: line)
        return lines
    }

    func startFill() throws {
        let command = "env TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment) '\(binary)' fill customer-survey --workspace '\(workspace.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "40", command])
    }

    func testKilledMidwayThenResumedAndSubmitted() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary), "build formwork first: \(binary)")
        _ = try cli(["forms", "import", samples.appendingPathComponent("customer-survey.form.json").path])
        _ = try cli(["forms", "publish", "customer-survey"])

        try startFill()
        try waitFor("Which product do you use most?")
        try send("Enter")
        try waitFor("(•) Formwork Cloud")
        try send("NPage")
        try waitFor("Your score")
        try type("9")
        try waitFor("page 2 of 5")
        try send("NPage")
        // A promoter skips "What would make it a 10?" and "What went wrong".
        try waitFor("page 3 of 5")
        try waitFor("Testimonial")
        try type("Reports in minutes")
        try send("Tab")
        try waitFor("draft saved")
        try shell(["tmux", "kill-session", "-t", session])

        let drafts = try cli(["responses", "list", "customer-survey", "--status", "draft", "--json"])
        XCTAssertTrue(drafts.contains("Reports in minutes"), "the answers were saved before the kill: \(drafts)")

        try startFill()
        try waitFor("Resume your draft from")
        try send("Enter")
        try waitFor("(•) Formwork Cloud")
        try send("C-s")
        try waitFor("Submitted")
        try send("Enter")
        try waitFor("FORMWORK-EXITED-0")

        let submitted = try cli(["responses", "list", "customer-survey", "--status", "submitted", "--json"])
        let lines = submitted.split(separator: "\n").filter { $0.hasPrefix("{") }
        XCTAssertEqual(lines.count, 1, submitted)
        XCTAssertTrue(submitted.contains("Reports in minutes"), submitted)
        XCTAssertTrue(submitted.contains("\"cloud\""), submitted)
        XCTAssertTrue(submitted.contains("\"nps\": 9"), submitted)
        let left = try cli(["responses", "list", "customer-survey", "--status", "draft", "--json"])
        XCTAssertFalse(left.contains("{"), "the draft became the submitted response: \(left)")

        try findInResponses()
    }

    /// Opens the studio, goes to the form's responses, filters down to the submitted one and
    /// reads the testimonial given before the kill.
    func findInResponses() throws {
        try shell(["tmux", "kill-session", "-t", session])
        let command = "env TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment) '\(binary)' studio --workspace '\(workspace.path)'; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
        try waitFor("Customer experience survey")
        try send("a")
        try waitFor("1 response")
        try send("/")
        try type("${testimonial} startswith 'Reports'")
        try send("Enter")
        try waitFor("1 match")
        try send("Enter")
        try waitFor("Reports in minutes")
        try send("q")
    }
}
