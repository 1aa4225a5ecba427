import FormCore
import XCTest
@testable import Workspace

final class ResponseOrderingTests: WorkspaceTestCase {
    func testIdsBySortKeysAndRowsById() throws {
        let workspace = try workspaceWithSmallForm()
        let store = workspace.responses
        let ids = try store.insert([
            NewResponse(answers: Answers(values: ["name": .string("Cy"), "age": .number(9)]), status: .submitted),
            NewResponse(answers: Answers(values: ["name": .string("Ana")]), status: .draft),
            NewResponse(answers: Answers(values: ["name": .string("Bea"), "age": .number(40)]), status: .submitted),
        ], formID: "small", version: 1)
        let filter = ResponseFilter(formID: "small")
        XCTAssertEqual(try store.ids(filter, order: .id), ids)
        XCTAssertEqual(try store.ids(filter, order: .id, descending: true), ids.reversed())
        XCTAssertEqual(try store.ids(filter, order: .answer(key: "name")), [ids[1], ids[2], ids[0]])
        XCTAssertEqual(try store.ids(filter, order: .answer(key: "age")), [ids[0], ids[2], ids[1]], "unanswered last")
        XCTAssertEqual(try store.ids(filter, order: .answer(key: "age"), descending: true), [ids[2], ids[0], ids[1]])
        XCTAssertEqual(try store.ids(filter, order: .submitted).last, ids[1], "drafts last")
        XCTAssertEqual(try store.ids(filter, order: .answer(key: "na\"me")).count, 3, "a quote in a key is not SQL")
        XCTAssertEqual(try store.get(ids: [ids[2], 999, ids[0]]).map(\.id), [ids[2], ids[0]])
        XCTAssertEqual(try store.get(ids: []), [])
    }

    func testColumnMappingOfCSVAndJSONLines() throws {
        let workspace = try workspaceWithSmallForm()
        let importer = ResponseImporter(workspace: workspace)
        let csv = try file("a.csv", "Full name,age,shoe\nAna,3,4\n")
        XCTAssertEqual(try importer.columnMapping(csv, formID: "small").map(\.field), ["name", "age", nil])
        let jsonl = try file("a.jsonl", "{\"name\": \"Ana\", \"x\": 1}\n")
        XCTAssertEqual(try importer.columnMapping(jsonl, formID: "small"), [ColumnMapping(column: "name", field: "name"), ColumnMapping(column: "x", field: nil)])
        XCTAssertEqual(try importer.columnMapping(try file("b.jsonl", "not json\n"), formID: "small"), [])
        XCTAssertThrowsError(try importer.columnMapping(try file("a.txt", "x"), formID: "small"))
    }
}
