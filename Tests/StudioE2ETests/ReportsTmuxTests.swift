import Foundation
import XCTest

/// Reports end to end in a real terminal: a published sample form with its responses (set up
/// with the CLI) and the studio with its own worker pool; from the Reports screen tick PDF and
/// DOCX, queue the job, watch it on the Jobs screen until it is done, and see both files in
/// the results list. Then the files must exist and the PDF pass `qpdf --check`. A second test
/// adds a schedule and edits it in the Generate pane.
final class ReportsTmuxTests: TmuxTestCase {
    func testQueuePDFAndDOCXWatchTheJobAndSeeTheFiles() throws {
        continueAfterFailure = false
        try formwork(["forms", "import", Self.samples.appendingPathComponent("site-inspection.form.json").path])
        try formwork(["responses", "import", "site-inspection", Self.samples.appendingPathComponent("site-inspection.csv").path])
        try formwork(["jobs", "list"])

        try startFormwork()
        try waitFor("Site safety inspection")

        // `p` opens Reports on the highlighted form; unlike the digit it does not depend on
        // which tabs exist.
        try send("p")
        try waitFor("Generate")
        try waitFor("[x] PDF")
        try send("j")
        try send("j")
        try send("j")
        try send("Space")
        try waitFor("[x] DOCX")
        try send("g")
        try waitFor("queued report job")

        // The studio's own worker pool runs the job; the Jobs tab (4) shows it until done.
        try send("4")
        try waitFor("Queues")
        try waitFor(" report ", " reports ", " done ", timeout: 90)
        try send("3")
        try waitFor("site-inspection-summary.pdf", timeout: 90)
        try waitFor("site-inspection-summary.docx", timeout: 30)
        // Back on Reports, the queued job's state shows above the results.
        try waitFor("job #", " done", timeout: 30)

        let files = try FileManager.default.subpathsOfDirectory(atPath: workspace.appendingPathComponent("reports").path)
        let pdf = try XCTUnwrap(files.first { $0.hasSuffix("site-inspection-summary.pdf") }, "\(files)")
        XCTAssertTrue(files.contains { $0.hasSuffix("site-inspection-summary.docx") }, "\(files)")
        let pdfPath = workspace.appendingPathComponent("reports").appendingPathComponent(pdf).path
        XCTAssertGreaterThan((try FileManager.default.attributesOfItem(atPath: pdfPath)[.size] as? NSNumber)?.intValue ?? 0, 1000)
        if (try? shell(["which", "qpdf"]))?.status == 0 {
            let check = try shell(["qpdf", "--check", pdfPath])
            XCTAssertEqual(check.status, 0, check.output)
        }
        try send("q")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
    }

    /// A schedule added with `n`, then edited with `e`: the Generate pane takes its settings,
    /// a format is ticked, enter asks for a new cron, and the Schedules table and the CLI show
    /// the changed schedule.
    func testEditAScheduleInTheGeneratePane() throws {
        continueAfterFailure = false
        try formwork(["forms", "import", Self.samples.appendingPathComponent("site-inspection.form.json").path])
        try startFormwork(["studio", "--no-worker"])
        try waitFor("Site safety inspection")
        try send("p")
        try waitFor("Generate")
        try send("n")
        try waitFor("Cron for site-inspection-report")
        try send("C-u")
        try type("0 6 * * mon")
        try send("Enter")
        try waitFor("added schedule site-inspection-report")
        try send("Tab", "Tab")
        try waitFor("0 6 * * mon")
        try send("e")
        try waitFor("Editing site-inspection")
        try send("j", "j", "j", "j", "j", "Space")
        try waitFor("[x] HTML")
        try send("Enter")
        try waitFor("Cron for site-inspection-report")
        try send("C-u")
        try type("30 7 * * *")
        try send("Enter")
        try waitFor("saved schedule site-inspection-report")
        try waitFor("30 7 * * *", "html")
        XCTAssertTrue(try formwork(["schedule", "list", "--json"]).contains("30 7 * * *"))
        try send("q")
        try send("q")
        try waitFor("FORMWORK-EXITED-0")
    }
}
