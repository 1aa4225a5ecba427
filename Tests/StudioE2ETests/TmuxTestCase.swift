import Foundation
import XCTest

/// The frame every end-to-end suite shares: a tmux session and a temporary folder per test
/// (the workspace and an empty config home inside it), the built `formwork` next to the test
/// bundle, the CLI on that workspace, and keys in / screen lines out with waiting.
class TmuxTestCase: XCTestCase {
    /// The tmux session; also the name of the test's temporary folder.
    var session = ""
    /// The test's temporary folder, removed afterwards.
    var root: URL!
    /// The workspace the studio and the CLI calls of the test use.
    var workspace: URL { root.appendingPathComponent("ws") }
    /// A word naming the suite in session names (`formwork-<prefix>-<pid>-<n>`).
    class var sessionPrefix: String { "e2e" }

    override func setUpWithError() throws {
        guard (try? shell(["which", "tmux"]))?.status == 0 else { throw XCTSkip("tmux is not installed") }
        session = "formwork-\(Self.sessionPrefix)-\(ProcessInfo.processInfo.processIdentifier)-\(Int.random(in: 0..<100_000))"
        root = FileManager.default.temporaryDirectory.appendingPathComponent(session)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDown() {
        _ = try? shell(["tmux", "kill-session", "-t", session])
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// The `formwork` executable next to the test bundle.
    var binary: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("formwork") }

    /// The repository's samples/ folder.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// `env …` for every process the test starts in tmux: this test's workspace and config
    /// home (so a person's own theme or formats never leak in), a known terminal and locale,
    /// and the coverage profile path.
    var environment: String {
        "env FORMWORK_HOME='\(workspace.path)' XDG_CONFIG_HOME='\(root.appendingPathComponent("config").path)' TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment)"
    }

    /// Runs `formwork ARGUMENTS --workspace …`, fails the test unless it exits 0, and returns
    /// its output.
    @discardableResult
    func formwork(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try shell([binary.path] + arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, "formwork \(arguments.joined(separator: " ")): \(result.output)", file: file, line: line)
        return result.output
    }

    /// Starts a detached session running `formwork ARGUMENTS` on the workspace; when it exits
    /// the pane says `FORMWORK-EXITED-<status>` and stays open a minute to be read.
    func startFormwork(_ arguments: [String] = ["studio"], width: Int = 120, height: Int = 40) throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        let command = "\(environment) '\(binary.path)' \(arguments.joined(separator: " ")) --workspace '\(workspace.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
    }

    /// Presses keys (tmux names: `Enter`, `C-s`, `NPage`…), then lets the studio draw.
    func send(_ keys: String...) throws {
        try shell(["tmux", "send-keys", "-t", session] + keys)
        usleep(150_000)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try shell(["tmux", "send-keys", "-t", session, "-l", text])
        usleep(150_000)
    }

    /// The screen's lines.
    func screen() throws -> [String] {
        try shell(["tmux", "capture-pane", "-p", "-t", session]).output.components(separatedBy: "\n")
    }

    /// Waits until one line of `region` (the whole screen by default) holds every one of
    /// `parts`; returns the lines, or fails the test with the screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ parts: String..., in region: @escaping ([String]) -> [String] = { $0 }, timeout: Double = 15,
                 file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while Date() < deadline {
            lines = region(try screen())
            if lines.contains(where: { row in parts.allSatisfy { row.contains($0) } }) { return lines }
            usleep(100_000)
        }
        XCTFail("timed out waiting for \(parts); screen:\n\(lines.joined(separator: "\n"))", file: file, line: line)
        return lines
    }
}
