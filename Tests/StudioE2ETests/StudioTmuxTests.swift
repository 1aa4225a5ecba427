import FormCore
import Foundation
import XCTest

/// Drives the built `formwork` binary in a real terminal (tmux): create a form, add fields
/// from the palette, move and indent one, add a rule, answer in the preview, save and quit;
/// then check the saved form with `formwork forms export` and `formwork validate`.
final class StudioTmuxTests: TmuxTestCase {
    /// The preview pane of `lines`: the right-most columns of the 120-column screen.
    static func preview(_ lines: [String]) -> [String] { lines.map { String($0.dropFirst(83)) } }

    func testCreateArrangeRuleAnswerSaveQuit() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        // Bare `formwork`, finding its workspace through FORMWORK_HOME.
        let command = "\(environment) '\(binary.path)'; echo FORMWORK-EXITED-$?; sleep 60"
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
        XCTAssertFalse(Self.preview(try screen()).contains { $0.contains("Short text") })
        try send("y")
        try waitFor("Short text", in: Self.preview)
        try send("n")
        try waitFor("Integer", in: Self.preview)
        XCTAssertFalse(Self.preview(try screen()).contains { $0.contains("Short text") })

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
