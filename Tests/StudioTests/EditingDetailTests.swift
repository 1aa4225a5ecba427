import FormCore
import Foundation
@testable import Studio
import TUIKit
import TUITesting
import XCTest

/// Property text, rule parts and condition edits, checked directly and through keys.
final class EditingDetailTests: XCTestCase {
    func testChoicesAndValidationAreEditedAsText() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("G tab")
        for _ in 0..<5 { try driver.press("j") }
        try driver.press("enter ctrl+u")
        driver.type("r=Red, g = Green ,b")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.field("f_color")?.choices?.staticChoices,
                       [Choice(value: "r", label: "Red"), Choice(value: "g", label: "Green"), Choice(value: "b")])
        try driver.press("j enter")
        driver.type("min=1 max=2.5 minLength=3 maxLength=9 pattern=^a minPicks=1 maxPicks=2 step=0.5")
        try driver.press("enter")
        let validation = driver.form?.field("f_color")?.validation
        XCTAssertEqual(validation, FieldValidation(min: 1, max: 2.5, minLength: 3, maxLength: 9, pattern: "^a", minPicks: 1, maxPicks: 2, step: 0.5))
        XCTAssertTrue(driver.shows("min=1 max=2.5"))
        try driver.press("enter ctrl+u")
        driver.type("min=x")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("min needs a number"))
        try driver.press("ctrl+u")
        driver.type("colour=red")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("unknown check"))
        try driver.press("ctrl+u")
        driver.type("oops")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("expected name=value"))
        try driver.press("ctrl+u")
        driver.type("minLength=2.5")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("needs a whole number"))
        try driver.press("esc")
        XCTAssertNil(driver.state.builder?.editing)
    }

    func testHelpKeyAndRequiredAndTypeRows() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("tab j enter ctrl+u")
        driver.type("subscribed")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.field("f_subscribe")?.key, "subscribed")
        try driver.press("j j enter")
        XCTAssertEqual(driver.form?.field("f_subscribe")?.required, true)
        try driver.press("k enter")
        XCTAssertTrue(driver.shows("Change type"))
        try driver.press("esc j j enter")
        driver.type("Tick if you want mail")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.field("f_subscribe")?.help, "Tick if you want mail")
        try driver.press("tab tab j enter")
        XCTAssertEqual(driver.state.builder?.focus, .properties, "enter in the tree goes to the properties")
        try driver.press("j enter ctrl+u")
        driver.type("name")
        try driver.press("enter")
        XCTAssertEqual(driver.state.toast?.text, "the key \"name\" is already used in the form", "keys stay unique")
    }

    func testGroupsCannotLoseTheirChildrenByRetyping() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("j t")
        driver.type("short")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("can't become short text"))
        XCTAssertEqual(driver.form?.field("f_details")?.type, .group)
        try driver.press("G t")
        driver.type("multiple choice")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.field("f_color")?.type, .multipleChoice)
    }

    func testEveryFieldTypeCanBeAddedFromThePalette() throws {
        let (driver, _) = try Fixtures.builder()
        for type in FieldType.allCases {
            try driver.press("a")
            driver.type(type.displayName)
            try driver.press("enter")
            XCTAssertEqual(driver.state.builder?.selectedField?.type, type, type.displayName)
        }
        XCTAssertNil(Linter.lint(try XCTUnwrap(driver.form)).first { $0.severity == .error }, "new fields make a valid form")
    }

    func testMultiPageFormsShowPageRows() throws {
        var form = Fixtures.contact
        form.pages.append(Page(id: "p2", title: "More", fields: [Field(id: "f_more", key: "more", type: .longText, label: "More")]))
        let (driver, _) = try Fixtures.builder(form: form)
        XCTAssertTrue(driver.lines.contains { $0.contains("Contact") && $0.contains("page") })
        try driver.press("g ctrl+j")
        XCTAssertTrue(driver.shows("select a field first"))
        try driver.press("a enter")
        XCTAssertEqual(driver.form?.pages[0].fields.first?.type, .shortText, "adding on a page row inserts at the page's top")
        try driver.press("G G")
        XCTAssertTrue(driver.isSelected("More"))
    }

    func testPreviewNavigationAndAnswerKinds() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("tab tab G")
        XCTAssertTrue(driver.isSelected("Colour"))
        try driver.press("g")
        XCTAssertTrue(driver.isSelected("Subscribe?"))
        try driver.press("j enter")
        XCTAssertTrue(driver.shows("group fields take no answer"))
        try driver.press("j j enter")
        driver.type("+44 1")
        try driver.press("enter")
        XCTAssertEqual(driver.state.builder?.engine?.state(of: "f_phone")?.value, .string("+44 1"))
        try driver.press("x")
        XCTAssertEqual(driver.state.builder?.engine?.state(of: "f_phone")?.value, .empty)
    }

    func testNumberAnswersAreCheckedLive() throws {
        var form = Fixtures.contact
        form.pages[0].fields.append(Field(id: "f_age", key: "age", type: .integer, label: "Age"))
        let (driver, _) = try Fixtures.builder(form: form)
        try driver.press("tab tab G enter")
        driver.type("4x")
        XCTAssertNotNil(driver.state.builder?.editing?.error)
        try driver.press("backspace")
        driver.type("2")
        XCTAssertNil(driver.state.builder?.editing?.error)
        driver.send(.paste("0"))
        try driver.press("enter")
        XCTAssertEqual(driver.state.builder?.engine?.state(of: "f_age")?.value, .number(420))
    }

    func testConditionEditingEdges() {
        let a = RuleCondition.row(ConditionRow(sourceFieldId: "a", condition: .isEmpty))
        let b = RuleCondition.row(ConditionRow(sourceFieldId: "b", condition: .isEmpty))
        let grown = ConditionEditing.inserting(b, after: [], in: a)
        XCTAssertEqual(grown, .all([a, b]))
        XCTAssertEqual(ConditionEditing.removing(at: [1], from: grown), a, "a root group left with one row becomes the row")
        XCTAssertNil(ConditionEditing.removing(at: [], from: a), "the last row cannot go")
        let nested = RuleCondition.all([a, .any([b])])
        XCTAssertEqual(ConditionEditing.removing(at: [1, 0], from: nested), a, "an emptied group goes too")
        XCTAssertEqual(ConditionEditing.toggling(at: [1], in: nested), .all([a, .all([b])]))
        XCTAssertEqual(ConditionEditing.toggling(at: [0], in: nested), nested, "rows have no all/any")
    }

    func testRuleValuesParsePerFieldKind() throws {
        var form = Fixtures.contact
        form.pages[0].fields.append(Field(id: "f_age", key: "age", type: .integer, label: "Age"))
        form.rules.append(Rule(id: "r2", when: .row(ConditionRow(sourceFieldId: "f_age", condition: .greaterThan, value: .number(1))),
                               action: .require, targetFieldIds: ["f_phone"]))
        let (driver, _) = try Fixtures.builder(form: form)
        try driver.press("r j enter down down right right enter ctrl+u")
        driver.type("18")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.rules[1].when.rows.first?.value, .number(18))
        try driver.press("left enter")
        driver.type("between")
        try driver.press("enter right enter ctrl+u")
        driver.type("18, 65")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.rules[1].when.rows.first?.value, .list([.number(18), .number(65)]))
        XCTAssertTrue(driver.shows("[18, 65]"))
        try driver.press("left enter")
        driver.type("is_empty")
        try driver.press("enter right enter")
        XCTAssertTrue(driver.shows("is_empty takes no value"))
        XCTAssertEqual(driver.form?.rules[1].when.rows.first?.value, RuleValue.none)
        try driver.press("left left enter")
        driver.type("name")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.rules[1].when.rows.first?.sourceFieldId, "f_name")
    }

    func testRawExpressionsOnTargetsPerAction() throws {
        for (action, check) in [(RuleAction.hide, { (f: Field) in f.visibleIf }), (.require, { $0.requiredIf }),
                                (.enable, { $0.enabledIf }), (.disable, { $0.enabledIf })] {
            var form = Fixtures.contact
            form.rules[0].action = action
            let (driver, _) = try Fixtures.builder(form: form)
            try driver.press("r enter e ctrl+a ctrl+k")
            driver.type("coalesce(${name}, 'x') = 'y'")
            try driver.press("enter")
            XCTAssertNotNil(driver.form?.field("f_email").flatMap(check), "\(action)")
        }
        var form = Fixtures.contact
        form.rules[0].action = .setValue
        form.rules[0].setValue = "'x'"
        let (driver, _) = try Fixtures.builder(form: form)
        try driver.press("r enter e ctrl+a ctrl+k")
        driver.type("coalesce(${name}, 'x') = 'y'")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("it stays raw"))
        driver.send(.paste(" and"))
        try driver.press("enter")
        XCTAssertTrue(driver.shows("fix the expression first"))
    }
}

