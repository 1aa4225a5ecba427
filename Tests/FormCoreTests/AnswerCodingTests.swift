import XCTest
@testable import FormCore

final class AnswerCodingTests: XCTestCase {
    private func field(_ type: FieldType, key: String = "x") -> Field { Field(id: "f_\(key)", key: key, type: type) }

    private func text(_ cell: String, _ type: FieldType) throws -> Value { try AnswerCoding.value(fromText: cell, for: field(type)) }

    private func json(_ source: String, _ type: FieldType) throws -> Value {
        try AnswerCoding.value(fromJSON: JSONParser.parse(source).value, for: field(type))
    }

    private func assertTextError(_ cell: String, _ type: FieldType, _ message: String, line: UInt = #line) {
        XCTAssertThrowsError(try text(cell, type), line: line) { error in
            XCTAssertEqual("\(error)", "x: \(message)", line: line)
        }
    }

    // MARK: - CSV cells

    func testEmptyCellsAreUnanswered() throws {
        for type in FieldType.allCases where type.takesInput {
            XCTAssertEqual(try text("", type), .empty, type.rawValue)
            XCTAssertEqual(try text("   ", type), .empty, type.rawValue)
        }
    }

    func testTextAndChoices() throws {
        XCTAssertEqual(try text(" Ana Souza ", .shortText), .string("Ana Souza"))
        XCTAssertEqual(try text("line one\nline two", .longText), .string("line one\nline two"))
        XCTAssertEqual(try text("critical", .singleChoice), .string("critical"))
        XCTAssertEqual(try text("fall; fire;;chemical", .multipleChoice), .list([.string("fall"), .string("fire"), .string("chemical")]))
        XCTAssertEqual(try text("speed;price", .ranking), .list([.string("speed"), .string("price")]))
    }

    func testNumbers() throws {
        XCTAssertEqual(try text("17", .integer), .number(17))
        XCTAssertEqual(try text("-3.5", .decimal), .number(-3.5))
        XCTAssertEqual(try text("85%", .percentage), .number(85))
        XCTAssertEqual(try text("1234.50", .currency), .number(1234.5))
        assertTextError("4.5", .rating, "\"4.5\" is not a whole number")
        assertTextError("2.5", .integer, "\"2.5\" is not a whole number")
        assertTextError("1,234", .decimal, "\"1,234\" is not a number")
        assertTextError("ten", .opinionScale, "\"ten\" is not a number")
    }

    func testBooleans() throws {
        for yes in ["yes", "TRUE", "1", "Y"] { XCTAssertEqual(try text(yes, .yesNo), .bool(true), yes) }
        for no in ["No", "false", "0", "n"] { XCTAssertEqual(try text(no, .consent), .bool(false), no) }
        assertTextError("maybe", .yesNo, "\"maybe\" is not yes or no")
    }

    func testDatesAndTimes() throws {
        XCTAssertEqual(try text("2026-04-08", .date), .date(LocalDate(year: 2026, month: 4, day: 8)!))
        XCTAssertEqual(try text("17:30:15", .time), .time(LocalTime(iso: "17:30:15")!))
        XCTAssertEqual(try text("2026-03-14T09:25", .dateTime), try text("2026-03-14 09:25", .dateTime))
        assertTextError("2026-02-30", .date, "\"2026-02-30\" is not a date (expected yyyy-mm-dd)")
        assertTextError("25:00", .time, "\"25:00\" is not a time (expected HH:MM)")
        assertTextError("2026-03-14", .dateTime, "\"2026-03-14\" is not a date and time (expected yyyy-mm-ddTHH:MM)")
    }

    func testDurations() throws {
        let cases: [(String, Double)] = [("5400", 5400), ("PT1H30M", 5400), ("P3D", 259_200), ("P1DT12H", 129_600),
                                         ("pt45s", 45), ("P1W", 604_800), ("PT0.5S", 0.5), ("P1DT1H1M1S", 90061)]
        for (cell, seconds) in cases { XCTAssertEqual(try text(cell, .duration), .duration(seconds), cell) }
        for bad in ["P", "PT", "P1H", "PT1D", "P1", "1H", "PTxS", "P1DT"] {
            assertTextError(bad, .duration, "\"\(bad)\" is not a duration (seconds or PT1H30M)")
        }
    }

