import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// The read view's lines and the in-memory service's rules.
final class ResponsesDetailTests: XCTestCase {
    static var survey: Form {
        let matrix = Field(id: "f_m", key: "taste", type: .choiceMatrix, label: "Taste",
                           choices: .list([Choice(value: "1"), Choice(value: "5")]),
                           matrix: MatrixSpec(rows: [Choice(value: "salt", label: "Salt"), Choice(value: "sugar", label: "")]))
        let inner = Field(id: "f_i", key: "inner", type: .shortText, label: "")
        let group = Field(id: "f_g", key: "about", type: .group, label: "About you", children: [inner])
        let empty = Field(id: "f_r", key: "kids", type: .repeatGroup, label: "Kids", children: [])
        let note = Field(id: "f_n", key: "hello", type: .note, label: "Hello")
        return Form(id: "survey", title: "Survey", version: 2, state: .published,
                    pages: [Page(id: "p", title: "P", fields: [note, group, matrix, empty])])
    }

    func testLinesWalkGroupsMatricesAndEmptyRepeats() {
        let answers = Answers(values: ["inner": .string("x"), "taste": .list([.string("5"), .empty])])
        let detail = ResponseDetail(id: 7, form: Self.survey, answers: answers, status: "draft", respondent: "ana", submittedAt: nil, revision: 3)
        let lines = ResponseDetailState(detail: detail).lines
        XCTAssertEqual(lines.map(\.label), ["About you", "inner", "Taste", "Salt", "sugar", "Kids"])
        XCTAssertEqual(lines.map(\.answer), [nil, "x", nil, "5", "—", "—"])
        XCTAssertEqual(lines.map(\.depth), [0, 1, 0, 1, 1, 0])
        let unanswered = ResponseDetailState(detail: ResponseDetail(id: 8, form: Self.survey, answers: Answers(), status: "draft",
                                                                    respondent: nil, submittedAt: nil, revision: 1)).lines
        XCTAssertEqual(unanswered[2].answer, "—", "an unanswered matrix says so on its own line")
    }

    func testReadViewScrollsAndShowsDraftsWithoutSubmitTime() throws {
        let service = InMemoryResponseService()
        service.addForm(ResponsesFixtures.people)
        var answers = Answers(values: ["name": .string("Ana")])
        answers.repeats["pets"] = (0..<40).map { Answers(values: ["pet_name": .string("Pet \($0)")]) }
        service.add(answers, formID: "people", submittedAt: nil, status: "draft")
        let driver = ResponsesFixtures.driver(service, size: Size(width: 80, height: 24))
        XCTAssertTrue(driver.shows("draft"))
        XCTAssertTrue(driver.shows("—"))
        try driver.press("enter")
        XCTAssertTrue(driver.shows("not submitted"))
        try driver.press("j j pagedown")
        XCTAssertEqual(driver.state.responses.detail?.offset, 20)
        try driver.press("G")
        XCTAssertTrue(driver.shows("Pet 39"))
        try driver.press("pageup k g")
        XCTAssertEqual(driver.state.responses.detail?.offset, 0)
        try driver.press("e down up backtab esc")
        XCTAssertNil(driver.state.responses.detail?.edits)
        try driver.press("esc")
        XCTAssertNil(driver.state.responses.detail)
    }

    func testInMemoryServiceRules() throws {
        let service = ResponsesFixtures.service(count: 3)
        service.add(Answers(values: ["name": .string("Zed")]), formID: "people", submittedAt: nil, status: "draft")
        let bySubmitted = try service.index(ResponseQuery(formID: "people", sort: ResponseSort(.submitted, descending: true)))
        XCTAssertEqual(bySubmitted.ids, [4, 3, 2, 1], "drafts sort last, reversed first")
        XCTAssertEqual(try service.index(ResponseQuery(formID: "people", sort: ResponseSort(.field("age")))).ids, [1, 2, 3, 4])
        XCTAssertThrowsError(try service.index(ResponseQuery(formID: "people", filter: "${age} >"))) {
            XCTAssertTrue("\($0)".contains("column"))
        }
        XCTAssertThrowsError(try service.save(1, answers: Answers(), expectedRevision: 5)) {
            XCTAssertEqual($0 as? ResponseServiceError, .conflict(id: 1, expected: 5, actual: 1))
            XCTAssertTrue("\($0)".contains("changed elsewhere"))
        }
        XCTAssertThrowsError(try service.read(99)) { XCTAssertEqual("\($0)", "no response 99") }
        XCTAssertThrowsError(try service.delete(99))
        XCTAssertThrowsError(try service.save(99, answers: Answers(), expectedRevision: 1))
        XCTAssertThrowsError(try service.latestForm("nope")) { XCTAssertTrue("\($0)".contains("no published version")) }
        XCTAssertEqual(try service.count("people"), 4)
        XCTAssertEqual(ResponseServiceError.failed("x").description, "x")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("people-\(UUID().uuidString).csv").path
        XCTAssertEqual(try service.export(formID: "people", format: .csv, path: path), 4)
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("name,age,city,color,note\n"), csv)
        XCTAssertThrowsError(try service.previewImport(path: "/nonexistent/x.csv", formID: "people"))
        let preview = ImportPreview(path: "p", columns: ["a", "b"], fields: ["a", nil], importable: 1, problems: [])
        XCTAssertEqual(preview.mapping.map(\.column), ["a", "b"])
        XCTAssertEqual(preview.mapping.map(\.field), ["a", nil])
    }

    func testAConflictOnSaveIsShownAndTheEditKept() throws {
        let service = ResponsesFixtures.service(count: 1)
        let driver = ResponsesFixtures.driver(service)
        try driver.press("enter e")
        _ = try service.save(1, answers: Answers(values: ["name": .string("Other")]), expectedRevision: 1)
        try driver.press("ctrl+s")
        XCTAssertTrue(driver.shows("changed elsewhere"))
        XCTAssertNotNil(driver.state.responses.detail?.edits, "the edit stays so it can be redone")
        XCTAssertEqual(driver.state.responses.detail?.saving, false)
    }
}
