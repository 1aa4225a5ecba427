import FormCore
import Foundation
import XCTest

/// Drives the built `formwork` binary in a real terminal (tmux): create a form, add fields
/// from the palette, move and indent one, add a rule, answer in the preview, save and quit;
/// then check the saved form with `formwork forms export` and `formwork validate`.
final class StudioTmuxTests: XCTestCase {
    var session = ""
    var workspace: URL!

    override func setUpWithError() throws {
        guard (try? shell(["which", "tmux"]))?.status == 0 else { throw XCTSkip("tmux is not installed") }
        session = "formwork-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(Int.random(in: 0..<100_000))"
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent(session)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDown() {
        _ = try? shell(["tmux", "kill-session", "-t", session])
        if let workspace { try? FileManager.default.removeItem(at: workspace) }
    }

    /// The `formwork` executable next to the test bundle.
    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("formwork")
    }

    func send(_ keys: String...) throws {
        try shell(["tmux", "send-keys", "-t", session] + keys)
        usleep(150_000)
    }

    func type(_ text: String) throws {
        try shell(["tmux", "send-keys", "-t", session, "-l", text])
        usleep(150_000)
    }

    func screen() throws -> [String] {
        try shell(["tmux", "capture-pane", "-p", "-t", session]).output.components(separatedBy: "\n")
    }

    /// The preview pane: the right-most columns of the 120-column screen.
    func preview() throws -> [String] { try screen().map { String($0.dropFirst(83)) } }

    @discardableResult
    func waitFor(_ text: String, in region: () throws -> [String] = { [] }, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while Date() < deadline {
            lines = try region()
            if lines.isEmpty { lines = try screen() }
            if lines.contains(where: { $0.contains(text) }) { return lines }
            usleep(100_000)
        }
        XCTFail("timed out waiting for \"\(text)\"; screen:\n\(lines.joined(separator: "\n"))", file: file, line: line)
        return lines
    }

    func testCreateArrangeRuleAnswerSaveQuit() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        let command = "env FORMWORK_HOME='\(workspace.path)' TERM=xterm-256color LANG=C.UTF-8 '\(binary.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
        try waitFor("No forms yet")

        try send("n")
        try waitFor("New form title")
        try type("Survey")
        try send("Enter")
        try waitFor("Empty form")

        for search in ["yes", "short", "email", "group", "integer"] {
            try send("a")
            try waitFor("Add field")
            try type(search)
            try send("Enter")
        }
        try waitFor("integer_1 integer")

        // Fold the group, go up to the short text, move it down twice (over the folded group),
        // then indent it into the group above.
        try send("k")
        try send("h")
        try send("k")
        try send("k")
        try waitFor("» Short text")
        try send("C-j")
        try send("C-j")
        try send("M-Right")
        let tree = try waitFor("└ Short text")
        XCTAssertTrue(tree.contains { $0.contains("▼ Group") }, tree.joined(separator: "\n"))

        // A rule: show the short text only when the yes/no field is yes.
        try send("r")
        try waitFor("No rules")
        try send("n")
        try waitFor("[yes_no_1] [equals] [yes]")
        try send("q")
        try waitFor("Preview")

        // Answer in the preview: yes shows the short text, no hides it.
        try send("Tab")
        try send("Tab")
        try send("g")
        XCTAssertFalse(try preview().contains { $0.contains("Short text") })
        try send("y")
        try waitFor("Short text", in: preview)
        try send("n")
        try waitFor("Integer", in: preview)
        XCTAssertFalse(try preview().contains { $0.contains("Short text") })

        try send("C-s")
        try waitFor("saved")
        try send("q")
        try waitFor("Forms")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")

        try checkSavedForm()
    }

    func checkSavedForm() throws {
        let path = try savedFormPath()
        let validate = try shell([binary.path, "validate", path])
        XCTAssertEqual(validate.status, 0, validate.output)
        let form = try FormFile.load(path: path)
        let top = form.pages.first?.fields ?? []
        XCTAssertEqual(top.map(\.key), ["yes_no_1", "email_1", "group_1", "integer_1"])
        XCTAssertEqual(top.first { $0.key == "group_1" }?.children.map(\.key), ["short_text_1"])
        XCTAssertEqual(form.rules.count, 1)
        XCTAssertEqual(form.rules.first?.action, .show)
        XCTAssertEqual(form.rules.first?.targetFieldIds, ["f_short_text_1"])
        XCTAssertEqual(form.rules.first?.when, .row(ConditionRow(sourceFieldId: "f_yes_no_1", condition: .equals, value: .bool(true))))
    }

    /// The saved draft, exported by `formwork forms export`.
    func savedFormPath() throws -> String {
        let path = workspace.appendingPathComponent("survey.form.json").path
        let export = try shell([binary.path, "forms", "export", "survey", "--workspace", workspace.path, "--output", path])
        XCTAssertEqual(export.status, 0, export.output)
        return path
    }
}
