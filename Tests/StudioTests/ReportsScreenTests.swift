@testable import Studio
import TUIKit
import TUITesting
import XCTest

/// The Reports screen: setup, queuing, results, paths and schedules.
final class ReportsScreenTests: XCTestCase {
    func testOpensWithFirstFormAndDefaultFormatsFromSettings() {
        let s = ReportsFixtures.driver()
        XCTAssertEqual(s.driver.state.screen, .reports)
        XCTAssertEqual(s.driver.state.reports.formID, "contact")
        XCTAssertEqual(s.driver.state.reports.formats, [.pdf, .docx])
        XCTAssertTrue(s.driver.shows("[x] PDF"))
        XCTAssertTrue(s.driver.shows("[x] DOCX"))
        XCTAssertTrue(s.driver.shows("[ ] LaTeX"))
        XCTAssertTrue(s.driver.shows("contact-summary.pdf"))
        XCTAssertTrue(s.driver.shows("47.1 KB"))
    }

    func testSpaceTogglesFormatsAndEnterQueuesTheJob() throws {
        let s = ReportsFixtures.driver()
        try s.driver.press("j j j j j space j j j space j space j space g")
        let request = try XCTUnwrap(s.reports.enqueued.first)
        XCTAssertEqual(request.formID, "contact")
        XCTAssertEqual(request.formats, [.pdf, .docx, .html, .json])
        XCTAssertTrue(request.perResponse)
        XCTAssertTrue(request.aiInsights)
        XCTAssertTrue(s.driver.shows("queued report job #1"))
        XCTAssertTrue(s.driver.shows("watch it in Jobs (4)"))
        try s.driver.press("enter")
        XCTAssertEqual(s.reports.enqueued.count, 2)
    }

    func testNoFormatRefusesToGenerate() throws {
        let s = ReportsFixtures.driver(formats: [.pdf])
        try s.driver.press("j j space g")
        XCTAssertTrue(s.reports.enqueued.isEmpty)
        XCTAssertTrue(s.driver.shows("tick at least one format"))
    }

    func testFormsScreenPOpensReportsOnTheSelectedForm() throws {
        let s = ReportsFixtures.driver(open: nil)
        try s.driver.press("p")
        XCTAssertEqual(s.driver.state.screen, .reports)
        XCTAssertEqual(s.driver.state.reports.formID, "contact")
        try s.driver.press("q")
        XCTAssertEqual(s.driver.state.screen, .forms)
    }

    func testPickFormAndTemplate() throws {
        let s = ReportsFixtures.driver()
        try s.driver.press("space down enter")
        XCTAssertEqual(s.driver.state.reports.formID, "site")
        XCTAssertTrue(s.driver.shows("Site inspection v1"))
        try s.driver.press("j space")
        s.driver.type("board")
        try s.driver.press("enter g")
        XCTAssertEqual(s.reports.enqueued.first?.template, "board")
        XCTAssertEqual(s.reports.enqueued.first?.formID, "site")
    }

    func testResultsRefreshOnTickAndPathsBox() throws {
        let s = ReportsFixtures.driver()
        let newFile = ReportFile(path: "site-20261127-040000/site-summary.pdf", absolutePath: "/work/space/reports/site-20261127-040000/site-summary.pdf",
                                 size: 2_500_000, modified: 1_795_760_000, run: "site-20261127-040000")
        s.reports.setFiles([newFile] + ReportsFixtures.files)
        XCTAssertFalse(s.driver.shows("site-summary.pdf"))
        s.driver.tick(2)
        XCTAssertTrue(s.driver.shows("site-summary.pdf"))
        XCTAssertTrue(s.driver.shows("2.4 MB"))
        try s.driver.press("tab j o")
        XCTAssertTrue(s.driver.shows("/work/space/reports"))
        // The highlight stayed on the file it was on when the new one arrived above it.
        XCTAssertTrue(s.driver.shows("/work/space/reports/contact-20261127-031000/contact-summary.docx"))
        try s.driver.press("x")
        XCTAssertFalse(s.driver.state.reports.pathsShown)
    }

