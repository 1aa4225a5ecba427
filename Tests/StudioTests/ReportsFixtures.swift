import Studio
import TUIKit
import TUITesting

/// Services and drivers for the Reports and Settings screen tests.
enum ReportsFixtures {
    static let forms = [ReportForm(id: "contact", title: "Contact", version: 2, responseCount: 3),
                        ReportForm(id: "site", title: "Site inspection", version: 1, responseCount: 120)]

    static let files = [
        ReportFile(path: "contact-20261127-031000/contact-summary.pdf", absolutePath: "/work/space/reports/contact-20261127-031000/contact-summary.pdf",
                   size: 48_213, modified: 1_795_749_000, run: "contact-20261127-031000"),
        ReportFile(path: "contact-20261127-031000/contact-summary.docx", absolutePath: "/work/space/reports/contact-20261127-031000/contact-summary.docx",
                   size: 9_870, modified: 1_795_748_990, run: "contact-20261127-031000"),
        ReportFile(path: "notes.md", absolutePath: "/work/space/reports/notes.md", size: 512, modified: 1_795_000_000, run: ""),
    ]

    /// The key used in the settings tests; it must never reach a frame whole.
    static let secretKey = "sk-test-9f8e7d6c5b4a3210abcd"

    struct Setup {
        let driver: StudioDriver
        let reports: InMemoryReportService
        let settings: InMemorySettingsService
    }

    /// A studio with both services, on the Reports screen unless `open` is false.
    static func driver(size: Size = Size(width: 120, height: 40), files: [ReportFile] = files, formats: Set<ReportFormat> = [.pdf, .docx],
                       jobs: InMemoryJobService? = nil, open screen: String? = "go.reports") -> Setup {
        let reports = InMemoryReportService(forms: forms, extraTemplates: ["board"])
        reports.setFiles(files)
        let settings = InMemorySettingsService(formats: formats, apiKey: secretKey)
        var services = StudioServices(forms: InMemoryFormRepository(forms: [Fixtures.contact]))
        services.reports = reports
        services.settings = settings
        services.jobs = jobs
        let driver = StudioDriver(services: services, size: size)
        if let screen { driver.send(.command(screen)) }
        return Setup(driver: driver, reports: reports, settings: settings)
    }
}
