import Foundation
import XCTest

/// The Responses screen in a real terminal: import the incident-report sample and its CSV
/// with the CLI, open the studio, go to Responses, filter to one response, open it.
final class ResponsesTmuxTests: XCTestCase {
    var session = ""
    var workspace: URL!

    override func setUpWithError() throws {
        guard (try? shell(["which", "tmux"]))?.status == 0 else { throw XCTSkip("tmux is not installed") }
        session = "formwork-responses-\(ProcessInfo.processInfo.processIdentifier)-\(Int.random(in: 0..<100_000))"
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

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    func cli(_ arguments: String...) throws {
        let result = try shell([binary.path] + arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, "formwork \(arguments.joined(separator: " ")): \(result.output)")
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
    func waitFor(_ text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
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

    func testFilterToOneResponseAndReadIt() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        try cli("forms", "import", Self.samples.appendingPathComponent("incident-report.form.json").path)
        try cli("forms", "publish", "incident-report")
        try cli("responses", "import", "incident-report", Self.samples.appendingPathComponent("incident-report.csv").path)
        let command = "env FORMWORK_HOME='\(workspace.path)' TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment) '\(binary.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
        try waitFor("Incident report")
        try send("2")
        try waitFor("Responses · Incident report")
        try send("/")
        try type("${reporter_email} = 'joao.brennan@example.co.uk'")
        try send("Enter")
        try waitFor("1 match")
        try send("Enter")
        try waitFor("Response ")
        let screen = try waitFor("Goods-in area")
        XCTAssertTrue(screen.contains { $0.contains("João Brennan") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("near_miss") || $0.contains("Near miss") }, screen.joined(separator: "\n"))
        try send("q")
        try send("q")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
    }
}