    func testScheduleCreateBadCronEditToggleDelete() throws {
        let s = ReportsFixtures.driver()
        try s.driver.press("n")
        try s.driver.press("ctrl+u")
        s.driver.type("every day")
        try s.driver.press("enter")
        XCTAssertTrue(s.driver.shows("bad cron \"every day\": expected 5 fields, found 2"))
        guard case .prompt? = s.driver.state.overlay else { return XCTFail("the prompt should open again") }
        try s.driver.press("ctrl+u")
        s.driver.type("0 6 * * mon-fri")
        try s.driver.press("enter")
        XCTAssertEqual(try s.reports.schedules().map(\.cron), ["0 6 * * mon-fri"])
        XCTAssertEqual(try s.reports.schedules().first?.request.formats, [.pdf, .docx])
        try s.driver.press("tab tab")
        XCTAssertTrue(s.driver.shows("0 6 * * mon-fri"))
        try s.driver.press("e enter ctrl+u")
        s.driver.type("@daily")
        try s.driver.press("enter")
        XCTAssertEqual(try s.reports.schedules().first?.cron, "@daily")
        try s.driver.press("t")
        XCTAssertEqual(try s.reports.schedules().first?.enabled, false)
        XCTAssertTrue(s.driver.shows("schedule contact-report off"))
        try s.driver.press("space")
        XCTAssertEqual(try s.reports.schedules().first?.enabled, true)
        try s.driver.press("d left enter")
        XCTAssertTrue(try s.reports.schedules().isEmpty)
    }

    func testEditLoadsTheScheduleIntoGenerateAndSavesEverySetting() throws {
        let s = ReportsFixtures.driver()
        try s.reports.saveSchedule(ReportSchedule(name: "weekly", cron: "0 6 * * mon", request: ReportRequest(formID: "site", template: "board", formats: [.csv])))
        try s.driver.press("ctrl+r tab tab e")
        let r = s.driver.state.reports
        XCTAssertEqual(r.editing?.name, "weekly")
        XCTAssertEqual(r.pane, .setup)
        XCTAssertEqual([r.formID, r.template], ["site", "board"])
        XCTAssertEqual(r.formats, [.csv])
        XCTAssertTrue(s.driver.shows("Editing weekly"))
        XCTAssertTrue(s.driver.shows("enter save, esc cancel"))
        // Change the template, a format, both toggles, then save with a new cron.
        try s.driver.press("down space")
        try s.driver.press("up up up enter")
        XCTAssertEqual(s.driver.state.reports.template, "summary")
        try s.driver.press("down space")
        try s.driver.press(Array(repeating: "down", count: ReportFormat.allCases.count).joined(separator: " ") + " space down space")
        try s.driver.press("enter")
        XCTAssertTrue(s.driver.shows("Cron for weekly"))
        try s.driver.press("ctrl+u")
        s.driver.type("bad cron")
        try s.driver.press("enter")
        XCTAssertTrue(s.driver.shows("bad cron \"bad cron\": expected 5 fields, found 2"))
        XCTAssertEqual(s.driver.state.reports.editing?.name, "weekly", "a refused cron keeps editing")
        try s.driver.press("ctrl+u")
        s.driver.type("15 7 * * *")
        try s.driver.press("enter")
        let saved = try XCTUnwrap(try s.reports.schedules().first { $0.name == "weekly" })
        XCTAssertEqual(saved.cron, "15 7 * * *")
        XCTAssertEqual(saved.request, ReportRequest(formID: "site", template: "summary", formats: [.pdf, .csv], perResponse: true, aiInsights: true))
        XCTAssertTrue(s.driver.shows("saved schedule weekly"))
        let after = s.driver.state.reports
        XCTAssertNil(after.editing)
        XCTAssertEqual(after.pane, .schedules)
        XCTAssertEqual(after.currentSchedule?.name, "weekly")
        XCTAssertEqual([after.formID, after.template], ["contact", "summary"], "the setup from before editing comes back")
        XCTAssertEqual(after.formats, [.pdf, .docx])
    }

    func testEscLeavesEditingUnchangedAndOtherScheduleKeysWait() throws {
        let s = ReportsFixtures.driver()
        try s.reports.saveSchedule(ReportSchedule(name: "daily", cron: "@daily", request: ReportRequest(formID: "site", formats: [.md])))
        try s.driver.press("ctrl+r tab tab e")
        XCTAssertEqual(s.driver.state.reports.formats, [.md])
        try s.driver.press("n")
        XCTAssertTrue(s.driver.shows("finish editing daily first: enter saves, esc cancels"))
        try s.driver.press("tab tab d")
        XCTAssertTrue(s.driver.shows("finish editing daily first"))
        try s.driver.press("escape")
        XCTAssertNil(s.driver.state.reports.editing)
        XCTAssertEqual(s.driver.state.reports.formats, [.pdf, .docx], "the previous setup is back")
        XCTAssertEqual(try s.reports.schedules().first?.request.formats, [.md], "nothing was saved")
        XCTAssertTrue(s.driver.shows("Generate"))
        try s.driver.press("escape")
        XCTAssertEqual(s.driver.state.screen, .reports, "esc outside editing does what it does everywhere: it stays on the screen")
    }

