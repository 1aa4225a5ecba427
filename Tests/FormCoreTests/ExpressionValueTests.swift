import XCTest
@testable import FormCore

final class ExpressionValueTests: XCTestCase {
    func testIsEmpty() {
        XCTAssertTrue(Value.empty.isEmpty)
        XCTAssertTrue(Value.string("").isEmpty)
        XCTAssertTrue(Value.list([]).isEmpty)
        XCTAssertFalse(Value.string(" ").isEmpty)
        XCTAssertFalse(Value.number(0).isEmpty)
        XCTAssertFalse(Value.bool(false).isEmpty)
    }

    func testTypes() {
        let cases: [(Value, ValueType)] = [
            (.empty, .any), (.number(1), .number), (.string("a"), .text), (.bool(true), .bool),
            (.date(LocalDate(daysSince1970: 0)), .date), (.time(LocalTime(secondsSinceMidnight: 0)), .time),
            (.dateTime(LocalDateTime(secondsSince1970: 0)), .dateTime), (.duration(1), .duration),
            (.list([]), .list), (.geopoint(latitude: 0, longitude: 0), .geopoint),
        ]
        for (value, type) in cases { XCTAssertEqual(value.type, type) }
        XCTAssertEqual(ValueType.dateTime.description, "date-time")
        XCTAssertEqual(ValueType.number.description, "number")
        XCTAssertTrue(ValueType.any.fits(.date))
        XCTAssertTrue(ValueType.date.fits(.any))
        XCTAssertFalse(ValueType.date.fits(.text))
    }

    func testAsNumber() {
        XCTAssertEqual(Value.number(2).asNumber, 2)
        XCTAssertEqual(Value.string(" 2.5 ").asNumber, 2.5)
        XCTAssertEqual(Value.string("-3").asNumber, -3)
        XCTAssertNil(Value.string("two").asNumber)
        XCTAssertNil(Value.string("inf").asNumber)
        XCTAssertNil(Value.string("").asNumber)
        XCTAssertEqual(Value.bool(true).asNumber, 1)
        XCTAssertEqual(Value.duration(30).asNumber, 30)
        XCTAssertNil(Value.empty.asNumber)
        XCTAssertNil(Value.date(LocalDate(daysSince1970: 0)).asNumber)
    }

    func testAsBool() {
        XCTAssertEqual(Value.empty.asBool, false)
        XCTAssertEqual(Value.bool(true).asBool, true)
        XCTAssertEqual(Value.number(0).asBool, false)
        XCTAssertEqual(Value.number(-1).asBool, true)
        XCTAssertEqual(Value.number(.nan).asBool, false)
        XCTAssertEqual(Value.string("Yes").asBool, true)
        XCTAssertEqual(Value.string("TRUE").asBool, true)
        XCTAssertEqual(Value.string("1").asBool, true)
        XCTAssertEqual(Value.string("no").asBool, false)
        XCTAssertEqual(Value.string("0").asBool, false)
        XCTAssertEqual(Value.string("").asBool, false)
        XCTAssertNil(Value.string("maybe").asBool)
        XCTAssertEqual(Value.list([.string("a")]).asBool, true)
        XCTAssertNil(Value.date(LocalDate(daysSince1970: 0)).asBool)
    }

    func testAsStringAndDescription() {
        XCTAssertEqual(Value.empty.asString, "")
        XCTAssertEqual(Value.number(3).asString, "3")
        XCTAssertEqual(Value.number(-0.25).asString, "-0.25")
        XCTAssertEqual(Value.number(1e20).asString, "1e+20")
        XCTAssertEqual(Value.bool(false).asString, "false")
        XCTAssertEqual(Value.date(LocalDate(iso: "2024-01-31")!).asString, "2024-01-31")
        XCTAssertEqual(Value.time(LocalTime(iso: "09:05")!).asString, "09:05:00")
        XCTAssertEqual(Value.dateTime(LocalDateTime(iso: "2024-01-31T09:05")!).asString, "2024-01-31T09:05:00")
        XCTAssertEqual(Value.duration(90).asString, "90s")
        XCTAssertEqual(Value.list([.string("a"), .number(2)]).asString, "a 2")
        XCTAssertEqual(Value.geopoint(latitude: 51.5, longitude: -0.1).asString, "51.5 -0.1")
        XCTAssertEqual(Value.string("no").description, "'no'")
        XCTAssertEqual(Value.string("").description, "empty")
        XCTAssertEqual(Value.empty.description, "empty")
        XCTAssertEqual(Value.number(2).description, "2")
        XCTAssertEqual(Value.list([.string("a"), .number(2)]).description, "['a', 2]")
    }

