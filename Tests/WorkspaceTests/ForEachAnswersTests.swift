import FormCore
import XCTest
@testable import Workspace

/// `forEachAnswers` streams the same ids and answers as `forEach`, reading fewer columns.
final class ForEachAnswersTests: WorkspaceTestCase {
    func testSameIdsAndAnswersAsForEach() throws {
        let workspace = try workspaceWithSmallForm()
        try workspace.responses.insert([
            NewResponse(answers: Answers(values: ["name": .string("Ana"), "age": .number(21), "pets": .list([.string("cat")])]), status: .submitted),
            NewResponse(answers: Answers(values: ["name": .string("Bo")])),
        ], formID: "small", version: 1)
        var full: [(Int64, Answers)] = []
        try workspace.responses.forEach(ResponseFilter(formID: "small")) { full.append(($0.id, $0.answers)) }
        var light: [(Int64, Answers)] = []
        try workspace.responses.forEachAnswers(ResponseFilter(formID: "small")) { light.append(($0, $1)) }
        XCTAssertEqual(light.map(\.0), full.map(\.0))
        XCTAssertEqual(light.map(\.1), full.map(\.1))
        XCTAssertEqual(light.first?.1["name"], .string("Ana"))
        var submitted = 0
        try workspace.responses.forEachAnswers(ResponseFilter(formID: "small", status: .submitted)) { _, _ in submitted += 1 }
        XCTAssertEqual(submitted, 1)
    }

    func testUnreadableStoredAnswersNameTheResponse() throws {
        let workspace = try workspaceWithSmallForm()
        let id = try workspace.responses.insert(NewResponse(answers: Answers(values: ["name": .string("Ana")])), formID: "small", version: 1)
        try workspace.write { db in try db.execute(sql: "UPDATE response SET answers = '{\"nope\": 1}' WHERE id = ?", arguments: [id]) }
        XCTAssertThrowsError(try workspace.responses.forEachAnswers(ResponseFilter(formID: "small")) { _, _ in }) { error in
            XCTAssertTrue("\(error)".contains("response \(id) cannot be read"), "\(error)")
            XCTAssertTrue("\(error)".contains("no field with key \"nope\""), "\(error)")
        }
    }
}
