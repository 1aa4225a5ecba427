import FormCore
import XCTest
@testable import Reports

/// Answers written to break out of every format come out as literal, harmless text.
final class HostileAnswerTests: XCTestCase {
    static let hostile = [#"\input{/etc/passwd}"#, #"}\write18{ls}"#, "=HYPERLINK(\"x\")", "<script>alert(1)</script>", "nul\u{0}here", "feed\u{0C}here", #"\catcode`\|=0 ^^5c"#]

    private func export(_ formats: [ExportFormat], template: ReportTemplate = TemplateLibrary.full) throws -> URL {
        let form = try ReportFixture.form()
        let responses = Self.hostile.enumerated().map { i, text in ReportFixture.answers(name: text, score: Double(i), site: i % 2 == 0 ? "A" : text, severity: "low") }
        let dir = try ReportFixture.temporaryDirectory()
        let request = ExportRequest(form: form, source: AnswersSource(responses), formats: formats, template: template,
                                    outputDirectory: dir, environment: ["SOURCE_DATE_EPOCH": "1700000000", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""])
        _ = try ReportExporter().run(request)
        return dir
    }

    private func read(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    func testTextFormatsKeepHostileAnswersLiteral() throws {
        let dir = try export([.html, .md, .tex, .csv, .json])
        let html = try read(dir, "t-full.html")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("Content-Security-Policy"))
        let md = try read(dir, "t-full.md")
        XCTAssertFalse(md.contains("<script>"))
        let tex = try read(dir, "t-full.tex")
        XCTAssertFalse(tex.contains(#"\input{"#))
        XCTAssertFalse(tex.contains(#"\write18"#))
        XCTAssertFalse(tex.contains(#"\catcode"#))
        XCTAssertFalse(tex.contains("^^"))
        XCTAssertTrue(tex.contains(#"\textbackslash{}input\{/etc/passwd\}"#))
        let csv = try read(dir, "t-responses.csv")
        XCTAssertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        XCTAssertFalse(csv.contains(",=HYPERLINK"))
        let json = try read(dir, "t-full.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let responses = try XCTUnwrap(parsed?["responses"] as? [[String: Any]])
        XCTAssertEqual(responses[3]["name"] as? String, "<script>alert(1)</script>")
        XCTAssertEqual(responses[4]["name"] as? String, "nulhere")
        for text in [html, md, tex, csv, json] {
            XCTAssertFalse(text.contains("\u{0}"))
            XCTAssertFalse(text.contains("\u{0C}"))
        }
    }

    func testPDFShowsHostileAnswersAsText() throws {
        let dir = try export([.pdf])
        let pdf = dir.appendingPathComponent("t-full.pdf")
        try ReportFixture.assertValidPDF(pdf)
        let text = try ReportFixture.pdfText(pdf)
        XCTAssertTrue(text.contains(#"\input{/etc/passwd}"#), text)
        XCTAssertTrue(text.contains("<script>alert(1)</script>"))
        XCTAssertTrue(text.contains("nulhere"))
        XCTAssertFalse(text.contains("root:x:0"))
    }

    func testLaTeXCompilesAndPrintsTheAnswersLiterally() throws {
        guard LaTeXCompiler().engine() != nil else { throw XCTSkip("no TeX engine installed") }
        let dir = try export([.tex], template: TemplateLibrary.full)
        let pdf = dir.appendingPathComponent("out.pdf")
        try LaTeXCompiler().compile(tex: dir.appendingPathComponent("t-full.tex"), to: pdf)
        try ReportFixture.assertValidPDF(pdf)
        let text = try ReportFixture.pdfText(pdf)
        XCTAssertTrue(text.contains("input{/etc/passwd}"), text)
        XCTAssertTrue(text.contains("write18{ls}"))
        XCTAssertFalse(text.contains("root:x:0"), "the passwd file must never be read")
        // Chart labels go into pgfplots and pgf-pie options: hostile ones must still compile.
        let pies = ReportTemplate(name: "pies", title: "{{form.title}} \\input{/etc/passwd} 100% & more", sections: [
            ReportSection(type: .fields, fields: ["site"], chart: "pie"), ReportSection(type: .fields, fields: ["site"], chart: "donut"),
            ReportSection(type: .crossTab, rows: "site", columns: "severity"),
        ])
        let pieDir = try export([.tex], template: pies)
        try LaTeXCompiler().compile(tex: pieDir.appendingPathComponent("t-pies.tex"), to: pieDir.appendingPathComponent("p.pdf"))
        XCTAssertTrue(try ReportFixture.pdfText(pieDir.appendingPathComponent("p.pdf")).contains("input{/etc/passwd} 100% & more"))
    }
}
