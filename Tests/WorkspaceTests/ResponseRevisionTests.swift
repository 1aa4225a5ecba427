import FormCore
import GRDB
import XCTest
@testable import Workspace

final class ResponseRevisionTests: WorkspaceTestCase {
    private func submitted(_ workspace: Workspace, name: String = "Ana", age: Double = 31) throws -> Int64 {
        try workspace.responses.insert(NewResponse(answers: Answers(values: ["name": .string(name), "age": .number(age)]), status: .submitted),
                                       formID: "small", version: 1)
    }

    func testAnEditKeepsThePreviousAnswers() throws {
        let workspace = try workspaceWithSmallForm()
        let store = workspace.responses
        let id = try submitted(workspace)
        XCTAssertEqual(try store.get(id).revision, 1)
        let revision = try store.update(id: id, answers: Answers(values: ["name": .string("Ana Lima"), "age": .number(32)]), expectedRevision: 1)
        XCTAssertEqual(revision, 2)
        let response = try store.get(id)
        XCTAssertEqual(response.revision, 2)
        XCTAssertEqual(response.status, .submitted)
        XCTAssertEqual(response.answers["name"], .string("Ana Lima"))
        let history = try store.history(id)
        XCTAssertEqual(history.map(\.revision), [1, 2])
        XCTAssertEqual(history[0].answers["name"], .string("Ana"))
        XCTAssertEqual(history[0].answers["age"], .number(31))
        XCTAssertEqual(history[1].answers["age"], .number(32))
        XCTAssertEqual(try store.update(id: id, answers: Answers(values: ["name": .string("A. Lima")]), expectedRevision: 2), 3)
        XCTAssertEqual(try store.history(id).map { $0.answers["name"] }, [.string("Ana"), .string("Ana Lima"), .string("A. Lima")])
    }

    func testAStaleRevisionIsRefusedAndNothingIsWritten() throws {
        let workspace = try workspaceWithSmallForm()
        let id = try submitted(workspace)
        try workspace.responses.update(id: id, answers: Answers(values: ["name": .string("Bea")]), expectedRevision: 1)
        XCTAssertThrowsError(try workspace.responses.update(id: id, answers: Answers(values: ["name": .string("Cy")]), expectedRevision: 1)) {
            XCTAssertEqual($0 as? WorkspaceError, .responseConflict(id: id, expected: 1, actual: 2))
            XCTAssertTrue("\($0)".contains("revision 2"))
        }
        XCTAssertEqual(try workspace.responses.get(id).answers["name"], .string("Bea"))
        XCTAssertEqual(try workspace.responses.history(id).count, 2)
    }

    func testAnEditIsValidatedAgainstItsFormVersion() throws {
        let workspace = try workspaceWithSmallForm()
        let id = try submitted(workspace)
        XCTAssertThrowsError(try workspace.responses.update(id: id, answers: Answers(values: ["age": .number(300)]), expectedRevision: 1)) { error in
            guard case .invalid(let message)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("name: an answer is required"), message)
            XCTAssertTrue(message.contains("age:"), message)
        }
        XCTAssertEqual(try workspace.responses.get(id).revision, 1)
        XCTAssertThrowsError(try workspace.responses.update(id: 999, answers: Answers(), expectedRevision: 1)) {
            XCTAssertEqual($0 as? WorkspaceError, .responseNotFound(999))
        }
    }

    func testHistoryIsFrozenAndGoesWithTheResponse() throws {
        let workspace = try workspaceWithSmallForm()
        let id = try submitted(workspace)
        try workspace.responses.update(id: id, answers: Answers(values: ["name": .string("Bea")]), expectedRevision: 1)
        XCTAssertThrowsError(try workspace.pool.write { try $0.execute(sql: "UPDATE response_revision SET answers = '{}'") })
        XCTAssertThrowsError(try workspace.pool.write { try $0.execute(sql: "UPDATE response SET answers = '{}' WHERE id = ?", arguments: [id]) },
                             "a submitted response changes only with a revision bump")
        try workspace.responses.delete(id)
        let left = try workspace.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM response_revision") }
        XCTAssertEqual(left, 0)
    }

    func testAnOldWorkspaceGainsRevisionOne() throws {
        let workspace = try workspaceWithSmallForm()
        let id = try submitted(workspace)
        let reopened = try openWorkspace()
        XCTAssertEqual(try reopened.responses.history(id).map(\.revision), [1])
        XCTAssertEqual(try reopened.responses.list(ResponseFilter(formID: "small")).map(\.revision), [1])
    }
}
