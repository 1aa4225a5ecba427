import XCTest
@testable import FormCore

final class LinterTests: XCTestCase {
    private func field(_ key: String, _ type: FieldType = .shortText, _ configure: (inout Field) -> Void = { _ in }) -> Field {
        var f = Fixtures.field(key, type)
        configure(&f)
        return f
    }

    private var colors: Field {
        field("color", .singleChoice) { $0.choices = .list([Choice(value: "red"), Choice(value: "blue")]) }
    }

    private func form(_ fields: [Field], page2: [Field] = [], rules: [Rule] = []) -> Form {
        Form(id: "lint", title: "Lint", pages: [Page(id: "p1", title: "One", fields: fields), Page(id: "p2", title: "Two", fields: page2)],
             rules: rules)
    }

    private func row(_ key: String, _ op: RuleOperator, _ value: RuleValue = .none) -> RuleCondition {
        .row(ConditionRow(sourceFieldId: "f_\(key)", condition: op, value: value))
    }

    private func issues(_ form: Form, _ code: String) -> [LintIssue] { Linter.lint(form).filter { $0.code == code } }

    // MARK: - Structure

    func testCleanFormHasNoIssues() {
        let f = form([field("name"), field("age", .integer) { $0.visibleIf = "${name} != ''" }], page2: [field("notes")])
        XCTAssertEqual(Linter.lint(f), [])
    }

    func testDuplicateIdsKeysPagesAndRules() {
        var b = field("b")
        b.id = "f_a"
        var f = form([field("a"), b, field("a")], rules: [
            Rule(id: "r", when: row("a", .isEmpty), action: .hide, targetFieldIds: ["f_b"]),
            Rule(id: "r", when: row("a", .isEmpty), action: .show, targetFieldIds: ["f_b"]),
        ])
        f.pages.append(Page(id: "p1", title: "Again"))
        let all = Linter.lint(f)
        XCTAssertEqual(all.filter { $0.code == "duplicate-id" }.count, 2)
        XCTAssertEqual(issues(f, "duplicate-key").map(\.message), ["the key \"a\" is used more than once in the form"])
        XCTAssertEqual(issues(f, "duplicate-page").map(\.location), ["page \"p1\""])
        XCTAssertEqual(issues(f, "duplicate-rule").map(\.location), ["rule \"r\""])
        XCTAssertTrue(all.allSatisfy { $0.severity == .error })
    }

    func testDuplicateKeysAreScopedToTheirRepeat() {
        let repeatGroup = field("items", .repeatGroup) { $0.children = [self.field("name"), self.field("qty", .integer), self.field("qty", .integer) { $0.id = "f_qty2" }] }
        let f = form([field("name"), repeatGroup])
        XCTAssertEqual(issues(f, "duplicate-key").map(\.message), ["the key \"qty\" is used more than once in repeat \"items\""])
    }

    func testBadKeys() {
        for key in ["1st", "a-b", "", "ünicode", "has space"] {
            let f = form([field("ok"), field("x") { $0.key = key }])
            XCTAssertEqual(issues(f, "bad-key").count, 1, key)
        }
        for key in ["_private", "Q1", "a_b_2"] {
            XCTAssertEqual(issues(form([field("x") { $0.key = key }]), "bad-key"), [], key)
        }
    }

    // MARK: - Rule rows

    func testRuleRowsNamingUnknownFieldsAndPages() {
        let f = form([field("a")], rules: [
            Rule(id: "r1", when: row("ghost", .isEmpty), action: .show, targetFieldIds: ["f_a", "f_nobody"]),
            Rule(id: "r2", when: row("a", .isEmpty), action: .skipToPage, targetPageId: "p9"),
        ])
        XCTAssertEqual(issues(f, "unknown-field").map(\.message), [
            "reads \"f_ghost\", which is not a field of this form",
            "targets \"f_nobody\", which is not a field of this form",
        ])
        XCTAssertEqual(issues(f, "unknown-page").map(\.message), ["skips to \"p9\", which is not a page of this form"])
    }

    func testOperatorsMustFitTheSourceType() {
        let f = form([field("name"), field("ok", .yesNo), field("pos", .geopoint), field("n", .integer), colors], rules: [
            Rule(id: "r1", when: .all([row("name", .greaterThan, .number(3)), row("ok", .contains, .string("y")),
                                       row("pos", .equals, .string("x")), row("n", .between, .list([.number(1), .number(2), .number(3)]))]),
                 action: .show, targetFieldIds: ["f_color"]),
        ])
        XCTAssertEqual(issues(f, "bad-operator").map(\.message), [
            "\"greater_than\" does not apply to short text field \"name\"",
            "\"contains\" does not apply to yes / no field \"ok\"",
            "\"equals\" does not apply to geopoint field \"pos\"",
        ])
        XCTAssertEqual(issues(f, "bad-value").map(\.message), ["between needs exactly two values"])
    }

