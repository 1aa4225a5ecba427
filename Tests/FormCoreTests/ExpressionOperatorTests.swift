import XCTest
@testable import FormCore

final class ExpressionOperatorTests: XCTestCase {
    private let d2024 = Value.date(LocalDate(year: 2024, month: 1, day: 31)!)

    func testArithmetic() {
        assertEval("1 + 2 * 3", .number(7))
        assertEval("(1 + 2) * 3", .number(9))
        assertEval("10 - 4 - 3", .number(3))
        assertEval("7 / 2", .number(3.5))
        assertEval("7 mod 3", .number(1))
        assertEval("-7 mod 3", .number(-1))
        assertEval("-(2 + 3)", .number(-5))
        assertEval("${n} * 2", .number(8), ["n": .number(4)])
    }

    func testArithmeticWithEmptyIsEmpty() {
        for text in ["${e} + 1", "1 - ${e}", "${e} * 2", "${e} / 0", "${e} mod 2", "-${e}", "${e} + ${t}"] {
            assertEval(text, .empty, ["t": .string("x")])
        }
        assertEval("'' + 1", .empty)
    }

    func testArithmeticErrors() {
        XCTAssertEqual(assertEvalError("1 / 0")?.reason, .divisionByZero)
        XCTAssertEqual(assertEvalError("1 mod 0")?.reason, .divisionByZero)
        let mismatch = assertEvalError("'a' + 1")
        XCTAssertEqual(mismatch?.reason, .typeMismatch(operation: "+", types: [.text, .number]))
        XCTAssertEqual(mismatch?.description, "cannot apply '+' to text and number")
        XCTAssertEqual(mismatch?.range, SourceRange(start: 1, end: 8))
        XCTAssertNotNil(assertEvalError("-'a'"))
        XCTAssertNotNil(assertEvalError("@2024-01-01 * 2"))
        XCTAssertNotNil(assertEvalError("@2024-01-01 + @2024-01-01"))
        XCTAssertNotNil(assertEvalError("true mod 2"))
    }

    func testDateAndDurationArithmetic() {
        assertEval("@2024-01-31 + 1", .date(LocalDate(year: 2024, month: 2, day: 1)!))
        assertEval("1 + @2024-01-31", .date(LocalDate(year: 2024, month: 2, day: 1)!))
        assertEval("@2024-03-01 - 1", .date(LocalDate(year: 2024, month: 2, day: 29)!))
        assertEval("@2024-03-01 - @2024-02-01", .number(29))
        assertEval("@2024-01-01T10:00 - @2024-01-01T08:30", .duration(5400))
        assertEval("@10:00 - @08:30", .duration(5400))
        let start: [String: Value] = ["start": .dateTime(LocalDateTime(iso: "2024-01-01T23:00")!), "d": .duration(7200)]
        assertEval("${start} + ${d}", .dateTime(LocalDateTime(iso: "2024-01-02T01:00")!), start)
        assertEval("${d} + ${start}", .dateTime(LocalDateTime(iso: "2024-01-02T01:00")!), start)
        assertEval("${start} - ${d}", .dateTime(LocalDateTime(iso: "2024-01-01T21:00")!), start)
        assertEval("@23:00 + ${d}", .time(LocalTime(hour: 1, minute: 0)!), start)
        assertEval("@01:00 - ${d}", .time(LocalTime(hour: 23, minute: 0)!), start)
        assertEval("${d} + ${d}", .duration(14400), start)
        assertEval("${d} - ${d}", .duration(0), start)
        assertEval("${d} * 2", .duration(14400), start)
        assertEval("2 * ${d}", .duration(14400), start)
        assertEval("${d} / 2", .duration(3600), start)
        assertEval("${d} / ${d}", .number(1), start)
        assertEval("-${d}", .duration(-7200), start)
        XCTAssertEqual(assertEvalError("${d} / 0", start)?.reason, .divisionByZero)
        XCTAssertEqual(assertEvalError("${d} / (${d} - ${d})", start)?.reason, .divisionByZero)
        XCTAssertNotNil(assertEvalError("@2024-01-01 + 1e300"))
    }

    func testEqualityWithEmpty() {
        let values: [String: Value] = ["e": .empty, "blank": .string(""), "none": .list([]), "x": .string("no")]
        assertEval("${e} = ''", .bool(true), values)
        assertEval("${blank} = ''", .bool(true), values)
        assertEval("${none} = ${e}", .bool(true), values)
        assertEval("${e} != ''", .bool(false), values)
        assertEval("${x} = ''", .bool(false), values)
        assertEval("${x} != ''", .bool(true), values)
        assertEval("${e} = 'yes'", .bool(false), values)
        assertEval("${e} != 'yes'", .bool(true), values)
        assertEval("${e} = 0", .bool(false), values)
    }

