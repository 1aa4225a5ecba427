import FormCore
import XCTest
@testable import Reports

final class ExportTests: XCTestCase {
    private let environment = ["SOURCE_DATE_EPOCH": "1700000000", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]

    private func responses() -> [Answers] {
        (0..<40).map { i in
            ReportFixture.answers(name: "Inspector \(i % 7)", score: Double(i * 7 % 101), temp: Double(i) / 3, site: ["A", "B", "C"][i % 3],
                                  severity: i % 4 == 0 ? "high" : "low", hazards: i % 2 == 0 ? ["fire"] : ["fall", "fire"], ok: i % 5 != 0,
                                  date: "2026-0\(1 + i % 6)-1\(i % 9)")
        }
    }

    private func run(_ formats: [ExportFormat], template: ReportTemplate = TemplateLibrary.full, perResponse: Bool = false, zip: Bool = false,
                     docx: DocumentRenderer? = nil, into dir: URL? = nil) throws -> (URL, ExportResult) {
        let dir = try dir ?? ReportFixture.temporaryDirectory()
        var stages: [ExportStage] = []
        let request = ExportRequest(form: try ReportFixture.form(), source: AnswersSource(responses()), formats: formats, template: template,
                                    outputDirectory: dir, perResponse: perResponse, zip: zip, environment: environment, docxRenderer: docx)
        let result = try ReportExporter(progress: { stages.append($0) }).run(request)
        XCTAssertEqual(stages.last, .finished)
        return (dir, result)
    }

