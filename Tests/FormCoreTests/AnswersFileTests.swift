import XCTest
@testable import FormCore

final class AnswersFileTests: XCTestCase {
    private let form = Form(id: "a", title: "A", pages: [
        Page(id: "p1", title: "One", fields: [
            Field(id: "f_name", key: "name", type: .shortText),
            Field(id: "f_g", key: "contact", type: .group, children: [Field(id: "f_mail", key: "email", type: .email)]),
            Field(id: "f_kids", key: "kids", type: .repeatGroup, children: [
                Field(id: "f_kid", key: "kid_name", type: .shortText),
                Field(id: "f_toys", key: "toys", type: .repeatGroup, children: [Field(id: "f_toy", key: "toy", type: .shortText)]),
            ]),
        ]),
        Page(id: "p2", title: "Two", fields: [Field(id: "f_age", key: "age", type: .integer)]),
    ])

    private func decodeError(_ text: String, file: String? = "in.json") -> String? {
        do {
            _ = try AnswersFile.decode(text, form: form, file: file)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testDecodesGroupsRepeatsAndLaterPages() throws {
        let text = """
        {"name": "Ana", "email": "a@b.co", "age": 7,
         "kids": [{"kid_name": "Bo", "toys": [{"toy": "ball"}, {}]}, {}]}
        """
        let answers = try AnswersFile.decode(text, form: form)
        XCTAssertEqual(answers["name"], .string("Ana"))
        XCTAssertEqual(answers["email"], .string("a@b.co"), "group children are answered at the group's level")
        XCTAssertEqual(answers["age"], .number(7))
        XCTAssertEqual(answers.repeats["kids"]?.count, 2)
        XCTAssertEqual(answers.repeats["kids"]?[0]["kid_name"], .string("Bo"))
        XCTAssertEqual(answers.instance(keys: ["kids", "toys"], path: [0, 0])?["toy"], .string("ball"))
        XCTAssertNil(answers.instance(keys: ["kids", "toys"], path: [1, 0]))
    }

    func testEncodeIsTheInverseInFormOrder() throws {
        let answers = try AnswersFile.decode(#"{"age": 3, "kids": [{"toys": [{"toy": "car"}], "kid_name": "Cy"}], "name": "Z"}"#, form: form)
        let encoded = JSONWriter.compact(AnswersFile.encode(answers, fields: form.pages.flatMap(\.fields)))
        XCTAssertEqual(encoded, #"{"name": "Z", "kids": [{"kid_name": "Cy", "toys": [{"toy": "car"}]}], "age": 3}"#)
        XCTAssertEqual(try AnswersFile.decode(encoded, form: form), answers)
    }

    func testUnknownKeysSuggestTheClosest() {
        XCTAssertEqual(decodeError("{\n  \"nam\": \"x\"\n}"), "in.json:2:3: no field with key \"nam\" (did you mean \"name\"?)")
        XCTAssertEqual(decodeError(#"{"kids": [{"kid_nmae": []}]}"#), "in.json:1:12: no field with key \"kid_nmae\" (did you mean \"kid_name\"?)")
        XCTAssertEqual(decodeError(#"{"zzzzzzzz": 1}"#), "in.json:1:2: no field with key \"zzzzzzzz\"")
    }

    func testTypeMistakesPointAtTheValue() {
        XCTAssertEqual(decodeError(#"{"age": "old"}"#), "in.json:1:9: age: \"old\" is not a number")
        XCTAssertEqual(decodeError(#"{"kids": {"kid_name": "x"}}"#), "in.json:1:10: \"kids\" is a repeat group: expected an array of objects")
        XCTAssertEqual(decodeError(#"{"kids": [3]}"#), "in.json:1:11: answers must be an object of field keys, found a number")
        XCTAssertEqual(decodeError("[]"), "in.json:1:1: answers must be an object of field keys, found an array")
        XCTAssertEqual(decodeError("{\"name\": }"), "in.json:1:10: unexpected character '}', expected a value")
        XCTAssertEqual(decodeError("[]", file: nil), "1:1: answers must be an object of field keys, found an array")
    }

    func testLoadNamesTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json"), bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"name": "Ana"}"#.utf8).write(to: good)
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: bad)
        XCTAssertEqual(try AnswersFile.load(path: good.path, form: form)["name"], .string("Ana"))
        XCTAssertThrowsError(try AnswersFile.load(path: bad.path, form: form)) {
            XCTAssertEqual("\($0)", "\(bad.path): cannot read the file as UTF-8 text")
        }
        let missing = dir.appendingPathComponent("missing.json").path
        XCTAssertThrowsError(try AnswersFile.load(path: missing, form: form)) { XCTAssertEqual("\($0)", "\(missing): no such file") }
    }

    func testScopeFieldsFlattenGroupsButNotRepeats() {
        XCTAssertEqual(AnswersFile.scopeFields(form.pages[0].fields).map(\.key), ["name", "contact", "email", "kids"])
    }

    func testAnswersInstanceEditing() {
        var answers = Answers()
        answers.modifyInstance(keys: ["kids", "toys"], path: [1, 2]) { $0["toy"] = .string("kite") }
        XCTAssertEqual(answers.repeats["kids"]?.count, 2)
        XCTAssertEqual(answers.instance(keys: ["kids", "toys"], path: [1, 2])?["toy"], .string("kite"))
        XCTAssertEqual(answers.instance(keys: ["kids", "toys"], path: [1, 1])?["toy"], .empty)
        XCTAssertNil(answers.instance(keys: ["kids"], path: [5]))
        answers.modifyInstance(keys: [], path: []) { $0["name"] = .string("top") }
        XCTAssertEqual(answers["name"], .string("top"))
    }
}
