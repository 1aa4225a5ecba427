import XCTest
@testable import FormCore

/// `AnswersReader` reads exactly what `AnswersFile.decode` reads, errors included.
final class AnswersReaderTests: XCTestCase {
    static let form: Form = {
        let kid = [Field(id: "f_k", key: "kid", type: .shortText), Field(id: "f_a", key: "kid_age", type: .integer),
                   Field(id: "f_t", key: "toys", type: .repeatGroup, children: [Field(id: "f_y", key: "toy", type: .shortText)])]
        let group = Field(id: "f_g", key: "about", type: .group, children: [Field(id: "f_c", key: "city", type: .shortText)])
        return Form(id: "h", title: "H", pages: [Page(id: "p", title: "P", fields: [
            Field(id: "f_n", key: "name", type: .shortText), Field(id: "f_d", key: "day", type: .date),
            Field(id: "f_p", key: "pets", type: .multipleChoice, choices: .list([Choice(value: "cat"), Choice(value: "dog")])),
            group, Field(id: "f_r", key: "kids", type: .repeatGroup, children: kid),
        ])])
    }()

    func same(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let reader = AnswersReader(form: Self.form)
        switch (Result { try reader.decode(text) }, Result { try AnswersFile.decode(text, form: Self.form) }) {
        case (.success(let a), .success(let b)): XCTAssertEqual(a, b, file: file, line: line)
        case (.failure(let a), .failure(let b)): XCTAssertEqual("\(a)", "\(b)", file: file, line: line)
        case (let a, let b): XCTFail("reader \(a) vs file \(b)", file: file, line: line)
        }
    }

    func testSameAnswersAsAnswersFile() throws {
        let text = #"{"name": " Ana ", "day": "2026-11-27", "pets": ["cat", "dog"], "city": "Porto", "kids": [{"kid": "Rui", "kid_age": 7, "toys": [{"toy": "Lego"}]}, {"kid": "Ana"}]}"#
        same(text)
        let answers = try AnswersReader(form: Self.form).decode(text)
        XCTAssertEqual(answers["name"], .string("Ana"))
        XCTAssertEqual(answers.repeats["kids"]?[0].repeats["toys"]?[0]["toy"], .string("Lego"))
        same("{}")
        same(#"{"name": null}"#)
    }

    func testSameErrorsAsAnswersFile() {
        same(#"{"nam": "Ana"}"#)
        same(#"{"kids": [{"kid_age": "seven"}]}"#)
        same(#"{"kids": {"kid": "Rui"}}"#)
        same(#"{"kids": [{"toys": [{"ty": 1}]}]}"#)
        same(#"{"day": "tomorrow"}"#)
        same("[1, 2]")
        same(#"{"name": "#)
    }
}