    func testSameInputGivesByteIdenticalFiles() throws {
        let formats: [ExportFormat] = [.pdf, .html, .md, .tex, .csv, .json]
        let (first, a) = try run(formats)
        let (second, b) = try run(formats)
        XCTAssertEqual(a.files.map(\.lastPathComponent), b.files.map(\.lastPathComponent))
        XCTAssertEqual(a.files.count, 6)
        for (x, y) in zip(a.files, b.files) {
            XCTAssertEqual(FileManager.default.contents(atPath: x.path), FileManager.default.contents(atPath: y.path), x.lastPathComponent)
        }
        let html = try String(contentsOf: first.appendingPathComponent("t-full.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("2023-11-14T22:13:20Z"))
        XCTAssertNotEqual(first, second)
    }

    func testEveryPDFPassesQpdfAndHoldsTheStatistics() throws {
        for template in [TemplateLibrary.summary, TemplateLibrary.full, TemplateLibrary.perResponse] {
            let (dir, _) = try run([.pdf], template: template)
            let pdf = dir.appendingPathComponent("t-\(template.name).pdf")
            try ReportFixture.assertValidPDF(pdf)
            let text = try ReportFixture.pdfText(pdf)
            XCTAssertTrue(text.contains("Test form"))
            if template.name != "per-response" { XCTAssertTrue(text.contains("Score averaged"), text) }
        }
    }

    func testChartsOfEveryKindRenderInEveryFormatAndCompile() throws {
        let template = ReportTemplate(name: "charts", title: "Charts", sections: [
            ReportSection(type: .fields, fields: ["site", "severity"], chart: "donut"),
            ReportSection(type: .fields, title: "Pies", fields: ["site", "hazards", "date", "score"], chart: "pie"),
            ReportSection(type: .crossTab), ReportSection(type: .codebook),
        ])
        let (dir, _) = try run([.html, .tex, .md, .pdf], template: template)
        let html = try String(contentsOf: dir.appendingPathComponent("t-charts.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<polyline"))
        XCTAssertTrue(html.contains("<path d=\"M"))
        XCTAssertTrue(html.contains("r=\"66\" fill=\"#fff\""), "donut hole")
        let tex = try String(contentsOf: dir.appendingPathComponent("t-charts.tex"), encoding: .utf8)
        XCTAssertTrue(tex.contains("ybar stacked"))
        XCTAssertTrue(tex.contains("\\pie[sum=auto"))
        XCTAssertTrue(tex.contains("\\fill[white] (0,0) circle"))
        XCTAssertTrue(tex.contains("mark=*"))
        let md = try String(contentsOf: dir.appendingPathComponent("t-charts.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("*Chart (stackedBar): Severity by Site*"), md)
        try ReportFixture.assertValidPDF(dir.appendingPathComponent("t-charts.pdf"))
        guard LaTeXCompiler().engine() != nil else { throw XCTSkip("no TeX engine installed") }
        try LaTeXCompiler().compile(tex: dir.appendingPathComponent("t-charts.tex"), to: dir.appendingPathComponent("c.pdf"))
        try ReportFixture.assertValidPDF(dir.appendingPathComponent("c.pdf"))
    }

    func testPerResponseFilesAndZipArchive() throws {
        let (dir, result) = try run([.html, .md, .csv], template: TemplateLibrary.summary, perResponse: true, zip: true)
        XCTAssertEqual(result.files.map(\.lastPathComponent), ["t-summary.zip"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("t-summary.html").path))
        guard let unzip = ReportFixture.tool("unzip") else { throw XCTSkip("unzip is not installed") }
        let test = try ReportFixture.run(unzip, ["-t", result.files[0].path])
        XCTAssertEqual(test.status, 0, test.output)
        let list = try ReportFixture.run(unzip, ["-Z1", result.files[0].path]).output.split(separator: "\n").map(String.init)
        XCTAssertEqual(list.count, 3 + 40 * 2)
        XCTAssertTrue(list.contains("responses/t-response-00040.md"))
        let detail = try ReportFixture.run(unzip, ["-p", result.files[0].path, "responses/t-response-00002.md"]).output
        XCTAssertTrue(detail.contains("| Name | Inspector 1 |"), detail)
        let (_, again) = try run([.html, .md, .csv], template: TemplateLibrary.summary, perResponse: true, zip: true)
        XCTAssertEqual(FileManager.default.contents(atPath: again.files[0].path), FileManager.default.contents(atPath: result.files[0].path))
    }

    func testDocxUsesTheBuiltInEngineOrAGivenRenderer() throws {
        let (dir, built) = try run([.docx, .md])
        XCTAssertTrue(built.warnings.isEmpty)
        XCTAssertEqual(built.files.map(\.pathExtension), ["docx", "md"])
        let (_, again) = try run([.docx])
        XCTAssertEqual(FileManager.default.contents(atPath: again.files[0].path), FileManager.default.contents(atPath: built.files[0].path),
                       "SOURCE_DATE_EPOCH pins the DOCX bytes too")
        if let unzip = ReportFixture.tool("unzip") {
            XCTAssertEqual(try ReportFixture.run(unzip, ["-t", dir.appendingPathComponent("t-full.docx").path]).status, 0)
            let xml = try ReportFixture.run(unzip, ["-p", dir.appendingPathComponent("t-full.docx").path, "word/document.xml"]).output
            XCTAssertTrue(xml.contains("Score averaged"))
        }
        let (other, given) = try run([.docx], docx: MarkdownRenderer())
        XCTAssertTrue(given.warnings.isEmpty)
        XCTAssertTrue(try String(contentsOf: other.appendingPathComponent("t-full.docx"), encoding: .utf8).hasPrefix("# Test form"))
    }

    func testCancellationStopsTheExportAndLeavesNoPartialFile() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let request = ExportRequest(form: try ReportFixture.form(), source: AnswersSource(responses()), formats: [.csv],
                                    template: TemplateLibrary.summary, outputDirectory: dir, environment: environment)
        var polls = 0
        XCTAssertThrowsError(try ReportExporter(isCancelled: { polls += 1; return polls > 60 }).run(request)) {
            XCTAssertEqual($0 as? ExportError, .cancelled)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testFormatListParsing() throws {
        XCTAssertEqual(try ExportFormat.list("pdf, LaTeX,markdown,pdf"), [.pdf, .tex, .md])
        XCTAssertThrowsError(try ExportFormat.list("pdf,odt")) { XCTAssertEqual("\($0)", "unknown format \"odt\" (use pdf, docx, tex, html, md, csv, json)") }
        XCTAssertFalse(ExportFormat.csv.isDocument)
    }

    func testCompilerReportsMissingEngineFailuresAndTimeouts() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let tex = try ReportFixture.write("\\documentclass{article}\\begin{document}\\undefinedmacro\\end{document}\n", to: dir, name: "bad.tex")
        XCTAssertThrowsError(try LaTeXCompiler(environment: ["PATH": "/nonexistent"]).compile(tex: tex, to: dir.appendingPathComponent("x.pdf"))) {
            XCTAssertEqual($0 as? ExportError, .noTeXEngine)
            XCTAssertTrue("\($0)".contains("neither is installed"))
        }
        guard LaTeXCompiler().engine() != nil else { throw XCTSkip("no TeX engine installed") }
        XCTAssertThrowsError(try LaTeXCompiler().compile(tex: tex, to: dir.appendingPathComponent("x.pdf"))) {
            XCTAssertTrue("\($0)".contains("Undefined control sequence"), "\($0)")
        }
        XCTAssertThrowsError(try LaTeXCompiler(timeoutSeconds: 0).compile(tex: tex, to: dir.appendingPathComponent("y.pdf"))) {
            guard case .texTimedOut? = $0 as? ExportError else { return XCTFail("\($0)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.pdf").path))
    }

    func testNarratorSentences() throws {
        let model = try ReportFixture.model(try ReportFixture.form(), responses(),
                                            options: ReportBuildOptions(crossTabs: [CrossTabRequest(rows: "site", columns: "severity")], now: Date(timeIntervalSince1970: 0)))
        let texts = model.insights.map(\.text)
        XCTAssertEqual(texts.first, "This report covers 40 responses to “Test form” (version 2).")
        XCTAssertTrue(texts.contains("Score averaged 45.6 (median 44.5, range 0–98)."), "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("The most common answer to “Severity” was “Low” (75.0% of 40)") })
        XCTAssertTrue(texts.contains { $0.hasPrefix("For “Hazards”, “Fire” was picked most often: by 100.0% of 40 respondents") })
        XCTAssertTrue(texts.contains { $0.hasPrefix("“Date” runs from 2026-01-10") })
        XCTAssertTrue(texts.contains { $0.hasPrefix("By site, “Low” for “Severity” is most frequent at") })
        let sparse = try ReportFixture.model(try ReportFixture.form(), [ReportFixture.answers(score: 1), ReportFixture.answers(score: 3, temp: 2)])
        XCTAssertTrue(sparse.insights.map(\.text).contains("“Name” was left empty most often: in 100.0% of responses."), "\(sparse.insights)")
        XCTAssertTrue(sparse.insights.map(\.text).contains { $0.hasPrefix("Validation found 2 problems; the most frequent is “severity: an answer is required”") })
        XCTAssertEqual(model.insights.filter { $0.fieldKey == "score" }.count, 1)
        let empty = try ReportFixture.model(try ReportFixture.form(), [])
        XCTAssertEqual(empty.insights.map(\.text), ["This report covers 0 responses to “Test form” (version 2)."])
    }
}

/// A job resumed from a checkpoint keeps the files an earlier run finished.
final class ExportResumeTests: XCTestCase {
    func testCompletedFormatsAreKeptAndReported() throws {
        let dir = try ReportFixture.temporaryDirectory()
        let env = ["SOURCE_DATE_EPOCH": "1700000000", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
        var request = ExportRequest(form: try ReportFixture.form(), source: AnswersSource([ReportFixture.answers(score: 1)]), formats: [.md, .html],
                                    template: TemplateLibrary.summary, outputDirectory: dir, environment: env)
        var wrote: [ExportFormat] = []
        _ = try ReportExporter(progress: { if case .wrote(let f, _) = $0 { wrote.append(f) } }).run(request)
        XCTAssertEqual(wrote, [.md, .html])
        let md = dir.appendingPathComponent("t-summary.md")
        try Data("kept".utf8).write(to: md)
        request.completedFormats = [.md]
        wrote = []
        let result = try ReportExporter(progress: { if case .wrote(let f, _) = $0 { wrote.append(f) } }).run(request)
        XCTAssertEqual(wrote, [.html])
        XCTAssertEqual(result.files.map(\.lastPathComponent), ["t-summary.md", "t-summary.html"])
        XCTAssertEqual(try String(contentsOf: md, encoding: .utf8), "kept")
    }
}
