import XCTest
@testable import FormCore

/// Keeps docs/expressions.md honest: every example in an "example" column must parse, and
/// where a "value" column gives a result, the example must evaluate to it.
final class ExpressionDocsTests: XCTestCase {
    private var docsURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/expressions.md")
    }

    /// The text inside a cell that is exactly one code span, else nil.
    private func code(_ cell: String) -> String? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("`"), trimmed.hasSuffix("`"),
              trimmed.filter({ $0 == "`" }).count == 2 else { return nil }
        return String(trimmed.dropFirst().dropLast())
    }

    func testDocumentedExamplesParseAndGiveTheirValues() throws {
        let text = try String(contentsOf: docsURL, encoding: .utf8)
        var exampleColumn: Int?, valueColumn: Int?
        var parsed = 0, checked = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                exampleColumn = nil
                valueColumn = nil
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let index = cells.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "example" }) {
                exampleColumn = index
                valueColumn = cells.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "value" }
                continue
            }
            guard let e = exampleColumn, e < cells.count, let example = code(cells[e]) else { continue }
            let expression = try ExpressionParser.parse(example)
            parsed += 1
            guard let v = valueColumn, v < cells.count, let expected = code(cells[v]) else { continue }
            let context = makeContext()
            XCTAssertEqual(try expression.evaluate(in: context), try ExpressionParser.parse(expected).evaluate(in: context), example)
            checked += 1
        }
        XCTAssertGreaterThan(parsed, 40)
        XCTAssertGreaterThan(checked, 15)
    }

    func testCaretExampleInDocs() throws {
        let source = "${age} >= = 18"
        guard let error = assertParseError(source) else { return }
        let text = try String(contentsOf: docsURL, encoding: .utf8)
        XCTAssertTrue(text.contains(error.caretDiagram(source) + "\n" + error.description))
    }
}
