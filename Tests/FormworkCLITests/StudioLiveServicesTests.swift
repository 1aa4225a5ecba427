@testable import formwork
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// The studio's live Reports and Settings services over a real temporary workspace, checked
/// through the CLI (`formwork jobs list --json`, `formwork schedule list --json`) and the CLI's
/// own loaders.
final class StudioLiveServicesTests: CLITestCase {
    var workspace: URL { directory.appendingPathComponent("ws") }

    func publishSample() throws {
        let form = Self.samples.appendingPathComponent("site-inspection.form.json").path
        XCTAssertEqual(try run(["forms", "import", "--workspace", workspace.path, form]).status, 0)
        XCTAssertEqual(try run(["responses", "import", "--workspace", workspace.path, "site-inspection",
                                Self.samples.appendingPathComponent("site-inspection.csv").path]).status, 0)
    }

    func services(environment: [String: String] = [:]) throws -> StudioServices {
        let options = try WorkspaceOptions.parse(["--workspace", workspace.path])
        var services = try LiveServices.services(options)
        services.settings = LiveSettingsService(workspaceDirectory: workspace, environment: environment)
        return services
    }

    func testEnqueueWritesAReportJobTheCLISees() throws {
        try publishSample()
        let reports = try XCTUnwrap(try services().reports)
        XCTAssertEqual(try reports.forms().map(\.id), ["site-inspection"])
        XCTAssertEqual(try reports.templates().map(\.name), ["summary", "full", "per-response"])
        let id = try reports.enqueue(ReportRequest(formID: "site-inspection", template: "full", formats: [.docx, .pdf], perResponse: true, aiInsights: true))
        let listed = try run(["jobs", "list", "--json", "--workspace", workspace.path])
        let jobs = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let job = try XCTUnwrap(jobs.first { ($0["id"] as? NSNumber)?.int64Value == id }, listed.stdout)
        XCTAssertEqual(job["kind"] as? String, "report")
        XCTAssertEqual(job["queue"] as? String, "reports")
        let shown = try run(["jobs", "show", "\(id)", "--json", "--workspace", workspace.path]).stdout
        XCTAssertTrue(shown.contains("pdf,docx"), shown)
        XCTAssertTrue(shown.contains("\\\"perResponse\\\":true") || shown.contains("\"perResponse\":true") || shown.contains("perResponse"), shown)
        XCTAssertThrowsError(try reports.enqueue(ReportRequest(formID: "site-inspection", formats: [])))
    }

    func testResultsListFilesNewestFirstGroupedByRun() throws {
        let reports = try XCTUnwrap(try services().reports)
        let run = URL(fileURLWithPath: reports.folder).appendingPathComponent("site-20261127-031000")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data(repeating: 1, count: 2048).write(to: run.appendingPathComponent("site-summary.pdf"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: reports.folder).appendingPathComponent("loose.md"))
        try Data("hidden".utf8).write(to: run.appendingPathComponent(".site-summary.pdf.AbC123"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                              ofItemAtPath: URL(fileURLWithPath: reports.folder).appendingPathComponent("loose.md").path)
        let files = try reports.results()
        XCTAssertEqual(files.map(\.path), ["site-20261127-031000/site-summary.pdf", "loose.md"])
        XCTAssertEqual(files.first?.size, 2048)
        XCTAssertEqual(files.first?.run, "site-20261127-031000")
        XCTAssertEqual(files.last?.run, "")
        XCTAssertEqual(files.first?.absolutePath, run.appendingPathComponent("site-summary.pdf").standardizedFileURL.path)
    }

    func testScheduleCRUDWithABadCron() throws {
        let reports = try XCTUnwrap(try services().reports)
        let request = ReportRequest(formID: "site-inspection", formats: [.pdf, .csv])
        XCTAssertThrowsError(try reports.saveSchedule(ReportSchedule(name: "nightly", cron: "61 * * * *", request: request))) { error in
            XCTAssertEqual("\(error)", "bad cron \"61 * * * *\": minute: 61 is outside 0–59")
        }
        try reports.saveSchedule(ReportSchedule(name: "nightly", cron: "0 2 * * *", request: request))
        var listed = try reports.schedules()
        XCTAssertEqual(listed.map(\.cron), ["0 2 * * *"])
        XCTAssertEqual(listed.first?.request.formats, [.pdf, .csv])
        XCTAssertNotNil(listed.first?.nextRun)
        let cli = try run(["schedule", "list", "--json", "--workspace", workspace.path]).stdout
        XCTAssertTrue(cli.contains("\"kind\" : \"report\"") || cli.contains("\"kind\":\"report\""), cli)
        try reports.setScheduleEnabled(name: "nightly", enabled: false)
        try reports.saveSchedule(ReportSchedule(name: "nightly", cron: "@weekly", request: request))
        listed = try reports.schedules()
        XCTAssertEqual(listed.first?.cron, "@weekly")
        XCTAssertEqual(listed.first?.enabled, false, "editing keeps a schedule that was off, off")
        try reports.setScheduleEnabled(name: "nightly", enabled: true)
        XCTAssertEqual(try reports.schedules().first?.enabled, true)
        try reports.deleteSchedule(name: "nightly")
        XCTAssertTrue(try reports.schedules().isEmpty)
        XCTAssertThrowsError(try reports.deleteSchedule(name: "nightly")) { XCTAssertEqual("\($0)", "no schedule named \"nightly\"") }
        XCTAssertThrowsError(try reports.setScheduleEnabled(name: "nope", enabled: true))
    }

    func testEditingAScheduleChangesEverySettingInPlace() throws {
        try publishSample()
        let reports = try XCTUnwrap(try services().reports)
        let before = ReportRequest(formID: "site-inspection", formats: [.pdf])
        try reports.saveSchedule(ReportSchedule(name: "weekly", cron: "0 6 * * mon", request: before))
        try reports.setScheduleEnabled(name: "weekly", enabled: false)
        let after = ReportRequest(formID: "site-inspection", template: "full", formats: [.docx, .md, .json], perResponse: true, aiInsights: true)
        try reports.saveSchedule(ReportSchedule(name: "weekly", cron: "30 7 * * mon-fri", request: after))
        let listed = try reports.schedules()
        XCTAssertEqual(listed.count, 1)
        XCTAssertEqual(listed.first?.cron, "30 7 * * mon-fri")
        XCTAssertEqual(listed.first?.request, after, "form, template, formats, documents and AI insights all changed")
        XCTAssertEqual(listed.first?.enabled, false, "an edited schedule stays off")
        let shown = try run(["schedule", "list", "--json", "--workspace", workspace.path]).stdout
        XCTAssertTrue(shown.contains("30 7 * * mon-fri"), shown)
        XCTAssertEqual(try XCTUnwrap(try services().reports).schedules().first?.request, after, "stored, as a fresh session reads it")
        XCTAssertThrowsError(try reports.saveSchedule(ReportSchedule(name: "weekly", cron: "30 7 * * funday", request: after))) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad cron \"30 7 * * funday\": "), "\(error)")
        }
        XCTAssertEqual(try reports.schedules().first?.cron, "30 7 * * mon-fri", "a refused edit leaves the schedule alone")
    }
}
