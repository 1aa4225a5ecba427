import XCTest
@testable import FormCore

final class ExpressionDateTests: XCTestCase {
    private func date(_ iso: String) -> Value { .date(LocalDate(iso: iso)!) }

    func testLocalDate() {
        XCTAssertNil(LocalDate(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(LocalDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 1900, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 2024, month: 4, day: 31))
        XCTAssertNil(LocalDate(iso: "2024-1-31"))
        XCTAssertNil(LocalDate(iso: "2024-01-3x"))
        XCTAssertNil(LocalDate(iso: "+024-01-31"))
        XCTAssertNil(LocalDate(iso: ""))
        XCTAssertEqual(LocalDate(iso: "1970-01-01")?.daysSince1970, 0)
        XCTAssertEqual(LocalDate(iso: "1969-12-31")?.daysSince1970, -1)
        XCTAssertEqual(LocalDate(iso: "2024-03-01")?.daysSince1970, 19783)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            XCTAssertEqual(LocalDate(daysSince1970: days).daysSince1970, days)
        }
        XCTAssertEqual(LocalDate(iso: "0999-05-06")?.description, "0999-05-06")
        XCTAssertTrue(LocalDate(iso: "2024-01-31")! < LocalDate(iso: "2024-02-01")!)
        XCTAssertEqual(LocalDate(iso: "2024-01-31")!.adding(months: 1).iso, "2024-02-29")
        XCTAssertEqual(LocalDate(iso: "2024-01-31")!.adding(months: -2).iso, "2023-11-30")
        XCTAssertEqual(LocalDate(iso: "2024-05-15")!.wholeMonths(to: LocalDate(iso: "2024-03-20")!), -1)
    }

    func testLocalTimeAndDateTime() {
        XCTAssertNil(LocalTime(hour: 24, minute: 0))
        XCTAssertNil(LocalTime(iso: "9:30"))
        XCTAssertNil(LocalTime(iso: "09:30:xx"))
        XCTAssertEqual(LocalTime(iso: "09:30:15")?.description, "09:30:15")
        XCTAssertEqual(LocalTime(secondsSinceMidnight: -60).iso, "23:59:00")
        XCTAssertTrue(LocalTime(iso: "09:00")! < LocalTime(iso: "10:00")!)
        XCTAssertEqual(LocalDateTime(iso: "2024-01-31 09:30")?.description, "2024-01-31T09:30:00")
        XCTAssertNil(LocalDateTime(iso: "2024-01-31"))
        XCTAssertNil(LocalDateTime(iso: "2024-01-31Tnope"))
        XCTAssertEqual(LocalDateTime(secondsSince1970: -1).iso, "1969-12-31T23:59:59")
        XCTAssertTrue(LocalDateTime(iso: "2024-01-31T09:00")! < LocalDateTime(iso: "2024-01-31T09:01")!)
    }

    func testTodayAndNowUseTheContextClockAndZone() throws {
        assertEval("today()", date("2024-06-01"))
        assertEval("now()", .dateTime(LocalDateTime(iso: "2024-06-01T12:00:00")!))
        let tokyo = DictionaryContext(now: fixedNow, timeZone: TimeZone(secondsFromGMT: 13 * 3600)!)
        XCTAssertEqual(try ExpressionParser.parse("today()").evaluate(in: tokyo), date("2024-06-02"))
        XCTAssertEqual(try ExpressionParser.parse("now()").evaluate(in: tokyo),
                       .dateTime(LocalDateTime(iso: "2024-06-02T01:00")!))
    }

    func testDateFunction() {
        assertEval("date('2024-01-31')", date("2024-01-31"))
        assertEval("date('2024-01-31T10:00')", date("2024-01-31"))
        assertEval("date(@2024-01-31T10:00)", date("2024-01-31"))
        assertEval("date(@2024-01-31)", date("2024-01-31"))
        assertEval("date('soon')", .empty)
        assertEval("date(${e})", .empty)
        XCTAssertNotNil(assertEvalError("date(5)"))
        assertEval("year(@2024-01-31)", .number(2024))
        assertEval("month('2024-01-31')", .number(1))
        assertEval("day(@2024-01-31T10:00)", .number(31))
        assertEval("year(${e})", .empty)
        XCTAssertNotNil(assertEvalError("year('soon')"))
    }

    func testDateDiff() {
        assertEval("date-diff(@2024-01-01, @2024-03-01)", .number(60))
        assertEval("date-diff(@2024-03-01, @2024-01-01, 'days')", .number(-60))
        assertEval("date-diff(@2024-01-01, @2024-03-01, 'weeks')", .number(8))
        assertEval("date-diff(@2024-01-31, @2024-02-29, 'months')", .number(0))
        assertEval("date-diff(@2024-01-31, @2024-03-31, 'MONTHS')", .number(2))
        assertEval("date-diff(@2000-02-29, @2024-02-28, 'years')", .number(23))
        assertEval("date-diff(@2024-01-01T08:00, @2024-01-01T10:30, 'hours')", .number(2))
        assertEval("date-diff(@2024-01-01T08:00, @2024-01-01T10:30, 'minutes')", .number(150))
        assertEval("date-diff('2024-01-01T08:00', @2024-01-01T08:00:30, 'seconds')", .number(30))
        assertEval("date-diff('2024-01-01', '2024-01-02')", .number(1))
        assertEval("date-diff(${e}, today())", .empty)
        XCTAssertNotNil(assertEvalError("date-diff(1, today())"))
        let unit = assertEvalError("date-diff(today(), today(), 'fortnights')")
        XCTAssertEqual(unit?.description, "date-diff: unknown unit 'fortnights': use seconds, minutes, hours, days, weeks, months or years")
    }

    func testDateAdd() {
        assertEval("date-add(@2024-01-31, 1)", date("2024-02-01"))
        assertEval("date-add(@2024-01-31, 2, 'weeks')", date("2024-02-14"))
        assertEval("date-add(@2024-01-31, 1, 'months')", date("2024-02-29"))
        assertEval("date-add(@2024-02-29, 1, 'years')", date("2025-02-28"))
        assertEval("date-add(@2024-01-31, 3, 'hours')", .dateTime(LocalDateTime(iso: "2024-01-31T03:00")!))
        assertEval("date-add(@2024-01-31T22:00, 3, 'hours')", .dateTime(LocalDateTime(iso: "2024-02-01T01:00")!))
        assertEval("date-add(@2024-01-31T22:00, 1, 'days')", .dateTime(LocalDateTime(iso: "2024-02-01T22:00")!))
        assertEval("date-add(@2024-01-31T22:00, 1, 'months')", .dateTime(LocalDateTime(iso: "2024-02-29T22:00")!))
        assertEval("date-add(${e}, 1)", .empty)
        assertEval("date-add(today(), ${e})", .empty)
        XCTAssertNotNil(assertEvalError("date-add(today(), 'x')"))
        XCTAssertNotNil(assertEvalError("date-add(today(), 1e12)"))
        XCTAssertNotNil(assertEvalError("date-add(today(), 1, 5)"))
    }

    func testAge() {
        let birth: [String: Value] = ["dob": date("2000-06-02")]
        assertEval("age(${dob})", .number(23), birth)
        assertEval("age(@2000-06-01)", .number(24))
        assertEval("age(${dob}, @2030-06-02)", .number(30), birth)
        assertEval("age(${e})", .empty)
        XCTAssertNotNil(assertEvalError("age(5)"))
    }
}
