import XCTest
@testable import FormCore

final class RuleEngineTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18

    func field(_ key: String, _ type: FieldType = .shortText, _ configure: (inout Field) -> Void = { _ in }) -> Field {
        var f = Field(id: "f_\(key)", key: key, type: type, label: key)
        configure(&f)
        return f
    }

    func row(_ key: String, _ op: RuleOperator, _ value: RuleValue = .none) -> RuleCondition {
        .row(ConditionRow(sourceFieldId: "f_\(key)", condition: op, value: value))
    }

    func engine(_ fields: [Field], rules: [Rule] = [], pages: [Page]? = nil, answers: [String: Value] = [:]) throws -> RuleEngine {
        let form = Form(id: "t", title: "T", pages: pages ?? [Page(id: "p1", title: "One", fields: fields)], rules: rules)
        return try RuleEngine(form: form, answers: Answers(values: answers), now: Self.now, timeZone: TimeZone(secondsFromGMT: 0)!)
    }

    func testShowRuleHidesUntilItHoldsAndHideWins() throws {
        let e = try engine([field("a", .yesNo), field("b", .yesNo), field("x")], rules: [
            Rule(id: "show", when: row("a", .equals, .string("yes")), action: .show, targetFieldIds: ["f_x"]),
            Rule(id: "hide", when: row("b", .equals, .bool(true)), action: .hide, targetFieldIds: ["f_x"]),
        ])
        XCTAssertEqual(e.state(of: "f_x")?.visible, false)
        e.setAnswer(.bool(true), for: "f_a")
        XCTAssertEqual(e.state(of: "f_x")?.visible, true)
        e.setAnswer(.bool(true), for: "f_b")
        XCTAssertEqual(e.state(of: "f_x")?.visible, false, "hide wins over show")
        e.setAnswer(nil, for: "f_b")
        XCTAssertEqual(e.state(of: "f_x")?.visible, true)
    }

    func testRequireDisableEnableAndVisibleIf() throws {
        let e = try engine([
            field("n", .integer),
            field("r") { $0.requiredIf = "${n} > 5" },
            field("d") { $0.required = true },
            field("v") { $0.visibleIf = "${n} != 3" },
        ], rules: [
            Rule(id: "dis", when: row("n", .greaterThan, .number(10)), action: .disable, targetFieldIds: ["f_d"]),
            Rule(id: "en", when: row("n", .isNotEmpty), action: .enable, targetFieldIds: ["f_v"]),
        ])
        XCTAssertEqual(e.state(of: "f_r")?.required, false)
        XCTAssertEqual(e.state(of: "f_d")?.required, true)
        XCTAssertEqual(e.state(of: "f_v")?.enabled, false, "enable rules disable until one holds")
        e.setAnswer(.number(11), for: "f_n")
        XCTAssertEqual(e.state(of: "f_r")?.required, true)
        XCTAssertEqual(e.state(of: "f_d")?.enabled, false)
        XCTAssertEqual(e.state(of: "f_d")?.required, false, "a disabled field is not required")
        XCTAssertEqual(e.state(of: "f_v")?.enabled, true)
        e.setAnswer(.number(3), for: "f_n")
        XCTAssertEqual(e.state(of: "f_v")?.visible, false)
    }

    func testCalculateDefaultAndSetValue() throws {
        let e = try engine([
            field("w", .decimal), field("h", .decimal),
            field("bmi", .calculated) { $0.calculate = "round(${w} / ((${h} / 100) * (${h} / 100)), 1)" },
            field("status") { $0.defaultValue = "'open'" },
            field("flag"),
        ], rules: [
            Rule(id: "sv", when: row("bmi", .greaterThan, .number(30)), action: .setValue, targetFieldIds: ["f_flag"], setValue: "'obese'"),
        ], answers: ["w": .number(70), "h": .number(175)])
        XCTAssertEqual(e.state(of: "f_bmi")?.value, .number(22.9))
        XCTAssertEqual(e.state(of: "f_status")?.value, .string("open"))
        XCTAssertEqual(e.state(of: "f_flag")?.value, .empty)
        e.setAnswer(.number(100), for: "f_w")
        XCTAssertEqual(e.state(of: "f_bmi")?.value, .number(32.7))
        XCTAssertEqual(e.state(of: "f_flag")?.value, .string("obese"))
        e.setAnswer(.string("closed"), for: "f_status")
        XCTAssertEqual(e.state(of: "f_status")?.value, .string("closed"))
    }

    func testHiddenValuePolicyClearsOrKeeps() throws {
        let e = try engine([
            field("gate", .yesNo),
            field("cleared") { $0.visibleIf = "${gate}" },
            field("kept") { $0.visibleIf = "${gate}"; $0.hiddenValuePolicy = .keep },
            field("echo", .calculated) { $0.calculate = "concat(${cleared}, '|', ${kept})" },
        ], answers: ["gate": .bool(true), "cleared": .string("a"), "kept": .string("b")])
        XCTAssertEqual(e.state(of: "f_echo")?.value, .string("a|b"))
        e.setAnswer(.bool(false), for: "f_gate")
        XCTAssertEqual(e.state(of: "f_cleared")?.value, .empty)
        XCTAssertEqual(e.state(of: "f_kept")?.value, .string("b"))
        XCTAssertEqual(e.state(of: "f_echo")?.value, .string("|b"))
        XCTAssertEqual(e.answers["cleared"], .string("a"), "answers are kept; only what expressions see is cleared")
    }

    func testHiddenGroupHidesEverythingInside() throws {
        let e = try engine([
            field("show", .yesNo),
            field("g", .group) { $0.visibleIf = "${show}"; $0.children = [self.field("inner") { $0.required = true }] },
        ])
        XCTAssertEqual(e.state(of: "f_inner")?.visible, false)
        XCTAssertEqual(e.state(of: "f_inner")?.required, false)
        e.setAnswer(.bool(true), for: "f_show")
        XCTAssertEqual(e.state(of: "f_inner")?.visible, true)
        XCTAssertEqual(e.state(of: "f_inner")?.required, true)
    }

    func testPagePathSkipsAndPageVisibility() throws {
        let pages = [
            Page(id: "p1", title: "Score", fields: [field("nps", .opinionScale)]),
            Page(id: "p2", title: "Why low", fields: [field("why")]),
            Page(id: "p3", title: "Praise", visibleIf: "${nps} >= 9", fields: [field("praise")]),
            Page(id: "p4", title: "End", fields: [field("end")]),
        ]
        let e = try engine([], rules: [
            Rule(id: "skip", when: row("nps", .greaterThan, .number(6)), action: .skipToPage, targetPageId: "p3"),
        ], pages: pages)
        XCTAssertEqual(e.pagePath, [0, 1, 3])
        e.setAnswer(.number(10), for: "f_nps")
        XCTAssertEqual(e.pagePath, [0, 2, 3])
        XCTAssertEqual(e.state(of: "f_why")?.visible, false)
        e.setAnswer(.number(7), for: "f_nps")
        XCTAssertEqual(e.pagePath, [0, 3])
        XCTAssertEqual(e.state(of: "f_praise")?.visible, false)
    }

    func testRepeatInstancesAndAggregates() throws {
        let e = try engine([
            field("kids", .repeatGroup) {
                $0.children = [
                    self.field("age", .integer),
                    self.field("school") { $0.visibleIf = "${age} >= 5" },
                ]
            },
            field("total", .calculated) { $0.calculate = "sum(${age})" },
            field("n", .calculated) { $0.calculate = "${kids}" },
        ])
        XCTAssertEqual(e.state(of: "f_n")?.value, .number(0))
        e.setAnswer(.number(3), for: "f_age", instance: [0])
        e.setAnswer(.number(8), for: "f_age", instance: [1])
        XCTAssertEqual(e.state(of: "f_school", instance: [0])?.visible, false)
        XCTAssertEqual(e.state(of: "f_school", instance: [1])?.visible, true)
        XCTAssertEqual(e.state(of: "f_total")?.value, .number(11))
        XCTAssertEqual(e.state(of: "f_n")?.value, .number(2))
        e.setAnswer(.number(10), for: "f_age", instance: [0])
        XCTAssertEqual(e.state(of: "f_total")?.value, .number(18))
        XCTAssertEqual(e.state(of: "f_school", instance: [0])?.visible, true)
        e.setInstanceCount(1, ofRepeat: "f_kids")
        XCTAssertEqual(e.state(of: "f_total")?.value, .number(10))
        XCTAssertNil(e.state(of: "f_school", instance: [1]))
        XCTAssertEqual(e.index.path(of: e.index.indexByID["f_school"]!, instance: [0]), "kids[1].school")
    }

    func testCyclesAreRefusedWithTheirPath() {
        let fields = [
            field("a") { $0.visibleIf = "${c} = 'x'" },
            field("b", .calculated) { $0.calculate = "${a}" },
            field("c", .calculated) { $0.calculate = "${b}" },
        ]
        XCTAssertThrowsError(try engine(fields)) { error in
            guard case .cycle(let path) = error as? RuleGraphError else { return XCTFail("\(error)") }
            XCTAssertEqual(path.first, path.last)
            XCTAssertEqual(Set(path), ["a", "b", "c"])
            XCTAssertTrue("\(error)".hasPrefix("dependency cycle: "))
        }
        XCTAssertThrowsError(try engine([field("self") { $0.visibleIf = "${self} = 1" }])) { error in
            XCTAssertEqual("\(error)", "dependency cycle: self → self")
        }
    }

    func testEvaluationErrorsCountAsFalseAndAreRecorded() throws {
        let e = try engine([field("d", .date), field("x") { $0.visibleIf = "${d} + 'text' > 3" }], answers: ["d": .date(LocalDate(iso: "2026-01-02")!)])
        XCTAssertEqual(e.state(of: "f_x")?.visible, false)
        XCTAssertNotNil(e.evaluationError(field: 1, property: .visible))
        XCTAssertEqual(e.allEvaluationErrors.count, 1)
        e.setAnswer(nil, for: "f_d")
        XCTAssertNil(e.evaluationError(field: 1, property: .visible), "a fixed input clears the error")
    }

    func testUnparsableExpressionsAreIgnoredByTheEngine() throws {
        let e = try engine([field("x") { $0.visibleIf = "${a} = = 1" }])
        XCTAssertEqual(e.state(of: "f_x")?.visible, true)
        XCTAssertEqual(e.graph.parseProblems.count, 1)
        XCTAssertNil(e.state(of: "nope"))
    }

    func testExplainerNamesEveryReference() throws {
        let e = try engine([field("follow_up", .yesNo), field("date", .date)], rules: [
            Rule(id: "r1", when: row("follow_up", .equals, .string("yes")), action: .show, targetFieldIds: ["f_date"]),
        ], answers: ["follow_up": .bool(false)])
        let explanation = try XCTUnwrap(Explainer.explain("f_date", in: e))
        XCTAssertEqual(explanation.lines[0], "date: hidden")
        XCTAssertEqual(explanation.reason(for: .visible)?.text,
                       "rule \"r1\" (show) does not show it: `${follow_up} = 'yes'` is false because `${follow_up}` is false")
    }
}
