import XCTest
@testable import FormCore

final class ExpressionParserTests: XCTestCase {
    private func parse(_ text: String) throws -> FormExpression { try ExpressionParser.parse(text) }

    func testLiterals() throws {
        XCTAssertEqual(try parse("42"), .literal(.number(42)))
        XCTAssertEqual(try parse("3.25"), .literal(.number(3.25)))
        XCTAssertEqual(try parse("1e3"), .literal(.number(1000)))
        XCTAssertEqual(try parse("2.5E-2"), .literal(.number(0.025)))
        XCTAssertEqual(try parse("-7"), .literal(.number(-7)))
        XCTAssertEqual(try parse("'it\\'s'"), .literal(.string("it's")))
        XCTAssertEqual(try parse("\"say \\\"hi\\\"\\n\\t\\r\\\\\""), .literal(.string("say \"hi\"\n\t\r\\")))
        XCTAssertEqual(try parse("true"), .literal(.bool(true)))
        XCTAssertEqual(try parse("false"), .literal(.bool(false)))
        XCTAssertEqual(try parse("@2024-01-31"), .literal(.date(LocalDate(year: 2024, month: 1, day: 31)!)))
        XCTAssertEqual(try parse("@09:30"), .literal(.time(LocalTime(hour: 9, minute: 30)!)))
        XCTAssertEqual(try parse("@2024-01-31T09:30:15").description, "@2024-01-31T09:30:15")
        XCTAssertEqual(try parse("${follow_up}"), .reference("follow_up"))
    }

    func testPrecedenceAndAssociativity() throws {
        let a = FormExpression.reference("a"), b = FormExpression.reference("b"), c = FormExpression.reference("c")
        XCTAssertEqual(try parse("${a} + ${b} * ${c}"), .binary(.add, a, .binary(.multiply, b, c)))
        XCTAssertEqual(try parse("${a} - ${b} - ${c}"), .binary(.subtract, .binary(.subtract, a, b), c))
        XCTAssertEqual(try parse("${a} or ${b} and ${c}"), .binary(.or, a, .binary(.and, b, c)))
        XCTAssertEqual(try parse("not ${a} = 1"), .unary(.not, .binary(.equal, a, .literal(.number(1)))))
        XCTAssertEqual(try parse("${a} mod 2 = 0"),
                       .binary(.equal, .binary(.modulo, a, .literal(.number(2))), .literal(.number(0))))
        XCTAssertEqual(try parse("-${a} * 2"), .binary(.multiply, .unary(.negate, a), .literal(.number(2))))
        XCTAssertEqual(try parse("(${a} + ${b}) * ${c}"), .binary(.multiply, .binary(.add, a, b), c))
        XCTAssertEqual(try parse("${a} == 1"), .binary(.equal, a, .literal(.number(1))))
        XCTAssertEqual(try parse("${a} - -1"), .binary(.subtract, a, .literal(.number(-1))))
        XCTAssertEqual(try parse("-(1)"), .unary(.negate, .literal(.number(1))))
    }

    func testWordOperatorsInAndBetween() throws {
        let name = FormExpression.reference("name")
        XCTAssertEqual(try parse("${name} contains 'x'"), .binary(.contains, name, .literal(.string("x"))))
        XCTAssertEqual(try parse("${name} startswith 'x'"), .binary(.startsWith, name, .literal(.string("x"))))
        XCTAssertEqual(try parse("${name} endswith 'x'"), .binary(.endsWith, name, .literal(.string("x"))))
        XCTAssertEqual(try parse("${name} matches '[a-z]+'"), .binary(.matches, name, .literal(.string("[a-z]+"))))
        XCTAssertEqual(try parse("${name} in ('a', 'b')"), .inList(name, [.literal(.string("a")), .literal(.string("b"))]))
        let between = try parse("${age} between 18 and 65 and ${ok}")
        XCTAssertEqual(between, .binary(.and,
                                        .between(.reference("age"), .literal(.number(18)), .literal(.number(65))),
                                        .reference("ok")))
    }

    func testFunctionCalls() throws {
        XCTAssertEqual(try parse("count-selected(${colors})"), .call(.countSelected, [.reference("colors")]))
        XCTAssertEqual(try parse("date-diff(${a}, today(), 'years')"),
                       .call(.dateDiff, [.reference("a"), .call(.today, []), .literal(.string("years"))]))
        XCTAssertEqual(try parse("if(${a} > 1, 'big', 'small')").children.count, 3)
        XCTAssertEqual(try parse("not(${a})"), .unary(.not, .reference("a")))
    }