    func testCalculatedSourcesAcceptEveryOperator() {
        let f = form([field("n", .integer), field("twice", .calculated) { $0.calculate = "${n} * 2" }, field("x")], rules: [
            Rule(id: "r", when: row("twice", .matches, .string("^4")), action: .show, targetFieldIds: ["f_x"]),
        ])
        XCTAssertEqual(issues(f, "bad-operator"), [])
    }

    func testUnknownChoiceInRowsAndExpressions() {
        let f = form([colors, field("x") { $0.visibleIf = "${color} = 'green' or ${color} in ('red', 'pink') or selected(${color}, 'teal')" },
                      field("y") { $0.requiredIf = "${color} != 'blue'" }], rules: [
            Rule(id: "r1", when: row("color", .in, .list([.string("red"), .string("purple")])), action: .hide, targetFieldIds: ["f_x"]),
        ])
        let messages = issues(f, "unknown-choice").map(\.message)
        XCTAssertEqual(messages.count, 4, "\(messages)")
        XCTAssertTrue(messages.contains("\"color\" has no choice \"purple\" (choices: red, blue)"))
        XCTAssertTrue(messages.contains { $0.contains("\"green\"") } && messages.contains { $0.contains("\"pink\"") }
                      && messages.contains { $0.contains("\"teal\"") })
    }

    func testChoicesFromACSVFileAreNotChecked() {
        let f = form([field("site", .dropdown) { $0.choices = .csv(path: "sites.csv", valueColumn: "v", labelColumn: "l") },
                      field("x") { $0.visibleIf = "${site} = 'anything'" }])
        XCTAssertEqual(issues(f, "unknown-choice"), [])
    }

    func testSetValueOnACalculatedFieldIsAWarning() {
        let f = form([field("a"), field("c", .calculated) { $0.calculate = "${a}" }], rules: [
            Rule(id: "r", when: row("a", .isNotEmpty), action: .setValue, targetFieldIds: ["f_c"], setValue: "'x'"),
        ])
        XCTAssertEqual(issues(f, "set-calculated").map(\.severity), [.warning])
    }

    func testSkipsMustGoForward() {
        let f = form([field("a")], page2: [field("b")], rules: [
            Rule(id: "back", when: row("b", .isEmpty), action: .skipToPage, targetPageId: "p1"),
            Rule(id: "fwd", when: row("a", .isEmpty), action: .skipToPage, targetPageId: "p2"),
        ])
        XCTAssertEqual(issues(f, "backward-skip").map(\.location), ["rule \"back\""])
    }

    // MARK: - Expressions