    func testAsDateAndList() {
        let d = LocalDate(iso: "2024-01-31")!
        XCTAssertEqual(Value.date(d).asDate, d)
        XCTAssertEqual(Value.dateTime(LocalDateTime(date: d, time: LocalTime(secondsSinceMidnight: 5))).asDate, d)
        XCTAssertEqual(Value.string("2024-01-31").asDate, d)
        XCTAssertEqual(Value.string("2024-01-31T10:00").asDate, d)
        XCTAssertNil(Value.string("x").asDate)
        XCTAssertNil(Value.number(1).asDate)
        XCTAssertEqual(Value.empty.asList, [])
        XCTAssertEqual(Value.string("a").asList, [.string("a")])
        XCTAssertEqual(Value.list([.number(1)]).asList, [.number(1)])
    }

    func testErrorsDescribeThemselves() {
        XCTAssertEqual(EvaluationError(.divisionByZero, range: .none).description, "division by zero")
        XCTAssertEqual(EvaluationError(.typeMismatch(operation: "x", types: []), range: .none).description, "cannot apply 'x' to ")
        XCTAssertEqual(EvaluationError(.typeMismatch(operation: "-", types: [.text]), range: .none).description, "cannot apply '-' to text")
        XCTAssertEqual(EvaluationError(.typeMismatch(operation: "f", types: [.text, .date, .number]), range: .none).description,
                       "cannot apply 'f' to text, date and number")
        XCTAssertEqual(RegexError(pattern: "(").description, "invalid regular expression '('")
    }

    func testFunctionMetadata() {
        XCTAssertEqual(Function.named("count-selected"), .countSelected)
        XCTAssertNil(Function.named("nope"))
        XCTAssertEqual(Function.today.arityDescription, "0 arguments")
        XCTAssertEqual(Function.len.arityDescription, "1 argument")
        XCTAssertEqual(Function.dateDiff.arityDescription, "2 or 3 arguments")
        XCTAssertEqual(Function.sum.arityDescription, "at least 1 argument")
        XCTAssertEqual(Function.if.arityDescription, "3 arguments")
        XCTAssertTrue(Function.sum.isAggregate)
        XCTAssertFalse(Function.len.isAggregate)
        XCTAssertTrue(Function.concat.accepts(argumentCount: 9))
        XCTAssertFalse(Function.selected.accepts(argumentCount: 1))
        XCTAssertEqual(Keywords.editDistance("", "abc"), 3)
        XCTAssertEqual(Keywords.editDistance("abc", ""), 3)
        XCTAssertEqual(Keywords.editDistance("kitten", "sitting"), 3)
    }

    func testDictionaryContextDefaults() {
        struct Minimal: EvaluationContext {
            func value(of key: String) -> Value { key == "a" ? .number(1) : .empty }
        }
        let minimal = Minimal()
        XCTAssertEqual(minimal.repeatValues(of: "a"), [.number(1)])
        XCTAssertEqual(minimal.repeatValues(of: "b"), [])
        XCTAssertEqual(minimal.timeZone, TimeZone.current)
        XCTAssertLessThan(abs(minimal.now.timeIntervalSinceNow), 60)
        let context = DictionaryContext(values: ["a": .number(1)])
        XCTAssertEqual(context.value(of: "a"), .number(1))
        XCTAssertEqual(context.value(of: "zz"), .empty)
        XCTAssertEqual(context.repeatValues(of: "a"), [.number(1)])
    }
}