    func testEqualityAcrossTypes() {
        assertEval("'5' = 5", .bool(true))
        assertEval("5 = '5.0'", .bool(true))
        assertEval("'abc' = 5", .bool(false))
        assertEval("'a' = 'a'", .bool(true))
        assertEval("'a' = 'A'", .bool(false))
        assertEval("true = 'yes'", .bool(true))
        assertEval("'no' = false", .bool(true))
        assertEval("true = 1", .bool(true))
        assertEval("0 = false", .bool(true))
        assertEval("true = 'maybe'", .bool(false))
        assertEval("@2024-01-31 = '2024-01-31'", .bool(true))
        assertEval("'2024-01-31' = @2024-01-31", .bool(true))
        assertEval("@2024-01-31 = @2024-01-31T00:00", .bool(true))
        assertEval("@10:30 = '10:30:00'", .bool(true))
        assertEval("@2024-01-31 = 5", .bool(false))
        let lists: [String: Value] = ["c": .list([.string("a"), .string("b")]), "one": .list([.string("a")]),
                                      "p": .geopoint(latitude: 1, longitude: 2)]
        assertEval("${c} = ${c}", .bool(true), lists)
        assertEval("${one} = 'a'", .bool(true), lists)
        assertEval("'a' = ${one}", .bool(true), lists)
        assertEval("${c} = 'a'", .bool(false), lists)
        assertEval("${c} = ${one}", .bool(false), lists)
        assertEval("${p} = ${p}", .bool(true), lists)
        assertEval("${p} = 1", .bool(false), lists)
    }

    func testOrdering() {
        assertEval("1 < 2", .bool(true))
        assertEval("2 <= 2", .bool(true))
        assertEval("3 > 2", .bool(true))
        assertEval("2 >= 3", .bool(false))
        assertEval("'apple' < 'banana'", .bool(true))
        assertEval("'10' > 9", .bool(true))
        assertEval("9 < '10'", .bool(true))
        assertEval("@2024-01-31 < @2024-02-01", .bool(true))
        assertEval("${d} < '2024-02-01'", .bool(true), ["d": d2024])
        assertEval("'2024-02-01' > ${d}", .bool(true), ["d": d2024])
        assertEval("${d} < @2024-01-31T00:01", .bool(true), ["d": d2024])
        assertEval("@2024-01-31T00:00 > '2024-01-30T23:59'", .bool(true))
        assertEval("@09:00 < @17:00", .bool(true))
        assertEval("@09:00 < '17:00'", .bool(true))
        assertEval("'08:00' < @09:00", .bool(true))
        assertEval("false < true", .bool(true))
        assertEval("${d1} > ${d2}", .bool(true), ["d1": .duration(10), "d2": .duration(5)])
    }

    func testOrderingWithEmptyIsFalse() {
        for text in ["${e} < 1", "${e} <= 1", "${e} > 1", "${e} >= 1", "1 > ${e}", "'' < 'a'"] {
            assertEval(text, .bool(false))
        }
    }

    func testOrderingErrors() {
        XCTAssertNotNil(assertEvalError("'abc' < 5"))
        XCTAssertNotNil(assertEvalError("@2024-01-31 < 'soon'"))
        XCTAssertNotNil(assertEvalError("@2024-01-31 < 5"))
        XCTAssertNotNil(assertEvalError("${c} > 1", ["c": .list([.number(1), .number(2)])]))
        XCTAssertNotNil(assertEvalError("@10:00 < @2024-01-01"))
    }

    func testLogic() {
        assertEval("true and false", .bool(false))
        assertEval("true or false", .bool(true))
        assertEval("not true", .bool(false))
        assertEval("not ${e}", .bool(true))
        assertEval("${e} or 1", .bool(true))
        assertEval("${e} and true", .bool(false))
        assertEval("'yes' and 'no'", .bool(false))
        assertEval("'YES' and 1", .bool(true))
        assertEval("${c} and true", .bool(true), ["c": .list([.string("a")])])
        assertEval("0 or ''", .bool(false))
        // Short-circuit: the failing right side is never evaluated.
        assertEval("false and 1 / 0 = 1", .bool(false))
        assertEval("true or 1 / 0 = 1", .bool(true))
        XCTAssertNotNil(assertEvalError("'maybe' and true"))
        XCTAssertNotNil(assertEvalError("true and @2024-01-01"))
        XCTAssertNotNil(assertEvalError("false or @2024-01-01"))
        XCTAssertNotNil(assertEvalError("not @2024-01-01"))
    }

