import XCTest
@testable import FormCore

final class RuleConversionTests: XCTestCase {
    private static let keys = ["age", "name", "follow_up", "Q1", "_x"]
    private let keyOf: (FieldID) -> String? = { id in id.hasPrefix("id_") ? String(id.dropFirst(3)) : nil }
    private let idOf: (String) -> FieldID? = { key in RuleConversionTests.keys.contains(key) ? "id_\(key)" : nil }

    /// Rows → expression → printed text → parsed expression → rows gives the same rows.
    func testRandomConditionTreesRoundTripThroughText() throws {
        var generator = ConditionGenerator(rng: SeededGenerator(seed: 0xC0DE))
        for _ in 0..<2000 {
            let condition = generator.condition(depth: 3)
            let expression = RuleConversion.expression(for: condition, keyOf: keyOf)
            let text = expression.description
            let parsed = try ExpressionParser.parse(text)
            let back = RuleConversion.condition(from: parsed, idOf: idOf)
            XCTAssertEqual(back, condition, text)
            if back != condition { return }
        }
    }

    func testEachOperatorsExpression() {
        let cases: [(RuleOperator, RuleValue, String)] = [
            (.equals, .string("yes"), "${age} = 'yes'"),
            (.notEquals, .number(3), "${age} != 3"),
            (.contains, .string("a"), "${age} contains 'a'"),
            (.notContains, .string("a"), "not ${age} contains 'a'"),
            (.greaterThan, .number(1), "${age} > 1"),
            (.lessThan, .number(1), "${age} < 1"),
            (.greaterOrEqual, .number(1.5), "${age} >= 1.5"),
            (.lessOrEqual, .number(-1), "${age} <= -1"),
            (.isEmpty, .none, "empty(${age})"),
            (.isNotEmpty, .none, "notempty(${age})"),
            (.in, .list([.string("a"), .number(2)]), "${age} in ('a', 2)"),
            (.between, .list([.number(1), .number(9)]), "${age} between 1 and 9"),
            (.matches, .string("^a"), "${age} matches '^a'"),
        ]
        for (op, value, text) in cases {
            let row = ConditionRow(sourceFieldId: "id_age", condition: op, value: value)
            XCTAssertEqual(RuleConversion.expression(for: row, keyOf: keyOf).description, text, op.rawValue)
        }
    }

    func testDegenerateRowsStillMakeExpressions() {
        let unknown = ConditionRow(sourceFieldId: "ghost", condition: .equals, value: .none)
        XCTAssertEqual(RuleConversion.expression(for: unknown, keyOf: keyOf).description, "${ghost} = ''")
        let oneBound = ConditionRow(sourceFieldId: "id_age", condition: .between, value: .number(4))
        XCTAssertEqual(RuleConversion.expression(for: oneBound, keyOf: keyOf).description, "${age} between 4 and 4")
        XCTAssertEqual(RuleConversion.expression(for: .all([]), keyOf: keyOf).description, "true")
        XCTAssertEqual(RuleConversion.expression(for: .any([]), keyOf: keyOf).description, "false")
    }

    func testExpressionsRowsCannotSayAreRefused() throws {
        for text in ["${age} + 1 > 3", "1 = ${age}", "${ghost} = 1", "${age} in (1, ${name})", "not (${age} = 1)",
                     "${age} between 1 and ${Q1}", "empty(${age} + 1)", "${a} = 1 and ${age} + 1 = 2", "${age} = today()",
                     "${age} = 1 or count(${name}) > 2", "${age}", "${age} = '' + ''"] {
            let expression = try ExpressionParser.parse(text)
            XCTAssertNil(RuleConversion.condition(from: expression, idOf: idOf), text)
        }
    }

    func testNestedGroupsFlatten() throws {
        let parsed = try ExpressionParser.parse("${age} > 1 and (${name} = 'a' and ${Q1} < 2) and (${_x} = 1 or ${age} = 2)")
        let condition = RuleConversion.condition(from: parsed, idOf: idOf)
        guard case .all(let items)? = condition else { return XCTFail("\(String(describing: condition))") }
        XCTAssertEqual(items.count, 4)
        if case .any(let inner) = items[3] { XCTAssertEqual(inner.count, 2) } else { XCTFail("\(items[3])") }
    }
}

/// Random condition trees in the shape conversion keeps: groups of two or more that alternate
/// between all and any, rows with operands that fit their operator.
struct ConditionGenerator {
    var rng: SeededGenerator
    private static let strings = ["", "yes", "it's", "a\\b", "line\nbreak", "\"q\"", "é", "日本", "👍🏽", "${x}", " ", "and", "'"]
    private static let numbers: [Double] = [0, 1, -1, 2.5, -3.75, 0.1, 100, 1e6, 17, 0.001]

    mutating func condition(depth: Int, all: Bool? = nil) -> RuleCondition {
        if depth == 0 || Int.random(in: 0..<3, using: &rng) == 0 { return .row(row()) }
        let isAll = all ?? Bool.random(using: &rng)
        let items = (0..<Int.random(in: 2...4, using: &rng)).map { _ in
            Int.random(in: 0..<2, using: &rng) == 0 ? .row(row()) : condition(depth: depth - 1, all: !isAll)
        }
        // A child group of the same kind would be flattened into its parent.
        let fixed = items.map { item -> RuleCondition in
            switch (item, isAll) {
            case (.all, true), (.any, false): return .row(row())
            default: return item
            }
        }
        return isAll ? .all(fixed) : .any(fixed)
    }

    mutating func row() -> ConditionRow {
        let key = ["age", "name", "follow_up", "Q1", "_x"].randomElement(using: &rng)!
        let op = RuleOperator.allCases.randomElement(using: &rng)!
        let value: RuleValue
        switch op {
        case .isEmpty, .isNotEmpty: value = .none
        case .in: value = .list((0..<Int.random(in: 1...4, using: &rng)).map { _ in literal() })
        case .between: value = .list([literal(), literal()])
        // The parser checks literal patterns, so a row's pattern must be a valid one.
        case .matches: value = .string(["^a", "[0-9]+", "x|y", "(?i)yes", "it's"].randomElement(using: &rng)!)
        default: value = literal()
        }
        return ConditionRow(sourceFieldId: "id_\(key)", condition: op, value: value)
    }

    mutating func literal() -> RuleValue {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .string(Self.strings.randomElement(using: &rng)!)
        case 1: return .number(Self.numbers.randomElement(using: &rng)!)
        default: return .bool(Bool.random(using: &rng))
        }
    }
}
