import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

final class RuleEditorTests: XCTestCase {
    func testListShowsRulesAndEditsOperatorFromValidOnes() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("r")
        XCTAssertEqual(driver.state.screen, .rules)
        XCTAssertTrue(driver.shows("show email when subscribe equals yes"))
        try driver.press("enter down down right enter")
        XCTAssertTrue(driver.shows("Operator"))
        XCTAssertTrue(driver.shows("not_equals"))
        XCTAssertFalse(driver.shows("greater_than"), "only operators valid for a yes/no field")
        try driver.press("down enter")
        XCTAssertEqual(driver.form?.rules.first?.when, .row(ConditionRow(sourceFieldId: "f_subscribe", condition: .notEquals, value: .bool(true))))
        try driver.press("right enter down enter")
        XCTAssertEqual(driver.form?.rules.first?.when.rows.first?.value, .bool(false))
    }

    func testSourceValueActionAndTargets() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("r enter down down enter")
        driver.type("colour")
        try driver.press("enter")
        let row = driver.form?.rules.first?.when.rows.first
        XCTAssertEqual(row?.sourceFieldId, "f_color")
        XCTAssertEqual(row?.value, .string("red"), "a choice field's value comes from its choices")
        try driver.press("right right enter")
        XCTAssertTrue(driver.shows("Blue"))
        try driver.press("down enter")
        XCTAssertEqual(driver.form?.rules.first?.when.rows.first?.value, .string("blue"))
        try driver.press("up up enter")
        driver.type("hide")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.rules.first?.action, .hide)
        try driver.press("down enter")
        driver.type("phone")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.rules.first?.targetFieldIds, ["f_email", "f_phone"])
        try driver.press("ctrl+u")
        driver.type("email")
        try driver.press("enter esc")
        XCTAssertEqual(driver.form?.rules.first?.targetFieldIds, ["f_phone"])
    }

    func testRowsGroupsAndDeletion() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("r enter down down a")
        guard case .all(let items)? = driver.form?.rules.first?.when else { return XCTFail("a second row makes an all group") }
        XCTAssertEqual(items.count, 2)
        try driver.press("down o")
        XCTAssertTrue(driver.shows("put the cursor on an all/any line"))
        try driver.press("up o")
        guard case .any? = driver.form?.rules.first?.when else { return XCTFail("o switches the group") }
        XCTAssertTrue(driver.shows("any of:"))
        try driver.press("g")
        XCTAssertEqual(driver.form?.rules.first?.when.rows.count, 3)
        try driver.press("down d")
        XCTAssertEqual(driver.form?.rules.first?.when.rows.count, 2)
        try driver.press("esc d")
        XCTAssertEqual(driver.form?.rules.count, 0)
        XCTAssertTrue(driver.shows("No rules"))
        try driver.press("q")
        XCTAssertEqual(driver.state.screen, .builder)
    }

    func testNewRuleTargetsTheSelectedFieldAndReadsAYesNo() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("G r n")
        let rule = driver.form?.rules.last
        XCTAssertEqual(rule?.targetFieldIds, ["f_color"])
        XCTAssertEqual(rule?.action, .show)
        XCTAssertEqual(rule?.when, .row(ConditionRow(sourceFieldId: "f_subscribe", condition: .equals, value: .bool(true))))
        try driver.press("esc esc z")
        XCTAssertEqual(driver.form?.rules.count, 1, "rule edits are undoable")
    }

    func testRawModeRoundTripsAndKeepsWhatRowsCannotSay() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("r enter e")
        XCTAssertTrue(driver.shows("${subscribe} = true"))
        XCTAssertTrue(driver.shows("rows can express this"))
        try driver.press("end")
        driver.type(" and")
        XCTAssertTrue(driver.lines.contains { $0.contains("^ ") }, "a live parse error under the caret")
        try driver.press("esc")
        XCTAssertTrue(driver.shows("fix the expression first"))
        XCTAssertNotNil(driver.state.rules?.raw, "switching refuses rather than losing the text")
        try driver.press("ctrl+a ctrl+k")
        driver.type("${name} = 'x' or coalesce(${phone}, 'none') = 'y'")
        try driver.press("esc")
        XCTAssertNotNil(driver.state.rules?.raw, "rows can't express a function call: it stays raw")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.rules.count, 0)
        XCTAssertNotNil(driver.form?.field("f_email")?.visibleIf, "stored on the target's expression")
        XCTAssertTrue(driver.shows("stored on the targets"))
    }

    func testRawToRowsConverts() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("r enter e ctrl+a ctrl+k")
        driver.type("${name} = 'x' or ${phone} = 'y'")
        try driver.press("esc")
        XCTAssertNil(driver.state.rules?.raw)
        guard case .any(let items)? = driver.form?.rules.first?.when else { return XCTFail("expected an any group") }
        XCTAssertEqual(items.count, 2)
        try driver.press("a")
        XCTAssertEqual(driver.form?.rules.first?.when.rows.count, 3)
    }

    func testLintFindingsShowInTheEditor() throws {
        var form = Fixtures.contact
        form.rules.append(Rule(id: "r2", when: .row(ConditionRow(sourceFieldId: "f_color", condition: .equals, value: .string("green"))),
                               action: .show, targetFieldIds: ["f_phone"]))
        let (driver, _) = try Fixtures.builder(form: form)
        try driver.press("r")
        XCTAssertTrue(driver.shows("Problems"))
        XCTAssertTrue(driver.lines.contains { $0.contains("green") }, driver.screen)
    }
}
