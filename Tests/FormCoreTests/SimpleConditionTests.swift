import XCTest
@testable import FormCore

/// The engine's decoded fast path must agree with the evaluator on every value.
final class SimpleConditionTests: XCTestCase {
    struct One: EvaluationContext {
        let answer: Value
        func value(of key: String) -> Value { answer }
    }

    func testFastPathAgreesWithTheEvaluator() throws {
        let values: [Value] = [
            .empty, .string(""), .string("a"), .string("b"), .string("10"), .number(3), .number(10), .bool(true), .bool(false),
            .list([]), .list([.string("a")]), .list([.string("a"), .string("b")]), .list([.string("a"), .string("z")]),
            .date(LocalDate(iso: "2026-01-02")!), .string("2026-01-02"), .string("yes"),
        ]
        let conditions = [
            "${x} = 'a'", "${x} != 'a'", "${x} = 10", "${x} > 5", "${x} <= 3", "${x} >= 'b'", "${x} < @2026-02-01",
            "${x} = true", "${x} in ('a', 'b')", "${x} in (10, 3)", "empty(${x})", "notempty(${x})", "${x} = 'yes'",
        ]
        var checked = 0
        for text in conditions {
            let parsed = try ExpressionParser.parse(text)
            let slotted = parsed.replacingReferences { _ in RuleSource.slotKey(0) }
            let simple = try XCTUnwrap(SimpleCondition(slotted), text)
            for value in values {
                let expected: Result<Bool, EvaluationError> = Result { () throws(EvaluationError) in try parsed.evaluateCondition(in: One(answer: value)) }
                let actual: Result<Bool, EvaluationError> = Result { () throws(EvaluationError) in try simple.holds(for: value) }
                switch (expected, actual) {
                case (.success(let a), .success(let b)): XCTAssertEqual(a, b, "\(text) with \(value)")
                case (.failure, .failure): break
                default: XCTFail("\(text) with \(value): evaluator \(expected), fast path \(actual)")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, conditions.count * values.count)
        XCTAssertNil(SimpleCondition(try ExpressionParser.parse("${x} + 1 > 2")))
        XCTAssertNil(SimpleCondition(try ExpressionParser.parse("${x} in (${y})")))
    }
}