    func testUnknownReferenceHasAColumn() {
        let f = form([field("a") { $0.visibleIf = "${b} = 1" }])
        let found = issues(f, "unknown-reference")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location, "field \"a\" visibleIf")
        XCTAssertEqual(found.first?.column, 1)
        XCTAssertEqual(found.first?.description.hasSuffix("(column 1) [unknown-reference]"), true)
    }

    func testTypeMismatchAndBadExpression() {
        let f = form([field("d", .date), field("n", .integer) { $0.calculate = "${d} * 2" },
                      field("x") { $0.visibleIf = "${d}" }, field("y") { $0.calculate = "round(1, 2, 3, 4)" }])
        XCTAssertEqual(issues(f, "type-mismatch").map(\.location), ["field \"n\" calculate"])
        XCTAssertEqual(issues(f, "bad-expression").map(\.message), ["a condition must be yes/no, but this is a date"])
        // Argument counts are checked by the parser, so a wrong count is a syntax error.
        XCTAssertEqual(issues(f, "syntax").map(\.location), ["field \"y\" calculate"])
    }

    func testChoiceFilterMaySayChoice() {
        let f = form([field("region"), field("city", .dropdown) { $0.choices = .filtered([Choice(value: "eu-a")], filter: "${choice} startswith ${region}") }])
        XCTAssertEqual(issues(f, "unknown-reference"), [])
        let other = form([field("x") { $0.visibleIf = "${choice} = 'a'" }])
        XCTAssertEqual(issues(other, "unknown-reference").count, 1)
    }

    func testAggregatesOverRepeatsAreLists() {
        let items = field("items", .repeatGroup) { $0.children = [self.field("price", .decimal)] }
        let f = form([items, field("total", .calculated) { $0.calculate = "sum(${price})" }, field("x") { $0.visibleIf = "${items} > 2" }])
        XCTAssertEqual(Linter.lint(f).filter { $0.severity == .error }, [])
    }

    func testSyntaxErrorsAreReportedWithTheirOrigin() {
        let f = form([field("a") { $0.visibleIf = "${a} = " }], page2: [field("b")], rules: [
            Rule(id: "r", when: row("a", .isEmpty), action: .setValue, targetFieldIds: ["f_b"], setValue: "1 +"),
        ])
        var broken = f
        broken.pages[1].visibleIf = "(("
        let found = issues(broken, "syntax")
        XCTAssertEqual(Set(found.map(\.location)), ["field \"a\" visibleIf", "rule \"r\"", "page \"p2\" visibleIf"])
        XCTAssertTrue(found.allSatisfy { $0.column != nil && $0.message.contains(" in `") })
    }

    func testCyclesAreErrors() {
        let f = form([field("a", .calculated) { $0.calculate = "${b} + 1" }, field("b", .calculated) { $0.calculate = "${a} + 1" }])
        let found = issues(f, "cycle")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.hasPrefix("dependency cycle: "), found[0].message)
    }

    func testConstantConditions() {
        let f = form([field("age", .integer),
                      field("a") { $0.requiredIf = "1 < 2" },
                      field("b") { $0.visibleIf = "${age} > 10 and ${age} < 5" },
                      field("c") { $0.enabledIf = "${age} >= 18 and ${age} = 17" },
                      field("d") { $0.visibleIf = "2 + 2 = 5" },
                      field("e") { $0.visibleIf = "${age} > 10 and ${age} <= 10" },
                      field("ok") { $0.visibleIf = "${age} >= 10 and ${age} <= 10" },
                      field("now") { $0.visibleIf = "today() > date('2020-01-01')" }])
        XCTAssertEqual(issues(f, "always-true").map(\.location), ["field \"a\" requiredIf"])
        XCTAssertEqual(issues(f, "always-false").map(\.location),
                       ["field \"b\" visibleIf", "field \"c\" enabledIf", "field \"d\" visibleIf", "field \"e\" visibleIf"])
        XCTAssertEqual(issues(f, "unreachable-field").map(\.location), ["field \"d\" visibleIf"])
    }

    func testRuleWithAnEmptyConditionIsConstant() {
        let f = form([field("a")], rules: [Rule(id: "r", when: .all([]), action: .hide, targetFieldIds: ["f_a"])])
        XCTAssertEqual(issues(f, "always-true").map(\.location), ["rule \"r\""])
    }

    func testSetValueExpressionsAreChecked() {
        let f = form([field("a"), field("b", .integer)], rules: [
            Rule(id: "r", when: row("a", .isNotEmpty), action: .setValue, targetFieldIds: ["f_b"], setValue: "${zzz} + 1"),
        ])
        XCTAssertEqual(issues(f, "unknown-reference").map(\.location), ["rule \"r\" setValue"])
    }

    func testPagesThatNeverShow() {
        var f = form([field("a")], page2: [field("b")])
        f.pages[1].visibleIf = "1 = 0"
        f.pages.append(Page(id: "p3", title: "Three", visibleIf: "${a} = 'x'", fields: [field("c")]))
        let found = issues(f, "unreachable-page")
        XCTAssertEqual(found.map(\.location), ["page \"p2\""])
        XCTAssertEqual(found.first?.message, "the page's visibleIf is always false")
        XCTAssertEqual(issues(f, "always-false").map(\.location), ["page \"p2\" visibleIf"])
    }

    func testErrorsComeBeforeWarningsInFormOrder() {
        let f = form([field("a") { $0.visibleIf = "1 = 1" }, field("b") { $0.visibleIf = "${nope}" }, field("c") { $0.visibleIf = "${nada}" }])
        let found = Linter.lint(f)
        XCTAssertEqual(found.map(\.severity), [.error, .error, .warning])
        XCTAssertEqual(found.prefix(2).map(\.location), ["field \"b\" visibleIf", "field \"c\" visibleIf"])
        XCTAssertEqual(found.last?.description, "warning: field \"a\" visibleIf: `1 = 1` is always true [always-true]")
    }
}
