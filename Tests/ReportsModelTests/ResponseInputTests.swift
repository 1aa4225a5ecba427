import FormCore
import XCTest
@testable import Reports

final class ResponseInputTests: XCTestCase {
    private func records(_ source: ResponseSource) throws -> [ResponseRecord] {
        var stream = try source.open()
        var out: [ResponseRecord] = []
        while let record = try stream.next() { out.append(record) }
        return out
    }

    func testCSVReaderHandlesQuotesMultiLineCellsCRLFAndBOM() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let url = try ReportFixture.write("\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,,3\n\"last\",2,", to: dir, name: "q.csv")
        let reader = try CSVRecordReader(url: url)
        XCTAssertEqual(try reader.next(), ["a", "b", "c"])
        XCTAssertEqual(try reader.next(), ["x, y", "say \"hi\"", "two\nlines"])
        XCTAssertEqual(reader.recordLine, 2)
        XCTAssertEqual(try reader.next(), [""])
        XCTAssertEqual(try reader.next(), ["1", "", "3"])
        XCTAssertEqual(reader.recordLine, 5)
        XCTAssertEqual(try reader.next(), ["last", "2", ""])
        XCTAssertNil(try reader.next())
    }

    func testUnclosedQuoteIsAnErrorWithItsLine() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let reader = try CSVRecordReader(url: try ReportFixture.write("a\n\"open\n", to: dir, name: "bad.csv"))
        _ = try reader.next()
        XCTAssertThrowsError(try reader.next()) { XCTAssertEqual($0 as? ResponseReadError, .malformed(line: 2, message: "a quoted cell is never closed")) }
        XCTAssertThrowsError(try CSVRecordReader(url: dir.appendingPathComponent("missing.csv"))) {
            XCTAssertTrue("\($0)".contains("cannot read responses file"))
        }
    }

    func testCSVResponsesMatchHeadersByKeyThenLabelAndReportBadCells() throws {
        let form = try ReportFixture.form()
        let dir = try ReportFixture.temporaryDirectory()
        let url = try ReportFixture.write("score,Temperature,unknown,Hazards,OK?\n12,20.5,zzz,fire;fall,yes\nabc,,x,,maybe\n", to: dir, name: "r.csv")
        let rows = try records(ResponseFileSource(url: url, form: form))
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0].answers["score"], .number(12))
        XCTAssertEqual(rows[0].answers["temp"], .number(20.5))
        XCTAssertEqual(rows[0].answers["hazards"], .list([.string("fire"), .string("fall")]))
        XCTAssertEqual(rows[0].answers["ok"], .bool(true))
        XCTAssertEqual(rows[1].number, 2)
        XCTAssertEqual(rows[1].readProblems.map(\.path), ["score", "ok"])
        let bad = try ReportFixture.write("foo,bar\n1,2\n", to: dir, name: "none.csv")
        XCTAssertThrowsError(try ResponseFileSource(url: bad, form: form).open()) {
            XCTAssertEqual($0 as? ResponseReadError, .noKnownColumns(path: bad.path))
        }
    }

    func testJSONLinesResponses() throws {
        let form = try ReportFixture.form()
        let dir = try ReportFixture.temporaryDirectory()
        let url = try ReportFixture.write("{\"score\": 5, \"hazards\": [\"fire\"], \"extra\": 1}\n\n{\"score\": \"x\", \"ok\": true}\r\n", to: dir, name: "r.jsonl")
        let source = ResponseFileSource(url: url, form: form)
        XCTAssertTrue(source.isJSONLines)
        let rows = try records(source)
        XCTAssertEqual(rows.map(\.number), [1, 2])
        XCTAssertEqual(rows[0].answers["hazards"], .list([.string("fire")]))
        XCTAssertEqual(rows[1].answers["ok"], .bool(true))
        XCTAssertEqual(rows[1].readProblems.first?.path, "score")
        let broken = try ReportFixture.write("{\"score\": 5}\n[1]\n", to: dir, name: "b.jsonl")
        XCTAssertThrowsError(try records(ResponseFileSource(url: broken, form: form))) {
            XCTAssertTrue("\($0)".hasPrefix("responses line 2:"), "\($0)")
        }
        let notJSON = try ReportFixture.write("{oops\n", to: dir, name: "c.jsonl")
        XCTAssertThrowsError(try records(ResponseFileSource(url: notJSON, form: form)))
    }

    func testReadProblemsReachTheDataQualitySection() throws {
        let form = try ReportFixture.form()
        let dir = try ReportFixture.temporaryDirectory()
        let url = try ReportFixture.write("score,severity\nabc,low\n7,low\n", to: dir, name: "r.csv")
        var stream = try ResponseFileSource(url: url, form: form).open()
        let model = try ReportBuilder(form: form).build(from: &stream)
        let issue = try XCTUnwrap(model.dataQuality.issues.first { $0.path == "score" })
        XCTAssertTrue(issue.message.hasPrefix("could not be read"))
        XCTAssertEqual(issue.examples, [1])
    }
}

/// The fast cell decoder must agree with `AnswerCoding` on every input, values and errors alike.
final class FastAnswerDecodingTests: XCTestCase {
    func testAgreesWithAnswerCodingOnAWideRangeOfCells() throws {
        let form = try ReportFixture.form()
        let fields = ReportFields.answerable(in: form) + [Field(id: "r", key: "r", type: .rating), Field(id: "c", key: "c", type: .calculated)]
        let cells = ["", " ", "\t", "abc", " abc", "abc ", "\u{00A0}x", "x\u{2003}", "12", "-3.5", "+4", ".5", "1e3", "1.5", "7%", "inf", "nan",
                     "0x10", "12abc", "yes", "Yes", "YES", "y", "no", "N", "true", "FALSE", "1", "0", "maybe", "2026-02-30", "2026-01-05",
                     "2026-1-5", "fire;fall", "fire;;fall", ";fire", "fire; fall", "a;b;", "Ελληνικά", "=1+1", "12 ", "00012"]
        for field in fields {
            for cell in cells {
                let expected = Result { try AnswerCoding.value(fromText: cell, for: field) }
                let actual = Result { try FastAnswerDecoding.value(fromCell: cell, for: field) }
                switch (expected, actual) {
                case let (.success(a), .success(b)): XCTAssertEqual(a, b, "\(field.type) \"\(cell)\"")
                case let (.failure(a), .failure(b)): XCTAssertEqual("\(a)", "\(b)", "\(field.type) \"\(cell)\"")
                default: XCTFail("\(field.type) \"\(cell)\": \(expected) vs \(actual)")
                }
            }
        }
    }
}
