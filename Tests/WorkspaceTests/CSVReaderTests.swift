import XCTest
@testable import Workspace

final class CSVReaderTests: XCTestCase {
    private func records(_ text: String) throws -> [CSVRecord] {
        let reader = CSVReader(source: ByteSource(bytes: Array(text.utf8)))
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    func testQuotingLineEndsAndLineNumbers() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",z\n\n\"cr\ronly\",w\rlast,\"\""
        XCTAssertEqual(try records(text), [
            CSVRecord(line: 1, cells: ["a", "b"]),
            CSVRecord(line: 2, cells: ["x, y", "say \"hi\""]),
            CSVRecord(line: 3, cells: ["two\r\nlines", "z"]),
            CSVRecord(line: 6, cells: ["cr\ronly", "w"]),
            CSVRecord(line: 8, cells: ["last", ""]),
        ])
    }

    func testQuotesInsideUnquotedCellsAreText() throws {
        XCTAssertEqual(try records("5\" pipe,a\"b\n"), [CSVRecord(line: 1, cells: ["5\" pipe", "a\"b"])])
        XCTAssertEqual(try records("\"ab\"c,d"), [CSVRecord(line: 1, cells: ["abc", "d"])])
    }

    func testAnUnclosedQuoteNamesItsStartingLine() {
        XCTAssertThrowsError(try records("a\n\"b\n\nc")) { error in
            XCTAssertEqual(error as? CSVSyntaxError, CSVSyntaxError(line: 2, message: "a quoted cell is never closed"))
            XCTAssertEqual("\(error)", "line 2: a quoted cell is never closed")
        }
    }

    func testLineReaderSkipsBlankLines() {
        let reader = LineReader(source: ByteSource(bytes: Array("\u{FEFF}{}\r\n\n  \n{\"a\":1}".utf8)))
        XCTAssertEqual(reader.next()?.line, 1)
        let second = reader.next()
        XCTAssertEqual(second?.line, 4)
        XCTAssertEqual(second?.text, "{\"a\":1}")
        XCTAssertNil(reader.next())
    }

    func testWriterQuotesOnlyWhenNeeded() {
        XCTAssertEqual(CSVWriter.line(["plain", "a,b", "say \"x\"", "two\nlines", " padded", ""]),
                       "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\" padded\",\r\n")
    }
}
