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
        try s.driver.press("e ctrl+u")
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
