import FormCore
import XCTest
@testable import Workspace

final class SheetSyncRecordsTests: WorkspaceTestCase {
    func testResponsesAndTheirRowsAreStoredTogetherAndNeverTwice() throws {
        let workspace = try workspaceWithSmallForm()
        let sync = workspace.sheetSync
        XCTAssertEqual(try sync.imported(spreadsheet: "s1", formID: "small"), [])
        let rows = [
            SheetSyncRecords.Row(fingerprint: "a#0", response: NewResponse(answers: Answers(values: ["name": .string("Ana")]), status: .submitted)),
            SheetSyncRecords.Row(fingerprint: "b#0", response: NewResponse(answers: Answers(values: ["name": .string("Bo")]), status: .submitted)),
        ]
        XCTAssertEqual(try sync.insert(rows, spreadsheet: "s1", formID: "small", version: 1).count, 2)
        XCTAssertEqual(try sync.imported(spreadsheet: "s1", formID: "small"), ["a#0", "b#0"])
        XCTAssertEqual(try sync.imported(spreadsheet: "s2", formID: "small"), [])
        // The same rows again (a pull racing another): nothing is duplicated.
        XCTAssertEqual(try sync.insert(rows, spreadsheet: "s1", formID: "small", version: 1), [])
        XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: "small")), 2)
        // A version that does not exist stores nothing at all.
        let later = [SheetSyncRecords.Row(fingerprint: "c#0", response: NewResponse(answers: Answers(), status: .submitted))]
        XCTAssertThrowsError(try sync.insert(later, spreadsheet: "s1", formID: "small", version: 9))
        XCTAssertEqual(try sync.imported(spreadsheet: "s1", formID: "small"), ["a#0", "b#0"])
    }

    func testDeletingAResponseKeepsItsRowRecorded() throws {
        let workspace = try workspaceWithSmallForm()
        let ids = try workspace.sheetSync.insert([SheetSyncRecords.Row(fingerprint: "a#0", response: NewResponse(answers: Answers(), status: .submitted))],
                                                 spreadsheet: "s1", formID: "small", version: 1)
        try workspace.responses.delete(ids[0])
        // A deleted response is not pulled back in by the next pull.
        XCTAssertEqual(try workspace.sheetSync.imported(spreadsheet: "s1", formID: "small"), ["a#0"])
    }
}
