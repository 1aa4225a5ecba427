import XCTest
@testable import FormCore

final class ExpressionTraceTests: XCTestCase {
    func testTraceRecordsEverySubExpression() throws {
        let expression = try ExpressionParser.parse("${follow_up} = 'yes'")
        let trace = expression.evaluateTraced(in: makeContext(["follow_up": .string("no")]))
        XCTAssertEqual(trace.value, .bool(false))
        XCTAssertNil(trace.error)
        XCTAssertEqual(trace.steps.map(\.text), ["${follow_up}", "'yes'", "${follow_up} = 'yes'"])
        XCTAssertEqual(trace.steps.map(\.value), [.string("no"), .string("yes"), .bool(false)])
        XCTAssertEqual(trace.steps.map(\.isLiteral), [false, true, false])
        XCTAssertEqual(trace.steps.first?.referenceKey, "follow_up")
        XCTAssertEqual(trace.references.map(\.key), ["follow_up"])
        XCTAssertEqual(trace.explanation, "`${follow_up} = 'yes'` is false because `${follow_up}` is 'no'")
    }

    func testTraceFollowsShortCircuitAndListsEachReferenceOnce() throws {
        let expression = try ExpressionParser.parse("${a} > 1 and ${b} = ${a}")
        let trace = expression.evaluateTraced(in: makeContext(["a": .number(0), "b": .number(0)]))
        XCTAssertEqual(trace.value, .bool(false))
        XCTAssertFalse(trace.steps.contains { $0.referenceKey == "b" })
        let full = expression.evaluateTraced(in: makeContext(["a": .number(2), "b": .empty]))
        XCTAssertEqual(full.references.map(\.key), ["a", "b"])
        XCTAssertEqual(full.explanation, "`${a} > 1 and ${b} = ${a}` is false because `${a}` is 2 and `${b}` is empty")
    }

    func testTraceOfFailure() throws {
        let trace = try ExpressionParser.parse("${n} / 0 > 1").evaluateTraced(in: makeContext(["n": .number(3)]))
        XCTAssertNil(trace.value)
        XCTAssertEqual(trace.error?.reason, .divisionByZero)
        XCTAssertEqual(trace.steps.last?.error?.reason, .divisionByZero)
        XCTAssertEqual(trace.steps.last?.description, "`${n} / 0 > 1` failed: division by zero")
        XCTAssertEqual(trace.steps.first { $0.error != nil }?.text, "${n} / 0")
    }

    func testTraceOfAggregatesAndLiterals() throws {
        let trace = try ExpressionParser.parse("sum(${p})").evaluateTraced(in: makeContext(repeats: ["p": [.number(1), .number(2)]]))
        XCTAssertEqual(trace.steps.map(\.description), ["`${p}` is [1, 2]", "`sum(${p})` is 3"])
        XCTAssertEqual(try ExpressionParser.parse("1").evaluateTraced(in: makeContext()).explanation, "`1` is 1")
        XCTAssertEqual(try ExpressionParser.parse("${a}").evaluateTraced(in: makeContext()).explanation, "`${a}` is empty")
        XCTAssertEqual(EvaluationTrace(value: nil, error: nil, steps: []).explanation, "nothing was evaluated")
    }

    func testQueries() throws {
        let expression = try ExpressionParser.parse("if(${a} in (${b}, 1), sum(${c}), -${d}) between today() and age(${e})")
        XCTAssertEqual(expression.references, ["a", "b", "c", "d", "e"])
        XCTAssertEqual(expression.functions, [.if, .sum, .today, .age])
        XCTAssertTrue(expression.dependsOnClock)
        XCTAssertFalse(try ExpressionParser.parse("${a} + 1").dependsOnClock)
        XCTAssertEqual(expression.allNodes.first, expression)
        let renamed = expression.replacingReferences { $0 == "a" ? "alpha" : $0.uppercased() }
        XCTAssertEqual(renamed.references, ["alpha", "B", "C", "D", "E"])
        XCTAssertEqual(renamed.description,
                       "if(${alpha} in (${B}, 1), sum(${C}), -${D}) between today() and age(${E})")
        let simple = try ExpressionParser.parse("not ${x} = 1 or ${x} contains 'a'")
        XCTAssertEqual(simple.replacingReferences { _ in "y" }.description, "not ${y} = 1 or ${y} contains 'a'")
    }
}
