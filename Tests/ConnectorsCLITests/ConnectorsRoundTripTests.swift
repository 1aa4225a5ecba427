import ConnectorsTestSupport
import Foundation
import XCTest

/// Runs the real `formwork` binary against loopback fakes of Google Sheets and Microsoft
/// Graph, with base URLs and ready tokens from the environment: no test touches the internet.
final class ConnectorsRoundTripTests: XCTestCase {
    private var directory: URL!
    private var sheets: FakeSheets!
    private var graph: FakeGraph!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-conn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        sheets = try FakeSheets()
        graph = try FakeGraph()
    }

    override func tearDownWithError() throws {
        sheets.server.stop()
        graph.server.stop()
        graph.downloads.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    private func run(_ arguments: [String]) throws -> FormworkBinary.Run {
        try FormworkBinary(directory: directory, environment: [
            "FORMWORK_SHEETS_URL": sheets.baseURL, "FORMWORK_GOOGLE_ACCESS_TOKEN": sheets.token,
            "FORMWORK_GRAPH_URL": graph.baseURL, "FORMWORK_MS_ACCESS_TOKEN": graph.token,
        ]).run(arguments)
    }

    private func importForm() throws {
        let form = """
            {"format": "formwork.form", "schemaVersion": 1, "id": "visit", "title": "Visit", "state": "published",
             "pages": [{"id": "p1", "title": "One", "fields": [
               {"id": "f1", "key": "name", "type": "short_text", "label": "Your name"},
               {"id": "f2", "key": "score", "type": "integer", "label": "Score"},
               {"id": "f3", "key": "topics", "type": "multiple_choice", "label": "Which topics?",
                "choices": [{"value": "Food"}, {"value": "Rooms"}]}]}], "rules": []}
            """
        try Data(form.utf8).write(to: directory.appendingPathComponent("visit.form.json"))
        let imported = try run(["forms", "import", directory.appendingPathComponent("visit.form.json").path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
    }

    func testPullExportUploadDownloadRoundTrip() throws {
        try importForm()
        sheets.add("forms-sheet", sheet: "Form Responses 1", rows: [
            ["Timestamp", "Your name", "Score", "Which topics?", "Referrer"],
            [46_346.5, "Ana", 42, "Food, Rooms", "friend"],
            [46_347.25, "=HYPERLINK(\"http://x\")", 37, "Rooms"],
            [46_348, "Kwame", "lots", "Food"],
        ])
        let dry = try run(["sheets", "pull", "forms-sheet", "--form", "visit", "--dry-run"])
        XCTAssertEqual(dry.status, 1)
        XCTAssertTrue(dry.stdout.contains("dry run: would import 2 new rows"), dry.stdout)
        XCTAssertEqual(dry.stderr, "row 4: score: \"lots\" is not a number\n")

        let pulled = try run(["sheets", "pull", "forms-sheet", "--form", "visit"])
        XCTAssertEqual(pulled.status, 1)
        XCTAssertTrue(pulled.stdout.contains("imported 2 new rows into visit version 1 (0 already imported, 1 bad)"), pulled.stdout)
        XCTAssertTrue(pulled.stdout.contains("Referrer"), pulled.stdout)
        let again = try run(["sheets", "pull", "forms-sheet", "--form", "visit", "--range", "'Form Responses 1'!A1:E"])
        XCTAssertTrue(again.stdout.contains("imported 0 new rows into visit version 1 (2 already imported, 1 bad)"), again.stdout)

        // The export command writes the DOCX report and uploads it to the fake OneDrive.
        let out = directory.appendingPathComponent("out")
        let exported = try run(["export", "visit", "--workspace-responses", "--format", "docx", "--out", out.path, "--upload", "onedrive:/Reports/"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let lines = exported.stdout.split(separator: "\n").map(String.init)
        let report = try XCTUnwrap(lines.first.map(URL.init(fileURLWithPath:)), exported.stdout)
        XCTAssertEqual(report.pathExtension, "docx")
        XCTAssertEqual(lines.last, "uploaded \(report.lastPathComponent) to onedrive:/Reports/ as \(report.lastPathComponent)")
        // A second upload of the same name is renamed, not overwritten.
        XCTAssertEqual(try run(["word", "upload", report.path, "--to", "onedrive:/Reports/", "--name", "report.docx"]).status, 0)
        let uploaded = try run(["word", "upload", report.path, "--to", "onedrive:/Reports/", "--name", "report.docx"])
        XCTAssertEqual(uploaded.status, 0, uploaded.stderr)
        XCTAssertTrue(uploaded.stdout.hasPrefix("uploaded \(report.path) as report 1.docx"), uploaded.stdout)
        let back = directory.appendingPathComponent("back.docx")
        let downloaded = try run(["word", "download", "onedrive:/Reports/\(report.lastPathComponent)", "-o", back.path])
        XCTAssertEqual(downloaded.status, 0, downloaded.stderr)
        XCTAssertEqual(try Data(contentsOf: back), try Data(contentsOf: report))
        XCTAssertTrue(try Data(contentsOf: back).starts(with: Data("PK".utf8)))

        let pdf = directory.appendingPathComponent("report.pdf")
        XCTAssertEqual(try run(["word", "pdf", "onedrive:/Reports/report.docx", "-o", pdf.path]).status, 0)
        XCTAssertTrue(try Data(contentsOf: pdf).starts(with: Data("%PDF-".utf8)))
        XCTAssertEqual(graph.state.read(\.downloadAuthorization), [nil, nil])

        let pushed = try run(["sheets", "push", "visit", "--create", "Visit export"])
        XCTAssertEqual(pushed.status, 0, pushed.stderr)
        XCTAssertEqual(sheets.rows("created-1", sheet: "Responses").count, 3)
        XCTAssertEqual(sheets.state.read(\.valueInputOptions).last, "RAW")
    }

    func testPullAndPushRunAsJobsOnTheExportsQueue() throws {
        try importForm()
        sheets.add("forms-sheet", sheet: "Form Responses 1", rows: [["Your name", "Score"], ["Ana", 42], ["Bo", 7]])
        let queued = try run(["sheets", "pull", "forms-sheet", "--form", "visit", "--enqueue"])
        XCTAssertEqual(queued.status, 0, queued.stderr)
        XCTAssertTrue(queued.stdout.hasPrefix("enqueued sheets.pull job "), queued.stdout)
        XCTAssertTrue(try run(["sheets", "pull", "forms-sheet", "--form", "visit", "--enqueue"]).stdout.hasPrefix("already queued as sheets.pull job"))
        let worker = try run(["worker", "--exit-when-idle"])
        XCTAssertEqual(worker.status, 0, worker.stderr)
        let after = try run(["sheets", "pull", "forms-sheet", "--form", "visit"])
        XCTAssertTrue(after.stdout.contains("imported 0 new rows into visit version 1 (2 already imported, 0 bad)"), after.stdout)

        XCTAssertEqual(try run(["sheets", "push", "visit", "--create", "Jobs", "--enqueue"]).status, 0)
        // A push to a spreadsheet that does not exist fails permanently: no retries.
        XCTAssertEqual(try run(["sheets", "push", "visit", "missing", "--enqueue"]).status, 0)
        XCTAssertEqual(try run(["worker", "--exit-when-idle"]).status, 0)
        XCTAssertEqual(sheets.rows("created-1", sheet: "Responses").count, 3)
        let jobs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try run(["jobs", "list", "--json"]).stdout.utf8)) as? [[String: Any]])
        let pushes = jobs.filter { $0["kind"] as? String == "sheets.push" }
        let created = try XCTUnwrap(pushes.first { ($0["args"] as? [String: Any])?["createTitle"] != nil })
        XCTAssertEqual(created["state"] as? String, "completed")
        XCTAssertEqual(created["queue"] as? String, "exports")
        let missing = try XCTUnwrap(pushes.first { ($0["args"] as? [String: Any])?["spreadsheet"] as? String == "missing" })
        XCTAssertEqual(missing["state"] as? String, "discarded")
        XCTAssertEqual(missing["attempt"] as? Int, 1)
    }

    func testErrorsAreOneLineWithExitCodes() throws {
        try importForm()
        let missing = try run(["sheets", "pull", "nope", "--form", "visit"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "formwork: Google Sheets answered 404 NOT_FOUND: Requested entity was not found.\n")
        let conflict = try run(["word", "download", "onedrive:/none.docx"])
        XCTAssertEqual(conflict.status, 2)
        XCTAssertTrue(conflict.stderr.hasPrefix("formwork: Microsoft Graph answered 404 itemNotFound"), conflict.stderr)
        let usage = try run(["sheets", "push", "visit"])
        XCTAssertEqual(usage.status, 2)
        let list = try run(["auth", "list"])
        XCTAssertEqual(list.stdout, "no stored sign-ins\n")
        let logout = try run(["auth", "logout", "google"])
        XCTAssertEqual(logout.status, 1)
        let device = try run(["auth", "google", "--device", "--scope", "https://www.googleapis.com/auth/spreadsheets"])
        XCTAssertEqual(device.status, 2)
        XCTAssertTrue(device.stderr.contains("only grants drive.file"), device.stderr)
    }
}
