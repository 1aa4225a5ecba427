import XCTest
@testable import FormCore

final class ExpressionPrinterTests: XCTestCase {
    private func canonical(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return ExpressionPrinter.print(try ExpressionParser.parse(text))
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    func testCanonicalForms() {
        let cases: [(String, String)] = [
            ("${a}+1", "${a} + 1"),
            ("(${a} + 1) * 2", "(${a} + 1) * 2"),
            ("${a} + (1 * 2)", "${a} + 1 * 2"),
            ("(${a} - 1) - 2", "${a} - 1 - 2"),
            ("${a} - (1 - 2)", "${a} - (1 - 2)"),
            ("not (${a} and ${b})", "not (${a} and ${b})"),
            ("not(${a} = 1)", "not ${a} = 1"),
            ("(${a} = 1) = true", "(${a} = 1) = true"),
            ("${a} = (1 = 1)", "${a} = (1 = 1)"),
            ("-(5)", "-(5)"),
            ("-(-5)", "-(-5)"),
            ("- -5", "-(-5)"),
            ("-(${a} + 1)", "-(${a} + 1)"),
            ("--${a}", "--${a}"),
            ("-(not ${a})", "-(not ${a})"),
            ("${a} - -5", "${a} - -5"),
            ("\"x\"", "'x'"),
            ("'a\\'b\\\\c\\n'", "'a\\'b\\\\c\\n'"),
            ("2.50", "2.5"),
            ("1e20", "1e+20"),
            ("0.0000001", "1e-07"),
            ("@2024-02-29", "@2024-02-29"),
            ("@7:05", ""),
            ("@07:05", "@07:05:00"),
            ("@2024-02-29 07:05", ""),
            ("@2024-02-29T07:05", "@2024-02-29T07:05:00"),
            ("${x} in (1,2 , 3)", "${x} in (1, 2, 3)"),
            ("(${x} in (1)) in (true)", "(${x} in (1)) in (true)"),
            ("(${a} or ${b}) between (1 = 1) and 2", "(${a} or ${b}) between (1 = 1) and 2"),
            ("${a} between 1 + 1 and 2 * 3", "${a} between 1 + 1 and 2 * 3"),
            ("count-selected( ${c} )", "count-selected(${c})"),
            ("today()", "today()"),
            ("if(${a}, 'y', 'n') mod 3", "if(${a}, 'y', 'n') mod 3"),
            ("${a} MATCHES 'x'", ""),
        ]
        for (input, expected) in cases where !expected.isEmpty {
            XCTAssertEqual(canonical(input), expected, input)
        }
        // Inputs whose expected output is empty must be refused by the parser.
        for (input, expected) in cases where expected.isEmpty {
            assertParseError(input)
        }
    }

    func testNonSourceLiteralsPrintAsNearestLiteral() {
        XCTAssertEqual(ExpressionPrinter.print(.literal(.empty)), "''")
        XCTAssertEqual(ExpressionPrinter.print(.literal(.duration(90))), "90")
        XCTAssertEqual(ExpressionPrinter.print(.literal(.list([.string("a"), .string("b")]))), "'a b'")
        XCTAssertEqual(ExpressionPrinter.print(.literal(.geopoint(latitude: 1.5, longitude: -2))), "'1.5 -2'")
        XCTAssertEqual(ExpressionPrinter.print(.literal(.number(.infinity))), "1e999")
        XCTAssertEqual(ExpressionPrinter.print(.literal(.number(-.infinity))), "-1e999")
        XCTAssertEqual(ExpressionPrinter.print(.literal(.number(.nan))), "(0 / 0)")
        XCTAssertEqual(try ExpressionParser.parse("1e999"), .literal(.number(.infinity)))
        XCTAssertEqual(FormExpression.reference("k").description, "${k}")
    }

    /// The printer's central promise: printing then parsing gives back the same tree.
    func testRandomTreesRoundTrip() throws {
        var generator = TreeGenerator(rng: SeededGenerator(seed: 0xF0_2024))
        var distinct = Set<String>()
        for index in 0..<2500 {
            let tree = generator.tree(depth: 5)
            let text = ExpressionPrinter.print(tree)
            distinct.insert(text)
            do {
                let reparsed = try ExpressionParser.parse(text)
                XCTAssertEqual(reparsed, tree, "tree \(index): \(text)")
                XCTAssertEqual(ExpressionPrinter.print(reparsed), text, "tree \(index) is not stable")
            } catch {
                XCTFail("tree \(index): \(text) does not parse: \(error)")
            }
        }
        XCTAssertGreaterThan(distinct.count, 2000, "the generator should produce varied trees")
    }

    /// Parsed ranges point at the text of each node: re-parsing a node's slice of the
    /// canonical text gives the same node.
    func testRangesCoverNodeText() throws {
        var generator = TreeGenerator(rng: SeededGenerator(seed: 7))
        for _ in 0..<300 {
            let text = ExpressionPrinter.print(generator.tree(depth: 4))
            let scalars = Array(text.unicodeScalars)
            for node in try ExpressionParser.parse(text).allNodes {
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[(node.range.start - 1)..<(node.range.end - 1)])
                XCTAssertEqual(try ExpressionParser.parse(String(slice)), node, "\(String(slice)) in \(text)")
            }
        }
    }
}
