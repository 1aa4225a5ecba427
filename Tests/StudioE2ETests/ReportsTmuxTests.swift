import Foundation
import XCTest

/// Reports end to end in a real terminal: a published sample form with its responses (set up
/// with the CLI) and the studio with its own worker pool; from the Reports screen tick PDF and
/// DOCX, queue the job, watch it on the Jobs screen until it is done, and see both files in
/// the results list. Then the files must exist and the PDF pass `qpdf --check`.
final class ReportsTmuxTests: XCTestCase {
    var session = ""
    var root: URL!
    var workspace: URL { root.appendingPathComponent("ws") }

    override func setUpWithError() throws {
        guard (try? shell(["which", "tmux"]))?.status == 0 else { throw XCTSkip("tmux is not installed") }
        session = "formwork-reports-\(ProcessInfo.processInfo.processIdentifier)-\(Int.random(in: 0..<100_000))"
        root = FileManager.default.temporaryDirectory.appendingPathComponent(session)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        // Ctrl-C lets the worker shut down gracefully; killing the session ends anything left.
        _ = try? shell(["tmux", "send-keys", "-t", "\(session):worker", "C-c"])
        usleep(300_000)
        _ = try? shell(["tmux", "kill-session", "-t", session])
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    var binary: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("formwork") }
    var samples: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples") }

    /// Environment for every process: this test's workspace and an empty config home, so
    /// the person's own theme or default formats do not leak in.
    var environment: String {
        "env FORMWORK_HOME='\(workspace.path)' XDG_CONFIG_HOME='\(root.appendingPathComponent("config").path)' TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment)"
    }

    func cli(_ arguments: [String]) throws {
        let result = try shell([binary.path] + arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.output)
    }

    func send(_ keys: String...) throws {
        try shell(["tmux", "send-keys", "-t", "\(session):studio"] + keys)
        usleep(150_000)
    }

    func screen() throws -> [String] {
        try shell(["tmux", "capture-pane", "-p", "-t", "\(session):studio"]).output.components(separatedBy: "\n")
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while Date() < deadline {
            lines = try screen()
            if lines.contains(where: { $0.contains(text) }) { return lines }
            usleep(200_000)
        }
        XCTFail("timed out waiting for \"\(text)\"; screen:\n\(lines.joined(separator: "\n"))", file: file, line: line)
        return lines
    }

    /// Waits for one screen line holding every piece of `pieces`.
    func waitForLine(containing pieces: [String], timeout: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while Date() < deadline {
            lines = try screen()
            if lines.contains(where: { row in pieces.allSatisfy { row.contains($0) } }) { return }
            usleep(200_000)
        }
        XCTFail("timed out waiting for a line with \(pieces); screen:\n\(lines.joined(separator: "\n"))", file: file, line: line)
    }

    func testQueuePDFAndDOCXWatchTheJobAndSeeTheFiles() throws {
        continueAfterFailure = false
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build formwork first: \(binary.path)")
        try cli(["forms", "import", samples.appendingPathComponent("site-inspection.form.json").path])
        try cli(["responses", "import", "site-inspection", samples.appendingPathComponent("site-inspection.csv").path])
        try cli(["jobs", "list"])

        let studio = "\(environment) '\(binary.path)'; echo FORMWORK-EXITED-$?; sleep 60"
        try shell(["tmux", "new-session", "-d", "-s", session, "-n", "studio", "-x", "120", "-y", "40", studio])
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
        try waitForLine(containing: [" report ", " reports ", " done "], timeout: 90)
        try send("3")
        try waitFor("site-inspection-summary.pdf", timeout: 90)
        try waitFor("site-inspection-summary.docx", timeout: 30)

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
}
