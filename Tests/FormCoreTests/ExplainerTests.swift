import XCTest
@testable import FormCore

final class ExplainerTests: XCTestCase {
    private var engine: RuleEngine!

    override func setUpWithError() throws {
        engine = try RuleEngine(form: ExplainFixture.form, answers: ExplainFixture.answers)
    }

    private func explain(_ key: String, _ instance: [Int] = []) throws -> Explanation {
        let index = try XCTUnwrap(engine.index.index(ofKey: key), key)
        return try XCTUnwrap(Explainer.explain(engine.index.entries[index].field.id, instance: instance, in: engine))
    }

    func testVisibleIfAndHideRule() throws {
        let e = try explain("reason")
        XCTAssertEqual(e.lines, [
            "reason: visible, optional = '('",
            "  visibility: visibleIf allows it: `${age} >= 18` is true because `${age}` is 40",
            "  visibility: rule \"r_hide\" (hide) does not hide it: `${age} > 90` is false because `${age}` is 40",
            "  requirement: requiredIf does not require it: `${pet} = 'dog'` is false because `${pet}` is 'cat'",
        ])
        XCTAssertNil(e.reason(for: .visible), "nothing hides it")
        XCTAssertNil(e.reason(for: .required))
    }

    func testHiddenByItsOwnConditionAndByItsGroup() throws {
        XCTAssertEqual(try explain("details").reason(for: .visible)?.text, "visibleIf hides it: `${age} < 10` is false because `${age}` is 40")
        let inner = try explain("inner")
        XCTAssertEqual(inner.lines, [
            "inner: hidden",
            "  visibility: hidden because its group \"details\" is hidden",
            "  requirement: marked required in the form",
            "  requirement: not required while hidden",
            "  value: cleared while hidden (hidden-value policy: clear)",
        ])
        XCTAssertEqual(inner.reason(for: .visible)?.origin, "group")
        XCTAssertNil(inner.reason(for: .visible)?.trace)
    }

    func testHiddenBecauseThePageIsSkipped() throws {
        XCTAssertEqual(try explain("skipped_q").reason(for: .visible)?.text,
                       "hidden because page \"Skipped\" is not on the respondent's path")
    }

    func testDisabledAndRequiredByRules() throws {
        let pet = try explain("pet")
        XCTAssertEqual(pet.lines, [
            "pet: visible, optional, disabled = 'cat'",
            "  enabled state: rule \"r_disable\" (disable) disables it: `${age} < 50` is true because `${age}` is 40",
            "  requirement: rule \"r_require\" (require) requires it: `${age} > 30` is true because `${age}` is 40",
            "  requirement: not required while disabled",
        ])
        XCTAssertEqual(pet.reason(for: .enabled)?.origin, "rule \"r_disable\" (disable)")
        XCTAssertEqual(try explain("locked").reason(for: .enabled)?.text,
                       "enabledIf disables it: `${age} > 100` is false because `${age}` is 40")
        XCTAssertNil(try explain("last").reason(for: .enabled), "an enable rule that holds is not a reason to be disabled")
    }

    func testValuesFromCalculationsAndSetValue() throws {
        XCTAssertEqual(try explain("total").lines, ["total: visible, optional = 80", "  value: calculated by `${age} * 2` where `${age}` is 40"])
        let status = try explain("status")
        XCTAssertEqual(status.reason(for: .value)?.text,
                       "rule \"r_set\" (set_value) sets it to `'senior'`: `${age} > 30` is true because `${age}` is 40")
        // With two show rules, the one that does not hold is not why the field is visible.
        XCTAssertNil(status.reason(for: .visible))
        XCTAssertEqual(status.causes.filter { $0.property == .visible }.map(\.decisive), [false, false])
    }

    func testEvaluationErrorsCountAsFalse() throws {
        let broken = try explain("broken")
        XCTAssertFalse(broken.state.visible)
        XCTAssertEqual(broken.reason(for: .visible)?.text,
                       "visibleIf hides it: `${pet} matches ${reason}` failed (invalid regular expression '('), counted as false")
        XCTAssertNotNil(broken.reason(for: .visible)?.trace?.error)
    }

    func testRepeatInstancesAndUnknownFields() throws {
        XCTAssertEqual(try explain("item", [1]).lines, ["items[2].item: visible, required", "  requirement: marked required in the form"])
        XCTAssertEqual(try explain("item", [0]).path, "items[1].item")
        let item = try XCTUnwrap(engine.index.index(ofKey: "item"))
        XCTAssertNil(Explainer.explain(engine.index.entries[item].field.id, instance: [5], in: engine))
        XCTAssertNil(Explainer.explain("no_such_id", in: engine))
    }

    func testOriginNames() {
        XCTAssertEqual(Explainer.name(.property(.calculate)), "calculate")
        XCTAssertEqual(Explainer.name(.rule(id: "r", action: .hide)), "rule \"r\" (hide)")
        XCTAssertEqual(Explainer.name(.pageVisibleIf(pageID: "p2")), "page \"p2\" visibleIf")
    }
}
