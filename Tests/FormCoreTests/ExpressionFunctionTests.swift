import XCTest
@testable import FormCore

final class ExpressionFunctionTests: XCTestCase {
    private let colors: [String: Value] = [
        "colors": .list([.string("red"), .string("blue")]),
        "legacy": .string("red green"),
        "single": .string("red"),
    ]

    func testSelectedAndCountSelected() {
        assertEval("selected(${colors}, 'blue')", .bool(true), colors)
        assertEval("selected(${colors}, 'green')", .bool(false), colors)
        assertEval("selected(${legacy}, 'green')", .bool(true), colors)
        assertEval("selected(${single}, 'red')", .bool(true), colors)
        assertEval("selected(${e}, 'red')", .bool(false), colors)
        assertEval("selected(${colors}, '')", .bool(false), colors)
        assertEval("count-selected(${colors})", .number(2), colors)
        assertEval("count-selected(${legacy})", .number(2), colors)
        assertEval("count-selected(${e})", .number(0), colors)
        assertEval("count-selected(5)", .number(1))
    }

    func testIfIsLazy() {
        assertEval("if(1 > 0, 'big', 'small')", .string("big"))
        assertEval("if(${e}, 'yes', 'no')", .string("no"))
        assertEval("if(true, 1, 1 / 0)", .number(1))
        assertEval("if(false, 1 / 0, 2)", .number(2))
        XCTAssertNotNil(assertEvalError("if(@2024-01-01, 1, 2)"))
    }

    func testCoalesceEmptyNotEmpty() {
        assertEval("coalesce(${e}, '', 3)", .number(3))
        assertEval("coalesce(${e})", .empty)
        assertEval("coalesce(1, 1 / 0)", .number(1))
        assertEval("empty(${e})", .bool(true))
        assertEval("empty('')", .bool(true))
        assertEval("empty(${l})", .bool(true), ["l": .list([])])
        assertEval("empty(0)", .bool(false))
        assertEval("notempty(${e})", .bool(false))
        assertEval("notempty('x')", .bool(true))
    }

    func testAggregatesOverRepeat() {
        let repeats: [String: [Value]] = ["price": [.number(2), .empty, .number(5), .number(1)]]
        assertEval("sum(${price})", .number(8), repeats: repeats)
        assertEval("min(${price})", .number(1), repeats: repeats)
        assertEval("max(${price})", .number(5), repeats: repeats)
        assertEval("avg(${price})", .number(8.0 / 3), repeats: repeats)
        assertEval("count(${price})", .number(3), repeats: repeats)
        assertEval("sum(${none})", .number(0))
        assertEval("avg(${none})", .empty)
        assertEval("min(${none})", .empty)
        assertEval("count(${none})", .number(0))
        // Outside a repeat a field's single answer is used.
        assertEval("sum(${n})", .number(4), ["n": .number(4)])
    }

    func testAggregatesOverArguments() {
        assertEval("sum(1, 2, 3)", .number(6))
        assertEval("max(1, 7, 3)", .number(7))
        assertEval("min(4, ${e}, 2)", .number(2))
        assertEval("avg(2, 4)", .number(3))
        assertEval("count(1, '', ${e}, 'x')", .number(2))
        assertEval("sum(${l}, 1)", .number(4), ["l": .list([.number(1), .number(2)])])
        assertEval("max(@2024-01-01, @2024-06-01)", .date(LocalDate(year: 2024, month: 6, day: 1)!))
        assertEval("min('pear', 'apple')", .string("apple"))
        XCTAssertNotNil(assertEvalError("sum('a', 1)"))
        XCTAssertNotNil(assertEvalError("max(1, 'a')"))
        XCTAssertNotNil(assertEvalError("max(${l})", ["l": .list([.list([.number(1)])])]))
    }

    func testRounding() {
        assertEval("round(2.5)", .number(3))
        assertEval("round(-2.5)", .number(-3))
        assertEval("round(3.14159, 2)", .number(3.14))
        assertEval("round(1234, -2)", .number(1200))
        assertEval("round(1.5, 100)", .number(1.5))
        assertEval("round(1.5, -100)", .number(0))
        assertEval("round(${e})", .empty)
        assertEval("round(1.5, ${e})", .empty)
        assertEval("floor(2.7)", .number(2))
        assertEval("ceil(2.1)", .number(3))
        assertEval("abs(-4)", .number(4))
        assertEval("floor(${e})", .empty)
        XCTAssertNotNil(assertEvalError("round('a')"))
        XCTAssertNotNil(assertEvalError("round(1, 'a')"))
        XCTAssertNotNil(assertEvalError("abs('a')"))
    }

    func testTextFunctions() {
        assertEval("len('héllo')", .number(5))
        assertEval("len(${e})", .number(0))
        assertEval("len(12.5)", .number(4))
        assertEval("len(${c})", .number(2), ["c": .list([.string("a"), .string("b")])])
        assertEval("concat('a', 1, ${e}, true)", .string("a1true"))
        assertEval("concat(${e}, '')", .empty)
        assertEval("lower('ÀB')", .string("àb"))
        assertEval("upper('ab')", .string("AB"))
        assertEval("trim('  x \n')", .string("x"))
        assertEval("lower(${e})", .empty)
    }

    func testConversions() {
        assertEval("number(' 42 ')", .number(42))
        assertEval("number('4.5e1')", .number(45))
        assertEval("number('abc')", .empty)
        assertEval("number('nan')", .empty)
        assertEval("number(true)", .number(1))
        assertEval("number(7)", .number(7))
        assertEval("number(${e})", .empty)
        assertEval("number(${d})", .number(60), ["d": .duration(60)])
        XCTAssertNotNil(assertEvalError("number(@2024-01-01)"))
        assertEval("string(3)", .string("3"))
        assertEval("string(2.5)", .string("2.5"))
        assertEval("string(@2024-01-31)", .string("2024-01-31"))
        assertEval("string(${e})", .empty)
    }
}
