import FormCore
import XCTest
@testable import Reports

final class MultiScriptTests: XCTestCase {
    static let names = ["Ελληνικά γράμματα", "Кириллица текст", "Görkem Aydın İğdır", "Ana Souza"]

    private func export(_ formats: [ExportFormat]) throws -> URL {
        let form = try ReportFixture.form()
        let dir = try ReportFixture.temporaryDirectory()
        let request = ExportRequest(form: form, source: AnswersSource(Self.names.map { ReportFixture.answers(name: $0, site: "A") }),
                                    formats: formats, template: TemplateLibrary.full, outputDirectory: dir,
                                    environment: ["SOURCE_DATE_EPOCH": "1700000000", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""])
        _ = try ReportExporter().run(request)
        return dir
    }

    func testPDFTextIsSearchableInGreekCyrillicAndTurkish() throws {
        let dir = try export([.pdf])
        let pdf = dir.appendingPathComponent("t-full.pdf")
        try ReportFixture.assertValidPDF(pdf)
        let text = try ReportFixture.pdfText(pdf)
        for name in Self.names { XCTAssertTrue(text.contains(name), "missing \(name)") }
    }

    func testLuaLaTeXRendersTheSameScripts() throws {
        guard let engine = LaTeXCompiler().engine(), engine.hasSuffix("lualatex") else { throw XCTSkip("lualatex is not installed") }
        let dir = try export([.tex])
        let pdf = dir.appendingPathComponent("tex.pdf")
        try LaTeXCompiler().compile(tex: dir.appendingPathComponent("t-full.tex"), to: pdf)
        try ReportFixture.assertValidPDF(pdf)
        let text = try ReportFixture.pdfText(pdf)
        for name in Self.names { XCTAssertTrue(text.contains(name), "missing \(name)") }
    }

    func testHTMLAndMarkdownKeepTheScripts() throws {
        let dir = try export([.html, .md])
        for file in ["t-full.html", "t-full.md"] {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for name in Self.names { XCTAssertTrue(text.contains(name), "\(file) lacks \(name)") }
        }
    }
}
