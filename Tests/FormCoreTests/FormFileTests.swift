import XCTest
@testable import FormCore

final class FormFileTests: XCTestCase {
    static let sample = """
    {
      "format": "formwork.form",
      "schemaVersion": 1,
      "id": "demo",
      "title": "Demo",
      "version": 3,
      "state": "published",
      "pages": [
        {"id": "p1", "title": "Start", "fields": [
          {"id": "f_name", "key": "name", "type": "short_text", "label": "Name", "required": true,
           "validation": {"minLength": 2, "maxLength": 40, "pattern": "^[A-Z]"}},
          {"id": "f_color", "key": "color", "type": "single_choice", "choices": ["red", {"value": "g", "label": "Green"}]},
          {"id": "f_kids", "key": "kids", "type": "repeat", "repeat": {"min": 0, "max": 5, "count": "${n}"},
           "children": [{"id": "f_kid", "key": "kid", "type": "short_text", "hiddenValue": "keep"}]},
          {"id": "f_n", "key": "n", "type": "integer", "constraint": {"expression": ". > 0", "message": "positive", "severity": "warning"}},
          {"id": "f_city", "key": "city", "type": "dropdown", "choices": {"options": ["a1", "b1"], "filter": "${choice} startswith 'a'"}},
          {"id": "f_csv", "key": "csv", "type": "dropdown", "choices": {"csv": "list.csv"}},
          {"id": "f_m", "key": "m", "type": "choice_matrix", "matrix": {"rows": ["r1"], "columns": ["c1", "c2"]}}
        ]},
        {"id": "p2", "title": "End", "visibleIf": "${n} > 1", "fields": []}
      ],
      "rules": [
        {"id": "r1", "sourceFieldId": "f_color", "condition": "equals", "value": "red", "action": "show", "targetFieldIds": ["f_n"]},
        {"id": "r2", "all": [{"sourceFieldId": "f_n", "condition": "between", "value": [1, 3]},
                             {"any": [{"sourceFieldId": "f_name", "condition": "is_empty"}]}],
         "action": "set_value", "targetFieldIds": ["f_name"], "setValue": "'x'"},
        {"id": "r3", "sourceFieldId": "f_n", "condition": "greater_than", "value": 4, "action": "skip_to_page", "targetPageId": "p2"}
      ]
    }
    """

    func testDecodesEveryPart() throws {
        let form = try FormFile.decode(Self.sample)
        XCTAssertEqual(form.version, 3)
        XCTAssertEqual(form.state, .published)
        XCTAssertEqual(form.pages.count, 2)
        let fields = form.pages[0].fields
        XCTAssertEqual(fields[0].validation.minLength, 2)
        XCTAssertTrue(fields[0].required)
        XCTAssertEqual(fields[1].choices, .list([Choice(value: "red"), Choice(value: "g", label: "Green")]))
        XCTAssertEqual(fields[2].repeatSpec, RepeatSpec(minCount: 0, maxCount: 5, countExpression: "${n}"))
        XCTAssertEqual(fields[2].children[0].hiddenValuePolicy, .keep)
        XCTAssertEqual(fields[3].constraint?.severity, .warning)
        XCTAssertEqual(fields[4].choices, .filtered([Choice(value: "a1"), Choice(value: "b1")], filter: "${choice} startswith 'a'"))
        XCTAssertEqual(fields[5].choices, .csv(path: "list.csv", valueColumn: "value", labelColumn: "label"))
        XCTAssertEqual(fields[6].matrix?.columns.count, 2)
        XCTAssertEqual(form.rules[1].when, .all([
            .row(ConditionRow(sourceFieldId: "f_n", condition: .between, value: .list([.number(1), .number(3)]))),
            .any([.row(ConditionRow(sourceFieldId: "f_name", condition: .isEmpty))]),
        ]))
        XCTAssertEqual(form.rules[2].targetPageId, "p2")
    }

    func testEncodeDecodeRoundTripIsStable() throws {
        let form = try FormFile.decode(Self.sample)
        let text = FormFile.encode(form)
        XCTAssertEqual(try FormFile.decode(text), form)
        XCTAssertEqual(FormFile.encode(try FormFile.decode(text)), text)
    }

    func testErrorsGiveFileLineColumnAndExpectation() {
        let cases: [(String, String)] = [
            (#"{"format": "other", "schemaVersion": 1}"#, "demo.form.json:1:12: not a form file"),
            (#"{"format": "formwork.form", "schemaVersion": 9}"#, "1:46: schemaVersion 9 is not supported"),
            ("{\"format\": \"formwork.form\",\n \"schemaVersion\": 1, \"id\": 5}", "2:28: \"id\" must be a string, found a number"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "pages": [{"id": "p", "fields": [{"id": "a", "key": "a", "type": "short_txt"}]}]}"#,
             "unknown type \"short_txt\" (did you mean \"short_text\"?)"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "pages": [{"id": "p", "fields": [{"id": "a", "key": "a", "type": "integer", "visibleIff": "1"}]}]}"#,
             "unknown property \"visibleIff\" in field \"a\" (did you mean \"visibleIf\"?)"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "pages": [{"id": "p", "fields": [{"id": "a", "key": "a", "type": "integer", "children": [{"id": "b", "key": "b", "type": "integer"}]}]}]}"#,
             "cannot hold children"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "rules": [{"id": "r", "sourceFieldId": "a", "condition": "equals", "action": "show", "targetFieldIds": ["b"]}]}"#,
             "condition \"equals\" needs a \"value\""),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "rules": [{"id": "r", "sourceFieldId": "a", "condition": "is_empty", "action": "skip_to_page"}]}"#,
             "skip_to_page needs \"targetPageId\""),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "rules": [{"id": "r", "sourceFieldId": "a", "condition": "is_empty", "action": "hide"}]}"#,
             "hide needs at least one of \"targetFieldIds\""),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "rules": [{"id": "r", "all": [], "action": "hide", "targetFieldIds": ["a"]}]}"#,
             "\"all\" must be a non-empty array of conditions"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "pages": [{"id": "p", "fields": [{"id": "a", "key": "a", "type": "repeat", "repeat": {"min": 3, "max": 1}}]}]}"#,
             "repeat max (1) is below min (3)"),
            ("[1,", "1:4: unexpected end of input"),
            (#"{"format": "formwork.form", "schemaVersion": 1.5}"#, "\"schemaVersion\" must be a whole number"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "pages": [{"id": "p", "fields": [{"id": "a", "key": "a", "type": "integer", "required": "yes"}]}]}"#,
             "\"required\" must be true or false, found a string"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x", "title": "t", "pages": 3}"#, "\"pages\" must be an array"),
            (#"{"format": "formwork.form", "schemaVersion": 1, "id": "x"}"#, "the form is missing \"title\""),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try FormFile.decode(text, file: "demo.form.json"), expected) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(expected), "got: \(message)\nexpected: \(expected)")
                XCTAssertTrue(message.hasPrefix("demo.form.json"), message)
                XCTAssertFalse(message.contains("\n"))
            }
        }
    }

    func testLoadReportsMissingAndNonUTF8Files() throws {
        XCTAssertThrowsError(try FormFile.load(path: "/nonexistent/x.form.json")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/x.form.json: no such file")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).form.json")
        try Data([0xFF, 0xFE, 0x00]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try FormFile.load(path: url.path)) { error in
            XCTAssertTrue("\(error)".hasSuffix("the file is not valid UTF-8"))
        }
        try Self.sample.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try FormFile.load(path: url.path).id, "demo")
    }
}
