import XCTest
@testable import FormCore

/// CSV cells holding JSON text (as spreadsheet exports write matrices, records and signatures).
final class AnswerCodingJSONCellTests: XCTestCase {
    private let matrix = Field(id: "m", key: "sat", type: .choiceMatrix,
                               matrix: MatrixSpec(rows: [Choice(value: "ease")], columns: [Choice(value: "1")]))
    private let items = Field(id: "t", key: "bank", type: .multipleText, matrix: MatrixSpec(rows: [Choice(value: "iban")]))
    private let signature = Field(id: "s", key: "sig", type: .signature)
    private let picks = Field(id: "p", key: "picks", type: .multipleChoice)

    func testObjectCellsBecomeRecords() throws {
        XCTAssertEqual(try AnswerCoding.value(fromText: #"{"ease":"1","speed":2}"#, for: matrix),
                       .list([.string("ease=1"), .string("speed=2")]))
        XCTAssertEqual(try AnswerCoding.value(fromText: #" {"iban":"DE76"} "#, for: items), .list([.string("iban=DE76")]))
        XCTAssertEqual(try AnswerCoding.value(fromText: "ease=1;speed=2", for: matrix), .list([.string("ease=1"), .string("speed=2")]))
    }

    func testSignatureCells() throws {
        let time = try XCTUnwrap(LocalDateTime(iso: "2026-04-08T16:05"))
        XCTAssertEqual(try AnswerCoding.value(fromText: #"{"name":"Ana Souza","time":"2026-04-08T16:05"}"#, for: signature),
                       .list([.string("Ana Souza"), .dateTime(time)]))
        XCTAssertEqual(try AnswerCoding.value(fromText: #"{"name":"Ana"}"#, for: signature), .list([.string("Ana")]))
        XCTAssertEqual(try AnswerCoding.value(fromText: "Ana Souza", for: signature), .list([.string("Ana Souza")]))
    }

    func testArrayCellsBecomeLists() throws {
        XCTAssertEqual(try AnswerCoding.value(fromText: #"["fall","fire"]"#, for: picks), .list([.string("fall"), .string("fire")]))
    }

    func testBrokenJSONCellsAreErrors() {
        XCTAssertThrowsError(try AnswerCoding.value(fromText: #"{"ease": "#, for: matrix)) { error in
            XCTAssertTrue("\(error)".hasPrefix("sat: the cell starts like JSON but is not valid JSON"))
        }
        XCTAssertThrowsError(try AnswerCoding.value(fromText: #"{"ease": true}"#, for: matrix))
        XCTAssertThrowsError(try AnswerCoding.value(fromText: #"["a"]"#, for: signature))
    }

    func testCellsAndJSONWrittenBackAreReadBack() throws {
        let time = try XCTUnwrap(LocalDateTime(iso: "2026-04-08T16:05"))
        let cases: [(Field, Value)] = [
            (matrix, .list([.string("ease=1"), .string("speed=2")])),
            (items, .list([.string("iban=DE76")])),
            (signature, .list([.string("Ana"), .dateTime(time)])),
            (signature, .list([.string("Ana")])),
            (picks, .list([.string("a"), .string("b")])),
        ]
        for (field, value) in cases {
            let cell = AnswerCoding.text(for: value, field: field)
            XCTAssertEqual(try AnswerCoding.value(fromText: cell, for: field), value, cell)
            XCTAssertEqual(try AnswerCoding.value(fromJSON: AnswerCoding.json(for: value, field: field), for: field), value)
        }
        XCTAssertEqual(AnswerCoding.text(for: .list([.string("ease=1")]), field: matrix), #"{"ease": "1"}"#)
        XCTAssertEqual(AnswerCoding.text(for: .empty, field: matrix), "")
    }
}
