import Studio
import TUIKit
import TUITesting
import XCTest

/// Reports and Settings screens as text (RECORD_SNAPSHOTS=1 re-records).
final class ReportsSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 20)]

    func each(_ name: String, screen: String = "go.reports", jobs: (() -> InMemoryJobService)? = nil,
              _ setUp: (ReportsFixtures.Setup) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        for size in Self.sizes {
            let s = ReportsFixtures.driver(size: size, jobs: jobs?(), open: screen)
            try setUp(s)
            XCTAssertFalse(s.driver.screen.contains(ReportsFixtures.secretKey), "a key reached the frame", file: file, line: line)
            assertSnapshot(s.driver.screen, named: "\(name)-\(size.width)x\(size.height)", group: "Reports", file: file, line: line)
        }
    }

    func testReportsForm() throws { try each("reports-form") { try $0.driver.press("j j j space") } }

    func testReportsResults() throws { try each("reports-results") { try $0.driver.press("tab j") } }

    func testReportsPaths() throws { try each("reports-paths") { try $0.driver.press("tab o") } }

    func testReportsSchedules() throws {
        try each("reports-schedules") { s in
            try s.reports.saveSchedule(ReportSchedule(name: "contact-weekly", cron: "0 6 * * mon", request: ReportRequest(formID: "contact", formats: [.pdf, .html])))
            try s.reports.saveSchedule(ReportSchedule(name: "site-nightly", cron: "@daily", request: ReportRequest(formID: "site", formats: [.csv])))
            try s.reports.setScheduleEnabled(name: "site-nightly", enabled: false)
            try s.driver.press("ctrl+r tab tab")
        }
    }

    func testReportsEditSchedule() throws {
        try each("reports-edit-schedule") { s in
            try s.reports.saveSchedule(ReportSchedule(name: "site-weekly", cron: "0 6 * * mon",
                                                      request: ReportRequest(formID: "site", template: "full", formats: [.html, .csv], perResponse: true)))
            try s.driver.press("ctrl+r tab tab e j")
        }
    }

    func testReportsJobState() throws {
        let jobs = { () -> InMemoryJobService in
            let service = InMemoryJobService()
            let id = service.add(kind: "report", queue: "reports", status: .running)
            service.setProgress(id, 0.65)
            return service
        }
        try each("reports-job-state", jobs: jobs) { try $0.driver.press("enter tab") }
    }

    func testSettingsMaskedKey() throws { try each("settings", screen: "go.settings") { try $0.driver.press("tab j j j") } }

    func testSettingsThemePreview() throws { try each("settings-theme-preview", screen: "go.settings") { try $0.driver.press("j") } }
}
