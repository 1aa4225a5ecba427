import Foundation
import XCTest

/// Runs the built `formwork` binary end to end (the test target depends on the executable,
/// so `swift test` builds it first).
final class ExportCommandTests: XCTestCase {
    /// The binary SwiftPM built beside the test bundle, else the usual debug folder.
    private var binary: String {
        get throws {
            let candidates = [Bundle(for: ExportCommandTests.self).bundleURL.deletingLastPathComponent(),
                              ReportFixture.root.appendingPathComponent(".build/debug")].map { $0.appendingPathComponent("formwork").path }
            guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                throw XCTSkip("formwork is not built")
            }
            return path
        }
    }

    private var sampleForm: String { ReportFixture.root.appendingPathComponent("samples/site-inspection.form.json").path }
    private var sampleCSV: String { ReportFixture.root.appendingPathComponent("samples/site-inspection.csv").path }

    private func formwork(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1700000000"
        extra.forEach { environment[$0] = $1 }
        return try ReportFixture.run(try binary, arguments, environment: environment)
    }

    func testExportWritesEveryFormatAndIsReproducible() throws {
        let first = try ReportFixture.temporaryDirectory(), second = try ReportFixture.temporaryDirectory()
        let args = [sampleForm, "--responses", sampleCSV, "--format", "pdf,html,md,tex,csv,json", "--template", "summary"]
        let a = try formwork(["export"] + args + ["--out", first.path])
        XCTAssertEqual(a.status, 0, a.error)
        XCTAssertEqual(a.error, "", "no progress bar when stderr is not a terminal")
        let files = a.output.split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent }
        XCTAssertEqual(files, ["site-inspection-summary.pdf", "site-inspection-summary.html", "site-inspection-summary.md",
                               "site-inspection-summary.tex", "site-inspection-responses.csv", "site-inspection-summary.json"])
        XCTAssertEqual(try formwork(["export"] + args + ["--out", second.path]).status, 0)
        for name in files {
            XCTAssertEqual(FileManager.default.contents(atPath: first.appendingPathComponent(name).path),
                           FileManager.default.contents(atPath: second.appendingPathComponent(name).path), name)
        }
        try ReportFixture.assertValidPDF(first.appendingPathComponent("site-inspection-summary.pdf"))
        let text = try ReportFixture.pdfText(first.appendingPathComponent("site-inspection-summary.pdf"))
        XCTAssertTrue(text.contains("Overall safety score averaged"))
        XCTAssertTrue(text.contains("Görkem Aydın") || text.contains("Émile Roy"), "sample answers in several scripts")
    }

    func testJSONLinesResponsesAndCompile() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let lines = (0..<12).map { "{\"inspector\": \"Ελένη \($0)\", \"site\": \"Site A\", \"date\": \"2026-03-0\($0 % 9 + 1)\", \"score\": \($0 * 8), \"severity\": \"low\", \"follow_up\": false}" }
        let jsonl = try ReportFixture.write(lines.joined(separator: "\n") + "\n", to: dir, name: "r.jsonl")
        let result = try formwork(["export", sampleForm, "--responses", jsonl.path, "--format", "tex", "--template", "full", "--compile", "--out", dir.path])
        if LaTeXCompilerAvailability.present {
            XCTAssertEqual(result.status, 0, result.error)
            let pdf = dir.appendingPathComponent("site-inspection-full-latex.pdf")
            try ReportFixture.assertValidPDF(pdf)
            XCTAssertTrue(try ReportFixture.pdfText(pdf).contains("Ελένη 4"))
        } else {
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.error.contains("neither is installed"))
        }
    }

    func testErrorsAreOneLineWithExitCodes() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let missing = try formwork(["export", sampleForm, "--responses", "/nonexistent.csv", "--out", dir.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.error, "formwork: cannot read responses file /nonexistent.csv\n")
        let template = try formwork(["export", sampleForm, "--responses", sampleCSV, "--template", "nope", "--out", dir.path])
        XCTAssertEqual(template.status, 1)
        XCTAssertTrue(template.error.hasPrefix("formwork: no template \"nope\""))
        let format = try formwork(["export", sampleForm, "--responses", sampleCSV, "--format", "odt", "--out", dir.path])
        XCTAssertEqual(format.status, 1)
        let docx = try formwork(["export", sampleForm, "--responses", sampleCSV, "--format", "docx,md", "--out", dir.path])
        XCTAssertEqual(docx.status, 0, docx.error)
        XCTAssertTrue(docx.output.hasSuffix("site-inspection-summary.docx\n" + dir.appendingPathComponent("site-inspection-summary.md").path + "\n"))
        let neither = try formwork(["export", sampleForm, "--out", dir.path])
        XCTAssertNotEqual(neither.status, 0)
        XCTAssertTrue(neither.error.contains("--responses FILE or --workspace-responses"))
        let workspace = try formwork(["export", "no-such-form", "--workspace-responses", "--workspace", dir.appendingPathComponent("ws").path, "--out", dir.path])
        XCTAssertNotEqual(workspace.status, 0)
        XCTAssertEqual(workspace.error.filter { $0 == "\n" }.count, 1, workspace.error)
        let badCSV = try ReportFixture.write("nothing,here\n1,2\n", to: dir, name: "x.csv")
        let unknown = try formwork(["export", sampleForm, "--responses", badCSV.path, "--out", dir.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.error.filter { $0 == "\n" }.count, 1)
    }

    func testWorkspaceResponsesAreExported() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let ws = dir.appendingPathComponent("ws").path
        XCTAssertEqual(try formwork(["forms", "import", sampleForm, "--workspace", ws]).status, 0)
        let imported = try formwork(["responses", "import", "site-inspection", sampleCSV, "--workspace", ws])
        XCTAssertEqual(imported.status, 0, imported.error)
        let fromWorkspace = try formwork(["export", "site-inspection", "--workspace-responses", "--workspace", ws, "--format", "json", "--out", dir.appendingPathComponent("a").path])
        XCTAssertEqual(fromWorkspace.status, 0, fromWorkspace.error)
        let fromFile = try formwork(["export", sampleForm, "--responses", sampleCSV, "--format", "json", "--out", dir.appendingPathComponent("b").path])
        let a = try String(contentsOf: dir.appendingPathComponent("a/site-inspection-summary.json"), encoding: .utf8)
        let b = try String(contentsOf: dir.appendingPathComponent("b/site-inspection-summary.json"), encoding: .utf8)
        XCTAssertEqual(fromFile.status, 0)
        XCTAssertTrue(a.contains("\"responseCount\": 1000"))
        XCTAssertEqual(a, b, "the same responses give the same report, whether from the file or the workspace")
    }

    func testReportAndExportJobsRunInTheWorker() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let ws = dir.appendingPathComponent("ws").path
        func add(_ kind: String, _ queue: String, _ args: String) throws {
            let added = try formwork(["jobs", "add", kind, "--workspace", ws, "--queue", queue, "--args", args])
            XCTAssertEqual(added.status, 0, added.error)
        }
        try add("report", "reports", "{\"form\": \"\(sampleForm)\", \"responses\": \"\(sampleCSV)\", \"out\": \"\(dir.path)/r\", \"formats\": \"pdf,html\"}")
        try add("export", "exports", "{\"form\": \"\(sampleForm)\", \"responses\": \"\(sampleCSV)\", \"out\": \"\(dir.path)/e\"}")
        try add("report", "reports", "{\"form\": \"\(sampleForm)\", \"responses\": \"\(sampleCSV)\", \"out\": \"\(dir.path)/x\", \"template\": \"nope\"}")
        let worker = try formwork(["worker", "--workspace", ws, "--exit-when-idle"])
        XCTAssertEqual(worker.status, 0, worker.error)
        for file in ["r/site-inspection-summary.pdf", "r/site-inspection-summary.html", "e/site-inspection-responses.csv", "e/site-inspection-summary.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), file)
        }
        let list = try formwork(["jobs", "list", "--workspace", ws]).output
        let states = list.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(states.map { [$0[0], $0[1], $0[2], $0[3]] }, [["3", "discarded", "reports", "report"], ["2", "completed", "exports", "export"],
                                                                   ["1", "completed", "reports", "report"]], list)
        let failed = try formwork(["jobs", "show", "3", "--workspace", ws]).output
        XCTAssertTrue(failed.contains("permanent: no template \"nope\""), failed)
    }

    func testZipAndPerResponseFromTheCommandLine() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let csv = try ReportFixture.write("inspector,site,date,score,severity,follow_up\nAna,Site A,2026-01-02,80,low,no\n\"=cmd|' /C calc'!A0\",Site B,2026-01-03,20,critical,yes\n", to: dir, name: "r.csv")
        let out = dir.appendingPathComponent("out")
        let result = try formwork(["export", sampleForm, "--responses", csv.path, "--format", "pdf,csv", "--per-response", "--zip", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output, out.appendingPathComponent("site-inspection-summary.zip").path + "\n")
        guard let unzip = ReportFixture.tool("unzip") else { throw XCTSkip("unzip is not installed") }
        let names = try ReportFixture.run(unzip, ["-Z1", out.appendingPathComponent("site-inspection-summary.zip").path]).output
        XCTAssertEqual(names, "site-inspection-summary.pdf\nsite-inspection-responses.csv\nresponses/site-inspection-response-00001.pdf\nresponses/site-inspection-response-00002.pdf\n")
        let csvText = try ReportFixture.run(unzip, ["-p", out.appendingPathComponent("site-inspection-summary.zip").path, "site-inspection-responses.csv"]).output
        XCTAssertTrue(csvText.contains("\r\n'=cmd|' /C calc'!A0,Site B,"), csvText)
    }
}

/// Whether a TeX engine is on this machine's PATH.
enum LaTeXCompilerAvailability {
    static var present: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { dir in
            ["lualatex", "pdflatex"].contains { FileManager.default.isExecutableFile(atPath: "\(dir)/\($0)") }
        }
    }
}