    func testTextOperators() {
        let values: [String: Value] = ["name": .string("Ada Lovelace"), "n": .number(12345), "c": .list([.string("red"), .string("blue")])]
        assertEval("${name} contains 'Love'", .bool(true), values)
        assertEval("${name} contains 'love'", .bool(false), values)
        assertEval("${name} startswith 'Ada'", .bool(true), values)
        assertEval("${name} endswith 'lace'", .bool(true), values)
        assertEval("${name} endswith 'Ada'", .bool(false), values)
        assertEval("${n} startswith 123", .bool(true), values)
        assertEval("${c} contains 'blue'", .bool(true), values)
        assertEval("${c} contains 'green'", .bool(false), values)
        assertEval("${name} matches '[A-Za-z ]+'", .bool(true), values)
        assertEval("${name} matches 'Ada'", .bool(false), values)
        assertEval("${n} matches '\\\\d{5}'", .bool(true), values)
        assertEval("${name} matches ${p}", .bool(true), values.merging(["p": .string("Ada.*")]) { a, _ in a })
        for op in ["contains", "startswith", "endswith", "matches"] {
            assertEval("${e} \(op) 'a'", .bool(false))
            assertEval("'abc' \(op) ${e}", .bool(false))
        }
        XCTAssertNotNil(assertEvalError("${p} contains 'x'", ["p": .geopoint(latitude: 0, longitude: 0)]))
        XCTAssertNotNil(assertEvalError("'x' contains ${c}", values))
    }

    func testInvalidRuntimeRegexIsAnError() {
        let error = assertEvalError("'abc' matches ${p}", ["p": .string("([")])
        XCTAssertEqual(error?.reason, .invalidRegex(pattern: "(["))
        XCTAssertEqual(error?.description, "invalid regular expression '(['")
        // The same bad pattern again comes from the cache and fails the same way.
        XCTAssertEqual(assertEvalError("'abc' matches ${p}", ["p": .string("([")])?.reason, .invalidRegex(pattern: "(["))
        XCTAssertNotNil(assertEvalError("'abc' matches ${p}", ["p": .string("a)|(b")]))
    }

    func testInList() {
        let values: [String: Value] = ["x": .string("b"), "c": .list([.string("a"), .string("b")])]
        assertEval("${x} in ('a', 'b')", .bool(true), values)
        assertEval("${x} in ('c')", .bool(false), values)
        assertEval("${e} in ('a')", .bool(false), values)
        assertEval("${e} in ('a', '')", .bool(true), values)
        assertEval("2 in (1, '2')", .bool(true), values)
        assertEval("${c} in ('a', 'b', 'c')", .bool(true), values)
        assertEval("${c} in ('a', 'c')", .bool(false), values)
        assertEval("not ${x} in ('a')", .bool(true), values)
    }

    func testBetween() {
        assertEval("5 between 1 and 10", .bool(true))
        assertEval("1 between 1 and 10", .bool(true))
        assertEval("10 between 1 and 10", .bool(true))
        assertEval("11 between 1 and 10", .bool(false))
        assertEval("@2024-06-01 between @2024-01-01 and @2024-12-31", .bool(true))
        assertEval("${e} between 1 and 10", .bool(false))
        assertEval("5 between ${e} and 10", .bool(false))
        XCTAssertNotNil(assertEvalError("'x' between 1 and 10"))
    }

    func testEvaluateCondition() throws {
        let context = makeContext(["a": .string("yes")])
        XCTAssertTrue(try ExpressionParser.parse("${a} = 'yes'").evaluateCondition(in: context))
        XCTAssertFalse(try ExpressionParser.parse("${missing}").evaluateCondition(in: context))
        XCTAssertThrowsError(try ExpressionParser.parse("today()").evaluateCondition(in: context))
    }

    func testWrongArityInBuiltTreeIsAnError() {
        let tree = FormExpression.call(.round, [])
        XCTAssertThrowsError(try tree.evaluate(in: makeContext())) { error in
            XCTAssertEqual((error as? EvaluationError)?.description, "round: takes 1 or 2 arguments, got 0")
        }
    }
}
