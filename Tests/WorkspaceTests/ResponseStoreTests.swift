import FormCore
import XCTest
@testable import Workspace

final class ResponseStoreTests: WorkspaceTestCase {
    func testDraftLifecycle() throws {
        let workspace = try workspaceWithSmallForm()
        let store = workspace.responses
        let id = try store.insert(NewResponse(answers: Answers(values: ["name": .string("Ana")]), respondent: "ana@ssh"),
                                  formID: "small", version: 1)
        var response = try store.get(id)
        XCTAssertEqual(response.status, .draft)
        XCTAssertEqual(response.respondent, "ana@ssh")
        XCTAssertEqual(response.version, 1)
        XCTAssertNil(response.submittedAt)
        try store.updateDraft(id, answers: Answers(values: ["name": .string("Ana"), "age": .number(31)]))
        XCTAssertEqual(try store.get(id).answers["age"], .number(31))
        try store.submit(id)
        response = try store.get(id)
        XCTAssertEqual(response.status, .submitted)
        XCTAssertNotNil(response.submittedAt)
        XCTAssertThrowsError(try store.updateDraft(id, answers: Answers())) { XCTAssertEqual($0 as? WorkspaceError, .responseSubmitted(id)) }
        XCTAssertThrowsError(try store.submit(id)) { XCTAssertEqual($0 as? WorkspaceError, .responseSubmitted(id)) }
        XCTAssertThrowsError(try workspace.pool.write { try $0.execute(sql: "UPDATE response SET answers = '{}'") },
                             "the database itself refuses to change a submitted response")
        try store.delete(id)
        XCTAssertThrowsError(try store.get(id)) { XCTAssertEqual($0 as? WorkspaceError, .responseNotFound(id)) }
        XCTAssertThrowsError(try store.delete(id)) { XCTAssertEqual($0 as? WorkspaceError, .responseNotFound(id)) }
        XCTAssertThrowsError(try store.submit(id)) { XCTAssertEqual($0 as? WorkspaceError, .responseNotFound(id)) }
    }

    func testResponsesNeedAPublishedVersion() throws {
        let workspace = try workspaceWithSmallForm()
        XCTAssertThrowsError(try workspace.responses.insert(NewResponse(answers: Answers()), formID: "small", version: 2)) {
            XCTAssertEqual($0 as? WorkspaceError, .versionNotFound(formID: "small", version: 2))
        }
    }

    func testPagingCountingAndStreaming() throws {
        let workspace = try workspaceWithSmallForm()
        let draft = try workspace.forms.draft("small")
        var changed = draft.form
        changed.title.append(" v2")
        try workspace.forms.saveDraft(changed, expectedRevision: draft.revision)
        try workspace.forms.publish("small")
        let store = workspace.responses
        let first = (0..<7).map { NewResponse(answers: Answers(values: ["age": .number(Double($0))]), status: $0 < 3 ? .submitted : .draft) }
        try store.insert(first, formID: "small", version: 1)
        try store.insert(NewResponse(answers: Answers(values: ["age": .number(99)])), formID: "small", version: 2)
        XCTAssertEqual(try store.count(ResponseFilter(formID: "small")), 8)
        XCTAssertEqual(try store.count(ResponseFilter(formID: "small", version: 1)), 7)
        XCTAssertEqual(try store.count(ResponseFilter(formID: "small", version: 1, status: .submitted)), 3)
        let page = try store.list(ResponseFilter(formID: "small"), offset: 5, limit: 2)
        XCTAssertEqual(page.map { $0.answers["age"] }, [.number(5), .number(6)])
        var seen: [Int] = []
        try store.forEach(ResponseFilter(formID: "small")) { seen.append($0.version) }
        XCTAssertEqual(seen, [1, 1, 1, 1, 1, 1, 1, 2])
        XCTAssertEqual(try workspace.forms.list().first?.responseCount, 8)
    }

    func testErrorsDescribeThemselves() {
        let errors: [WorkspaceError] = [
            .conflict(formID: "f", expected: 1, actual: 2), .diskFull(path: "/x"), .busy(path: "/x"), .notAWorkspace(path: "/x"),
            .formNotFound("f"), .versionNotFound(formID: "f", version: 2), .notPublished("f"), .responseNotFound(3),
            .responseSubmitted(3), .invalid("bad"), .io(path: "/x", message: "gone"), .database("oops"),
        ]
        for error in errors {
            XCTAssertFalse(error.description.isEmpty)
            XCTAssertFalse(error.description.contains("\n"))
        }
        XCTAssertEqual(errors.filter(\.isEnvironmental).count, 5)
        let interrupted = ImportInterrupted(imported: 1000, line: 1002, cause: .diskFull(path: "/w/formwork.db"))
        XCTAssertEqual(interrupted.description,
                       "the disk is full: nothing was written to /w/formwork.db (import stopped at line 1002; the 1000 rows before it were imported)")
    }
}
