import XCTest
@testable import FormCore

final class ExpressionTypeTests: XCTestCase {
    private let fields: [String: ValueType] = [
        "age": .number, "name": .text, "dob": .date, "when": .dateTime, "start": .time,
        "consent": .bool, "colors": .list, "wait": .duration, "where": .geopoint, "x": .any,
    ]

    private func issues(_ text: String, asCondition: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> [TypeIssue] {
        do {
            return try ExpressionParser.parse(text).inferType(fieldTypes: { self.fields[$0] }, asCondition: asCondition)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return []
        }
    }

    private func type(_ text: String) throws -> ValueType {
        try ExpressionParser.parse(text).staticType(fieldTypes: { self.fields[$0] }).type
    }

    func testCleanExpressionsHaveNoIssues() {
        let clean = [
            "${age} >= 18 and ${consent}", "${name} = 'Ada'", "${dob} < today()", "${dob} < '2020-01-01'",
            "${age} = '18'", "selected(${colors}, 'red')", "${colors} = 'red'", "${when} > ${dob}",
            "date-diff(${dob}, today(), 'years') > 18", "sum(${age}) / count(${age})", "-${wait} < ${wait}",
            "${x} + 1", "${x} < ${name}", "not ${consent}", "${name} matches '[a-z]+'", "${colors} contains 'a'",
            "${age} in (1, 2)", "${age} between 1 and 10", "if(${consent}, 1, 2) + 1", "${start} < @12:00",
            "${dob} + 1 > ${dob}", "${when} - ${when} > ${wait}", "${start} + ${wait} > @10:00",
            "${wait} * 2 + ${wait} / 2 > ${wait}", "${wait} / ${wait} = 1", "${dob} - ${dob} = 0",
            "number(${name}) > 1", "len(${name}) > 2", "concat(${name}, ${age}) = 'x'",
        ]
        for text in clean { XCTAssertEqual(issues(text), [], text) }
    }

    func testMismatches() {
        let bad: [(String, String)] = [
            ("${dob} = ${name}", "'=' compares date with text: never equal"),
            ("${dob} < ${name}", "'<' compares date with text"),
            ("${dob} < 'soon'", "'<' compares date with text"),
            ("${name} + 1", "cannot apply '+' to text and number"),
            ("${name} * ${x}", "cannot apply '*' to text and any"),
            ("-${name}", "cannot negate text"),
            ("not ${dob}", "'not' needs a yes/no value, not date"),
            ("${dob} and true", "'and' needs a yes/no value, not date"),
            ("${consent} < true", "'<' cannot order bool and bool"),
            ("${where} = 1", "'=' compares geopoint with number: never equal"),
            ("${dob} contains 'x'", "'contains' works on text, not date and text"),
            ("${name} contains ${colors}", "'contains' works on text, not text and list"),
            ("${age} in ('a', ${dob})", "'in' compares number with date: never equal"),
            ("${age} between ${dob} and 3", "'between' compares number with date"),
            ("round(${name})", "round does not accept text as argument 1"),
            ("date-add(${dob}, 'x')", "date-add does not accept text as argument 2"),
            ("date-diff(${dob}, today(), 3)", "date-diff does not accept number as argument 3"),
            ("${missing} = 1", "unknown field ${missing}"),
            ("if(${dob}, 1, 2)", "'if' needs a yes/no value, not date"),
        ]
        for (text, message) in bad {
            let found = issues(text)
            XCTAssertEqual(found.map(\.message), [message], text)
        }
        XCTAssertEqual(issues("${missing} = 1").first?.kind, .unknownField)
        XCTAssertEqual(issues("${name} + 1").first?.kind, .typeMismatch)
        XCTAssertEqual(issues("${name} + 1").first?.range, SourceRange(start: 1, end: 12))
        XCTAssertEqual(issues("${name} + 1").first?.description, "column 1: cannot apply '+' to text and number")
    }

    func testConditionsAndArity() {
        XCTAssertEqual(issues("today()", asCondition: true).map(\.kind), [.notACondition])
        XCTAssertEqual(issues("${age} > 1", asCondition: true), [])
        let built = FormExpression.call(.round, [.literal(.number(1)), .literal(.number(1)), .literal(.number(1))])
        let found = built.inferType(fieldTypes: { _ in nil })
        XCTAssertEqual(found.map(\.kind), [.wrongArgumentCount])
        XCTAssertEqual(found.first?.description, "round takes 1 or 2 arguments, got 3")
    }

    func testResultTypes() throws {
        XCTAssertEqual(try type("1 + 2"), .number)
        XCTAssertEqual(try type("${dob} + 1"), .date)
        XCTAssertEqual(try type("${dob} - ${dob}"), .number)
        XCTAssertEqual(try type("${when} - ${when}"), .duration)
        XCTAssertEqual(try type("${when} + ${wait}"), .dateTime)
        XCTAssertEqual(try type("${start} - ${wait}"), .time)
        XCTAssertEqual(try type("${x} + 1"), .any)
        XCTAssertEqual(try type("today()"), .date)
        XCTAssertEqual(try type("now()"), .dateTime)
        XCTAssertEqual(try type("concat(1)"), .text)
        XCTAssertEqual(try type("if(true, 1, 2)"), .number)
        XCTAssertEqual(try type("if(true, 1, 'a')"), .any)
        XCTAssertEqual(try type("coalesce(${x}, 'a')"), .text)
        XCTAssertEqual(try type("max(${dob})"), .date)
        XCTAssertEqual(try type("date-add(${when}, 1)"), .dateTime)
        XCTAssertEqual(try type("date-add(${x}, 1)"), .any)
        XCTAssertEqual(try type("-${wait}"), .duration)
        XCTAssertEqual(try type("not 1"), .bool)
        XCTAssertEqual(try type("'a' in ('a')"), .bool)
        XCTAssertEqual(try type("selected(${colors}, 'a')"), .bool)
        XCTAssertEqual(try type("${name} + 1"), .any)
    }
}
