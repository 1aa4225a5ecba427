import XCTest
@testable import FormCore

final class JSONParserTests: XCTestCase {
    func testParsesAllValueKinds() throws {
        let node = try JSONParser.parse(#"{"a": [1, -2.5e2, true, false, null], "b": "x\"\u00e9\n", "c": {}}"#)
        guard case .object(let members) = node.value else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.key), ["a", "b", "c"])
        XCTAssertEqual(node["a"]?.value, .array([JSONNode(.number(1)), JSONNode(.number(-250)), JSONNode(.bool(true)),
                                                   JSONNode(.bool(false)), JSONNode(.null)]))
        XCTAssertEqual(node["b"]?.value, .string("x\"é\n"))
    }

    func testPositionsAreLineAndCharacterColumn() throws {
        let node = try JSONParser.parse("{\n  \"é\": \"ü\",\n  \"n\": 5\n}")
        XCTAssertEqual(node["n"]?.position, SourcePosition(line: 3, column: 8))
        XCTAssertEqual(node["é"]?.position, SourcePosition(line: 2, column: 8))
    }

    func testSyntaxErrorsNameTheirPlace() {
        let cases: [(String, Int, Int, String)] = [
            ("{\"a\": }", 1, 7, "expected a value"),
            ("{\"a\" 1}", 1, 6, "expected ':'"),
            ("[1, 2", 1, 6, "expected ',' or ']'"),
            ("{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate property"),
            ("\"abc", 1, 5, "unterminated string"),
            ("[01]", 1, 3, "expected ',' or ']'"),
            ("tru", 1, 1, "expected 'true'"),
            ("{} x", 1, 4, "unexpected text"),
            ("\"\\q\"", 1, 4, "invalid escape"),
            ("\"\\ud800\"", 1, 8, "unpaired surrogate"),
            ("[1.]", 1, 4, "expected a digit"),
            ("\"a\u{1}\"", 1, 3, "control character"),
        ]
        for (text, line, column, message) in cases {
            XCTAssertThrowsError(try JSONParser.parse(text), text) { error in
                guard let error = error as? JSONSyntaxError else { return XCTFail("wrong error type for \(text)") }
                XCTAssertEqual(error.position, SourcePosition(line: line, column: column), text)
                XCTAssertTrue(error.message.contains(message), "\(text): \(error.message)")
            }
        }
    }

    func testSurrogatePairsAndBOM() throws {
        XCTAssertEqual(try JSONParser.parse("\"\\ud83d\\ude00\"").value, .string("😀"))
        XCTAssertEqual(try JSONParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("7".utf8)).value, .number(7))
    }

    func testDeepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try JSONParser.parse(text)) { error in
            XCTAssertTrue("\(error)".contains("nesting deeper"))
        }
    }

    func testWriterRoundTrips() throws {
        let text = #"{"a": [1, 2.5, "x"], "b": {"c": [{"d": null}], "e": "tab\there"}, "f": []}"#
        let node = try JSONParser.parse(text)
        let pretty = JSONWriter.write(node)
        XCTAssertEqual(try JSONParser.parse(pretty).value, node.value)
        XCTAssertEqual(try JSONParser.parse(JSONWriter.compact(node.value)).value, node.value)
        XCTAssertTrue(pretty.contains("\"a\": [1, 2.5, \"x\"]"))
        XCTAssertEqual(JSONWriter.compact(.string("\u{1}\u{2028}")), "\"\\u0001\\u2028\"")
    }

    func testLongSingleLineStaysFast() throws {
        let items = (0..<20_000).map { "{\"k\": \($0)}" }.joined(separator: ",")
        let node = try JSONParser.parse("[" + items + "]")
        guard case .array(let array) = node.value else { return XCTFail() }
        XCTAssertEqual(array.count, 20_000)
        XCTAssertEqual(array.last?.position.line, 1)
    }
}
