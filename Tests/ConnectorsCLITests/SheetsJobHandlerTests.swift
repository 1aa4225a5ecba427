import ConnectorsTestSupport
@testable import formwork
import Foundation
import HTTP
import Workspace
import XCTest

/// The job entry points the worker will call, run in-process against the fake Sheets API.
final class SheetsJobHandlerTests: XCTestCase {
    func testPullAndPushJobsReturnJSONSummaries() throws {
        let sheets = try FakeSheets()
        defer { sheets.server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conn-jobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let form = """
            {"format": "formwork.form", "schemaVersion": 1, "id": "job", "title": "Job", "state": "published",
             "pages": [{"id": "p1", "title": "One", "fields": [{"id": "f1", "key": "name", "type": "short_text", "label": "Name"},
               {"id": "f2", "key": "score", "type": "integer", "label": "Score"}]}], "rules": []}
            """
        let workspace = try Workspace.open(at: directory)
        let file = directory.appendingPathComponent("job.form.json")
        try Data(form.utf8).write(to: file)
        _ = try workspace.forms.importForm(path: file.path)
        sheets.add("s1", sheet: "Sheet 1", rows: [["Name", "Score"], ["Ana", 3], ["Bo", "x"]])
        let environment = ["FORMWORK_SHEETS_URL": sheets.baseURL, "FORMWORK_GOOGLE_ACCESS_TOKEN": sheets.token]

        let pulled = try SheetsJobHandler.runPull(arguments: Data(#"{"spreadsheet":"s1","form":"job"}"#.utf8), workspace: directory, environment: environment)
        let pull = try XCTUnwrap(JSONSerialization.jsonObject(with: pulled) as? [String: Any])
        XCTAssertEqual(pull["problems"] as? [String], ["row 3: score: \"x\" is not a number"])
        XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: "job")), 1)

        var fractions: [Double] = []
        let pushed = try SheetsJobHandler.runPush(arguments: Data(#"{"form":"job","createTitle":"Out"}"#.utf8), workspace: directory,
                                                  environment: environment, progress: { fraction, _ in fractions.append(fraction) })
        let push = try XCTUnwrap(JSONSerialization.jsonObject(with: pushed) as? [String: Any])
        XCTAssertEqual(push["rows"] as? Int, 1)
        XCTAssertEqual(fractions, [1])
        XCTAssertThrowsError(try SheetsJobHandler.runPush(arguments: Data(#"{"form":"job"}"#.utf8), workspace: directory, progress: { _, _ in }))
        XCTAssertThrowsError(try SheetsJobHandler.runPull(arguments: Data("{}".utf8), workspace: directory))
        XCTAssertTrue(SheetsJobHandler.isRetryable(HTTPError.cancelled))
        XCTAssertFalse(SheetsJobHandler.isRetryable(CocoaError(.fileNoSuchFile)))
    }
}