    func testSourceRanges() throws {
        let e = try parse("  ${a} + len('xy')")
        XCTAssertEqual(e.range, SourceRange(start: 3, end: 19))
        guard case .binary(_, let lhs, let rhs) = e.kind else { return XCTFail("not binary") }
        XCTAssertEqual(lhs.range, SourceRange(start: 3, end: 7))
        XCTAssertEqual(rhs.range, SourceRange(start: 10, end: 19))
        XCTAssertEqual(rhs.range.length, 9)
        XCTAssertEqual(try parse("(1)").range, SourceRange(start: 1, end: 4))
        XCTAssertEqual(try parse("-5").range, SourceRange(start: 1, end: 3))
    }

    func testEqualityIgnoresRanges() throws {
        let spaced = try parse("${a}   +   1")
        let tight = try parse("${a}+1")
        XCTAssertEqual(spaced, tight)
        XCTAssertTrue(spaced.structurallyEquals(tight))
        XCTAssertNotEqual(spaced.range, tight.range)
        XCTAssertEqual(Set([spaced, tight]).count, 1)
    }

    func testErrorColumnsAndCaret() {
        let cases: [(String, Int, String)] = [
            ("${a} = ", 8, "expected a value, found end of expression"),
            ("${a} = = 1", 8, "expected a value, found '='"),
            ("1 + (2 * 3", 11, "expected ')' to close '(' at column 5"),
            ("${a} ! 1", 6, "unexpected character '!'"),
            ("'open", 1, "text is not closed"),
            ("lenght(${a})", 1, "unknown function 'lenght' (did you mean 'len'?)"),
            ("frobnicate(1)", 1, "unknown function 'frobnicate'"),
            ("round(1, 2, 3)", 1, "round takes 1 or 2 arguments, got 3"),
            ("today(1)", 1, "today takes 0 arguments, got 1"),
            ("${a} < 1 < 2", 10, "comparisons do not chain"),
            ("${1a}", 3, "a field key must start with a letter"),
            ("${ab", 5, "expected '}' to close ${ab"),
            ("$a", 1, "'$' must start a reference"),
            ("@2024-13-01", 1, "invalid date/time literal"),
            ("12abc", 3, "unexpected 'a' after a number"),
            ("'a\\q'", 3, "unknown escape"),
            ("${a} in ()", 10, "'in' needs at least one value"),
            ("${a} between 1 or 2", 16, "expected 'and'"),
            ("1 2", 3, "unexpected number 2 after the end"),
            ("len ${a}", 5, "expected '(' after the function name 'len'"),
            ("concat(1 2)", 10, "expected ')' or ','"),
            ("${a} matches '(['", 14, "invalid regular expression '(['"),
            ("and", 1, "expected a value, found 'and'"),
            ("${a} AND ${b}", 6, "keywords are written in lowercase: 'and', not 'AND'"),
        ]
        for (text, column, message) in cases {
            guard let error = assertParseError(text) else { continue }
            XCTAssertEqual(error.column, column, "\(text): \(error)")
            XCTAssertTrue(error.message.contains(message), "\(text): \(error.message)")
            XCTAssertTrue(error.description.hasPrefix("column \(column): "))
        }
    }

    func testCaretDiagram() {
        let source = "${a} =\t= 1"
        guard let error = assertParseError(source) else { return }
        let lines = error.caretDiagram(source).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], "${a} = = 1")
        XCTAssertEqual(lines[1], "       ^")
        XCTAssertEqual(ExpressionError(column: 0, length: 0, message: "x").column, 1)
    }

    func testNestingLimits() {
        let deep = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        XCTAssertTrue(assertParseError(deep)?.message.contains("nested too deeply") ?? false)
        let long = (0..<300).map(String.init).joined(separator: " + ")
        XCTAssertTrue(assertParseError(long)?.message.contains("nested too deeply") ?? false)
        let fine = (0..<200).map(String.init).joined(separator: " + ")
        XCTAssertNoThrow(try ExpressionParser.parse(fine))
    }

    func testHeightAndChildren() throws {
        XCTAssertEqual(try parse("1").height, 1)
        XCTAssertEqual(try parse("1 + 2 * 3").height, 3)
        XCTAssertEqual(try parse("${a} between 1 and 2").children.count, 3)
        XCTAssertEqual(try parse("${a} in (1, 2)").children.count, 3)
        XCTAssertEqual(try parse("not 1").children.count, 1)
    }
}
