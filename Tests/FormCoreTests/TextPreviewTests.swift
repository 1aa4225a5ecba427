import XCTest
@testable import FormCore

final class TextPreviewTests: XCTestCase {
    func testRendersPagesAnswersProblemsAndHiddenFields() throws {
        let engine = try RuleEngine(form: ExplainFixture.form, answers: ExplainFixture.answers)
        let lines = TextPreview.render(engine, width: 50)
        let rule = String(repeating: "─", count: 50)
        XCTAssertEqual(lines, [
            "Explain me  (version 2, draft)",
            "A form for explanations.",
            "",
            rule,
            "Page 1 of 2: Start",
            "  Please answer honestly.",
            "  * Age: 40",
            "  Pet [disabled]: Cat",
            "  Reason: (",
            "  Locked [disabled]: —",
            "  Total: 80",
            "  Status: senior",
            "  ▸ Items (2 entries)",
            "      * Item: one",
            "      * Item: —",
            "        ✗ an answer is required",
            "",
            rule,
            "Page 2 of 2: p3",
            "  Last: —",
            "",
            "Skipped pages: Skipped",
            "",
            "Hidden fields:",
            "  details — visibleIf hides it: `${age} < 10` is",
            "    false because `${age}` is 40",
            "  broken — visibleIf hides it: `${pet} matches",
            "    ${reason}` failed (invalid regular expression",
            "    '('), counted as false",
        ])
        XCTAssertTrue(lines.allSatisfy { $0.count <= 50 })
    }

    func testWidthHasAFloorAndWarningsAreMarked() throws {
        let field = Field(id: "f_n", key: "n", type: .integer, label: "Number",
                          constraint: Constraint(expression: "${n} < 5", message: "quite large", severity: .warning))
        let form = Form(id: "w", title: "W", pages: [Page(id: "p", title: "P", fields: [field])])
        let lines = TextPreview.render(try RuleEngine(form: form, answers: Answers(values: ["n": .number(9)])), width: 10)
        XCTAssertEqual(lines[2].count, 40, "width is at least 40")
        XCTAssertEqual(Array(lines.suffix(2)), ["  Number: 9", "    ! quite large"])
    }

    func testDisplayUsesChoiceLabels() {
        let pick = Field(id: "f", key: "f", type: .multipleChoice, choices: .list([Choice(value: "a", label: "Apple"), Choice(value: "b")]))
        XCTAssertEqual(TextPreview.display(.list([.string("a"), .string("b"), .string("z")]), field: pick), "Apple, b, z")
        XCTAssertEqual(TextPreview.display(.bool(true), field: Field(id: "y", key: "y", type: .yesNo)), "yes")
        XCTAssertEqual(TextPreview.display(.duration(90), field: Field(id: "d", key: "d", type: .duration)), "90")
    }

    func testWrap() {
        XCTAssertEqual(TextPreview.wrap("one two three four", width: 13), ["one two three", "  four"])
        XCTAssertEqual(TextPreview.wrap("", width: 20), [""])
        XCTAssertEqual(TextPreview.wrap("short", width: 20, indent: "    "), ["    short"])
        // A word longer than the line is cut, continuing indented.
        XCTAssertEqual(TextPreview.wrap("abcdefghijklmnopqrstuvwxyz", width: 12), ["abcdefghijkl", "  mnopqrstuv", "  wxyz"])
        // The limit never drops below the indent plus twelve columns.
        XCTAssertEqual(TextPreview.wrap("aaa bbb ccc ddd", width: 5, indent: "  "), ["  aaa bbb ccc", "    ddd"])
        for line in TextPreview.wrap(String(repeating: "word ", count: 40), width: 30, indent: "  ") { XCTAssertLessThanOrEqual(line.count, 30) }
    }
}