    func testGeopoints() throws {
        XCTAssertEqual(try text("52.52, 13.405", .geopoint), .geopoint(latitude: 52.52, longitude: 13.405))
        XCTAssertEqual(try text("-90,180", .geopoint), .geopoint(latitude: -90, longitude: 180))
        assertTextError("91,0", .geopoint, "91.0,0.0 is not a location on Earth")
        assertTextError("0,-180.5", .geopoint, "0.0,-180.5 is not a location on Earth")
        assertTextError("north", .geopoint, "\"north\" is not a location (expected \"lat,lon\")")
        assertTextError("1,2,3", .geopoint, "\"1,2,3\" is not a location (expected \"lat,lon\")")
    }

    func testSignaturesAndRecordsInCells() throws {
        let signed = Value.list([.string("Ana Souza"), .dateTime(LocalDateTime(iso: "2026-04-08T16:05")!)])
        XCTAssertEqual(try text("Ana Souza @ 2026-04-08T16:05", .signature), signed)
        XCTAssertEqual(try text(#"{"name":"Ana Souza","time":"2026-04-08T16:05"}"#, .signature), signed)
        XCTAssertEqual(try text(#"{"name":"Ana"}"#, .signature), .list([.string("Ana")]))
        XCTAssertEqual(try text("Ana", .signature), .list([.string("Ana")]))
        XCTAssertEqual(try text(#"{"ease":"4","support":"2"}"#, .choiceMatrix), .list([.string("ease=4"), .string("support=2")]))
        XCTAssertEqual(try text("iban=DE00;bic=X", .multipleText), .list([.string("iban=DE00"), .string("bic=X")]))
        XCTAssertEqual(try text(#"{"ease": 4}"#, .choiceMatrix), .list([.string("ease=4")]), "numbers in a matrix cell read as their text")
        assertTextError(#"{"ease": [1]}"#, .choiceMatrix, "expected an object of text values for a choice matrix field")
        assertTextError("{not json", .choiceMatrix, "the cell starts like JSON but is not valid JSON (expected a property name in double quotes)")
        assertTextError(#"{"name":"A","time":"yesterday"}"#, .signature, "\"yesterday\" is not a date and time")
    }

    // MARK: - JSON values

    func testJSONScalars() throws {
        XCTAssertEqual(try json("null", .integer), .empty)
        XCTAssertEqual(try json("42", .integer), .number(42))
        XCTAssertEqual(try json("\"42\"", .integer), .number(42))
        XCTAssertEqual(try json("5400", .duration), .duration(5400))
        XCTAssertEqual(try json("\"PT2H\"", .duration), .duration(7200))
        XCTAssertEqual(try json("7", .shortText), .string("7"))
        XCTAssertEqual(try json("2.5", .calculated), .string("2.5"))
        XCTAssertEqual(try json("true", .consent), .bool(true))
        XCTAssertEqual(try json("\"no\"", .yesNo), .bool(false))
        XCTAssertEqual(try json("false", .calculated), .bool(false))
        XCTAssertThrowsError(try json("1", .date)) { XCTAssertEqual("\($0)", "x: expected a number for a date field") }
        XCTAssertThrowsError(try json("true", .shortText)) { XCTAssertEqual("\($0)", "x: expected true or false for a short text field") }
    }

    func testJSONListsAndObjects() throws {
        XCTAssertEqual(try json(#"["fall", 3]"#, .multipleChoice), .list([.string("fall"), .string("3")]))
        XCTAssertEqual(try json("[]", .multipleChoice), .list([]))
        XCTAssertTrue(try json("[]", .multipleChoice).isEmpty, "[] means unanswered")
        XCTAssertEqual(try json("[52.5, 13.4]", .geopoint), .geopoint(latitude: 52.5, longitude: 13.4))
        XCTAssertEqual(try json(#"{"lat": 1, "lon": 2}"#, .geopoint), .geopoint(latitude: 1, longitude: 2))
        XCTAssertEqual(try json(#""1,2""#, .geopoint), .geopoint(latitude: 1, longitude: 2))
        XCTAssertEqual(try json(#"{"a": "1"}"#, .choiceMatrix), .list([.string("a=1")]))
        XCTAssertEqual(try json(#"{"name": "Bo", "time": "2026-01-05T13:51"}"#, .signature),
                       .list([.string("Bo"), .dateTime(LocalDateTime(iso: "2026-01-05T13:51")!)]))
        let errors: [(String, FieldType, String)] = [
            (#"[true]"#, .multipleChoice, "expected a list of choice values for a multiple choice field"),
            (#"["a"]"#, .shortText, "expected a list for a short text field"),
            (#"[100, 0]"#, .geopoint, "100.0,0.0 is not a location on Earth"),
            (#"{"lat": "1"}"#, .geopoint, "expected {\"lat\": …, \"lon\": …} for a geopoint field"),
            (#"{"time": "2026-01-05T13:51"}"#, .signature, "expected {\"name\": …, \"time\": …} for a signature field"),
            (#"{"a": 1}"#, .integer, "expected a integer answer, not an object for a integer field"),
        ]
        for (source, type, message) in errors {
            XCTAssertThrowsError(try json(source, type), source) { XCTAssertEqual("\($0)", "x: \(message)", source) }
        }
    }

    // MARK: - Round trips

    func testTextRoundTripForEveryKind() throws {
        let samples: [(FieldType, Value)] = [
            (.shortText, .string("a, b")), (.integer, .number(17)), (.decimal, .number(-3.25)), (.yesNo, .bool(true)),
            (.consent, .bool(false)), (.date, .date(LocalDate(year: 2024, month: 2, day: 29)!)),
            (.time, .time(LocalTime(iso: "09:45")!)), (.dateTime, .dateTime(LocalDateTime(iso: "2026-03-14T09:25:30")!)),
            (.duration, .duration(5400)), (.multipleChoice, .list([.string("a"), .string("b")])),
            (.choiceMatrix, .list([.string("r=1"), .string("s=2")])), (.geopoint, .geopoint(latitude: 52.52, longitude: -13.4)),
            (.signature, .list([.string("Ana"), .dateTime(LocalDateTime(iso: "2026-04-08T16:05")!)])),
        ]
        for (type, value) in samples {
            let field = Field(id: "f", key: "f", type: type)
            for cell in [AnswerCoding.text(for: value), AnswerCoding.text(for: value, field: field)] {
                XCTAssertEqual(try text(cell, type), value, "\(type.rawValue) via \(cell.debugDescription)")
            }
            let encoded = JSONWriter.compact(AnswerCoding.json(for: value, field: field))
            XCTAssertEqual(try json(encoded, type), value, "\(type.rawValue) via \(encoded)")
        }
        XCTAssertEqual(AnswerCoding.text(for: .list([.string("r=1"), .string("s=a=b")]), field: Field(id: "m", key: "m", type: .choiceMatrix)),
                       #"{"r": "1", "s": "a=b"}"#)
        XCTAssertEqual(AnswerCoding.text(for: .list([.string("a"), .string("b")]), field: Field(id: "c", key: "c", type: .multipleChoice)), "a;b")
        XCTAssertEqual(AnswerCoding.text(for: .bool(false)), "no")
        XCTAssertEqual(AnswerCoding.json(for: .empty), .null)
    }

    func testISODurationHelper() {
        XCTAssertEqual(AnswerCoding.isoDuration("PT1H30M"), 5400)
        XCTAssertNil(AnswerCoding.isoDuration("1H30M"))
        XCTAssertNil(AnswerCoding.isoDuration("PT1.2.3S"))
    }
}