    func testQueuedJobStateShowsAboveTheResultsUntilItEnds() throws {
        let jobs = InMemoryJobService()
        let driver = ReportsFixtures.driver(jobs: jobs).driver
        let id = jobs.add(kind: "report", queue: "reports")
        try driver.press("enter")
        XCTAssertEqual(driver.state.reports.watchedJob?.id, id)
        XCTAssertTrue(driver.shows("job #\(id) queued"))
        jobs.setStatus(id, .running)
        jobs.setProgress(id, 0.4)
        driver.send(.tick)
        driver.send(.tick)
        XCTAssertTrue(driver.shows("job #\(id) running 40%"))
        jobs.setStatus(id, .dead)
        driver.send(.tick)
        driver.send(.tick)
        XCTAssertTrue(driver.shows("job #\(id) failed — see Jobs (4)"))
        XCTAssertEqual(driver.state.reports.watchedJob?.finished, true)
        jobs.setStatus(id, .done)
        driver.send(.tick)
        driver.send(.tick)
        XCTAssertTrue(driver.shows("failed"), "an ended job is no longer read")
        XCTAssertTrue(driver.shows("contact-summary.pdf"), "the results stay listed below")
    }

    func testJobStateTexts() {
        XCTAssertEqual(ReportsJobWatch(id: 3, status: .done).text, "job #3 done")
        XCTAssertEqual(ReportsJobWatch(id: 3, status: .running).text, "job #3 running")
        XCTAssertEqual(ReportsJobWatch(id: 3, status: .retrying).text, "job #3 retrying")
        XCTAssertEqual(ReportsJobWatch(id: 3, status: .cancelled).text, "job #3 cancelled")
        XCTAssertEqual(ReportsJobWatch(id: 3, status: .blocked).text, "job #3 blocked")
        XCTAssertFalse(ReportsJobWatch(id: 3, status: .retrying).finished)
    }

    func testScheduleKeysNeedTheSchedulesPane() throws {
        let s = ReportsFixtures.driver()
        try s.driver.press("e")
        XCTAssertTrue(s.driver.shows("press tab to reach the Schedules pane"))
        try s.driver.press("tab tab d")
        XCTAssertTrue(s.driver.shows("no schedule selected"))
    }

    func testWithoutServiceTheScreenSaysSo() {
        let driver = StudioDriver(repository: InMemoryFormRepository(forms: []))
        driver.send(.command("go.reports"))
        XCTAssertTrue(driver.shows("Reports are not available in this session."))
        driver.send(.command("go.settings"))
        XCTAssertTrue(driver.shows("Settings are not available in this session."))
    }

    func testFormatting() {
        XCTAssertEqual(ReportsFormatting.size(0), "0 B")
        XCTAssertEqual(ReportsFormatting.size(1023), "1023 B")
        XCTAssertEqual(ReportsFormatting.size(1536), "1.5 KB")
        XCTAssertEqual(ReportsFormatting.size(5 * 1024 * 1024 * 1024), "5.0 GB")
        XCTAssertEqual(ReportsFormatting.time(0), "1970-01-01 00:00")
        XCTAssertEqual(ReportsFormatting.time(951_782_400), "2000-02-29 00:00")
        XCTAssertEqual(ReportsFormatting.time(1_795_749_000), "2026-11-27 03:10")
        XCTAssertEqual(ReportFormat.parse(" PDF, docx ,nope"), [.pdf, .docx])
        XCTAssertEqual(ReportFormat.csv([.json, .pdf]), "pdf,json")
        XCTAssertEqual(ReportServiceError.noFormats.description, "choose at least one format")
        XCTAssertEqual(ReportServiceError.noSchedule("x").description, "no schedule named \"x\"")
        XCTAssertEqual(ReportServiceError.failed("boom").description, "boom")
    }
}
