import Foundation
import XCTest
import ZIPFoundation
@testable import Reports

/// Filling a user's template: split runs, repeated rows, escaping, headers and footers.
final class DOCXTemplateTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try DOCXTestSupport.outputDirectory() }
    override func tearDownWithError() throws { DOCXTestSupport.removeOutput(directory) }

    private let values = [
        "name": "Ana", "site": "Site Ω", "escape": "a<b&c>\u{0}d\u{0C}e", "multi": "line1\nline2\tx",
        "total": "162", "client": "Görkem Aydın", "footer_note": "Запись «1»",
    ]
    private let rows = [
        ["inspector": "Ελένη", "score": "87", "note": "ok"],
        ["inspector": "Dmitry <Dima>", "score": "75", "note": "İzmir"],
    ]

    private func filled(values: [String: String]? = nil, rows: [[String: String]]? = nil, body: String = TemplateFixtures.standardBody) throws -> (URL, DOCXFillReport) {
        let template = directory.appendingPathComponent("template.docx")
        try TemplateFixtures.write(to: template, body: body)
        let output = directory.appendingPathComponent("filled.docx")
        let report = try DOCXTemplate(template, environment: [:]).fill(values: values ?? self.values, rows: rows ?? self.rows, to: output)
        return (output, report)
    }

    func testSplitPlaceholderKeepsFirstRunFormatting() throws {
        let (url, _) = try filled()
        try DOCXTestSupport.assertWellFormed(url)
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertTrue(xml.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Hello Ana</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r></w:r>"), xml)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- made by a test -->"))
        let back = try DOCXTestSupport.readBack(url)
        XCTAssertEqual(back.paragraphs[0], "Hello Ana, welcome")
        XCTAssertEqual(back.paragraphs[1], "Site: Site Ω /  / a<b&c>de")
        XCTAssertEqual(back.paragraphs[2], "line1\nline2\tx")
        XCTAssertEqual(back.paragraphs[3], "Literal & {{}} and {not} and {{unclosed")
        XCTAssertEqual(back.header, ["Report for Görkem Aydın"])
        XCTAssertEqual(back.footer, ["Запись «1»"])
    }

    func testRepeatedRowsAllThreeConventions() throws {
        let (url, report) = try filled()
        let back = try DOCXTestSupport.readBack(url)
        XCTAssertEqual(back.tables[0], [["Inspector", "Score"], ["Ελένη", "87"], ["Dmitry <Dima>", "75"], ["Total", "162"]])
        XCTAssertEqual(back.tables[1], [["ok", ""], ["İzmir", ""]])
        XCTAssertEqual(back.tables[2], [["Name: Ελένη", "first"], ["Score: 87", "second"], ["Name: Dmitry <Dima>", "first"], ["Score: 75", "second"]])
        XCTAssertEqual(report.repeatedBlockCount, 3)
        XCTAssertEqual(report.missingKeys, ["missing_key", "row.absent"])
        XCTAssertEqual(report.filledParts, ["word/document.xml", "word/header1.xml", "word/footer1.xml"])
        // name, site, missing_key, escape, multi, total, client, footer_note + 2 × (2 + 2 + 2) row placeholders.
        XCTAssertEqual(report.replacedCount, 8 + 12)
    }

    func testNoRowsRemovesTheRepeatedRows() throws {
        let (url, report) = try filled(rows: [])
        let back = try DOCXTestSupport.readBack(url)
        XCTAssertEqual(back.tables[0], [["Inspector", "Score"], ["Total", "162"]])
        XCTAssertEqual(report.repeatedBlockCount, 3)
        let template = directory.appendingPathComponent("template.docx")
        let (_, nilReport) = try DOCXTemplate(template, environment: [:]).filledData(values: [:], rows: nil)
        XCTAssertEqual(nilReport.missingKeys, ["client", "escape", "footer_note", "missing_key", "multi", "name", "site", "total"])
    }

    func testInjectionStringsStayLiteral() throws {
        var hostile = values
        hostile["name"] = "<script>alert(1)</script>"
        hostile["site"] = "=HYPERLINK(\"x\")"
        hostile["escape"] = "\\input{/etc/passwd}"
        hostile["multi"] = "{{total}}"
        let (url, _) = try filled(values: hostile)
        try DOCXTestSupport.assertWellFormed(url)
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertTrue(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(xml.contains("<script>"))
        let back = try DOCXTestSupport.readBack(url)
        XCTAssertEqual(back.paragraphs[0], "Hello <script>alert(1)</script>, welcome")
        XCTAssertEqual(back.paragraphs[1], "Site: =HYPERLINK(\"x\") /  / \\input{/etc/passwd}")
        XCTAssertEqual(back.paragraphs[2], "{{total}}", "values are not scanned for placeholders again")
        let text = try DOCXTestSupport.pdfText(try DOCXTestSupport.convertToPDF(url))
        XCTAssertTrue(text.contains("<script>alert(1)</script>"), text)
        XCTAssertTrue(text.contains("\\input{/etc/passwd}"), text)
    }

    func testLibreOfficeShowsFilledTextInBodyHeaderAndFooter() throws {
        let (url, _) = try filled()
        let text = try DOCXTestSupport.pdfText(try DOCXTestSupport.convertToPDF(url))
        for expected in ["Hello Ana, welcome", "Report for Görkem Aydın", "Запись «1»", "Ελένη", "İzmir", "Dmitry <Dima>", "a<b&c>de"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in \(text)")
        }
    }

    func testDeterministicWithSourceDateEpoch() throws {
        let template = directory.appendingPathComponent("template.docx")
        try TemplateFixtures.write(to: template)
        let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        let first = try DOCXTemplate(template, environment: environment).filledData(values: values, rows: rows).data
        let second = try DOCXTemplate(template, environment: environment).filledData(values: values, rows: rows).data
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, try DOCXTemplate(template, environment: [:]).filledData(values: values, rows: rows).data)
    }

    func testErrors() throws {
        let missing = directory.appendingPathComponent("nope.docx")
        XCTAssertThrowsError(try DOCXTemplate(missing).filledData(values: [:])) { error in
            guard case DOCXError.unreadableTemplate = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("nope.docx"))
        }
        let notZip = directory.appendingPathComponent("text.docx")
        try Data("plain text".utf8).write(to: notZip)
        XCTAssertThrowsError(try DOCXTemplate(notZip).filledData(values: [:]))
        let noDocument = directory.appendingPathComponent("nodoc.docx")
        try DOCXRenderer(options: DOCXTestSupport.options()).render(DOCXTestSupport.sampleDocument(), to: noDocument)
        XCTAssertNoThrow(try DOCXTemplate(noDocument).filledData(values: [:]), "a rendered report is itself a valid template")
        let chartOnly = directory.appendingPathComponent("zip.docx")
        try TemplateFixtures.write(to: chartOnly, body: "<w:p><w:r><w:t>unterminated</w:t></w:r><w:p w:rsidR=\"00")
        XCTAssertThrowsError(try DOCXTemplate(chartOnly).filledData(values: [:])) { error in
            guard case let DOCXError.malformedPart(part, reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "word/document.xml")
            XCTAssertTrue(reason.hasPrefix("unterminated tag at byte"), reason)
        }
        let otherZip = directory.appendingPathComponent("other.docx")
        let archive = try Archive(url: otherZip, accessMode: .create)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(2), compressionMethod: .none) { (_: Int64, _: Int) in Data("hi".utf8) }
        XCTAssertThrowsError(try DOCXTemplate(otherZip).filledData(values: [:])) { error in
            XCTAssertEqual(error as? DOCXError, .notAWordDocument(path: otherZip.path))
        }
        XCTAssertTrue(DOCXError.notAWordDocument(path: "x").description.contains("not a Word document"))
        XCTAssertTrue(DOCXError.packageFailed("boom").description.contains("boom"))
    }

    func testFillablePartNames() {
        for path in ["word/document.xml", "word/header1.xml", "word/footer12.xml", "word/footnotes.xml", "word/endnotes.xml", "word/header.xml"] {
            XCTAssertTrue(DOCXTemplate.isFillable(path), path)
        }
        for path in ["word/styles.xml", "word/headerX.xml", "word/media/header1.xml", "docProps/core.xml", "word/document.xml.rels"] {
            XCTAssertFalse(DOCXTemplate.isFillable(path), path)
        }
    }
}

/// A template made by python-docx: a complete package (theme, styles, settings, fonts) as a
/// word processor writes it, with placeholders split over differently formatted runs.
final class DOCXPythonTemplateTests: XCTestCase {
    func testFillsATemplateWrittenByPythonDocx() throws {
        let directory = try DOCXTestSupport.outputDirectory()
        defer { DOCXTestSupport.removeOutput(directory) }
        let template = directory.appendingPathComponent("python-template.docx")
        let script = """
        import docx, sys
        d = docx.Document()
        d.sections[0].header.paragraphs[0].text = "Client: {{client}}"
        d.add_heading("Inspection {{ site }}", level=1)
        p = d.add_paragraph("Dear ")
        r = p.add_run("{{first_")
        r.bold = True
        p.add_run("name}}, thank you.").italic = True
        t = d.add_table(rows=2, cols=2)
        t.rows[0].cells[0].text = "Inspector"
        t.rows[0].cells[1].text = "Score"
        t.rows[1].cells[0].text = "{{row.inspector}}"
        t.rows[1].cells[1].text = "{{row.score}}"
        d.save(sys.argv[1])
        """
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
              try DOCXTestSupport.run("/usr/bin/python3", ["-c", "import docx"]).status == 0 else { throw XCTSkip("python3-docx is not installed") }
        XCTAssertEqual(try DOCXTestSupport.run("/usr/bin/python3", ["-c", script, template.path]).status, 0)
        let output = directory.appendingPathComponent("python-filled.docx")
        let rows = (1...300).map { ["inspector": "Inspector \($0)", "score": String($0 % 101)] }
        let report = try DOCXTemplate(template, environment: [:]).fill(
            values: ["client": "Αθήνα & Co", "site": "İzmir", "first_name": "Ольга"], rows: rows, to: output)
        XCTAssertEqual(report.missingKeys, [])
        XCTAssertEqual(report.repeatedBlockCount, 1)
        try DOCXTestSupport.assertWellFormed(output)
        let back = try DOCXTestSupport.readBack(output)
        XCTAssertEqual(back.paragraphs.prefix(2), ["Inspection İzmir", "Dear Ольга, thank you."])
        XCTAssertEqual(back.styles.first, "Heading 1")
        XCTAssertEqual(back.header, ["Client: Αθήνα & Co"])
        XCTAssertEqual(back.tables[0].count, 301)
        XCTAssertEqual(back.tables[0][300], ["Inspector 300", "98"])
        let xml = try DOCXTestSupport.part("word/document.xml", of: output)
        XCTAssertTrue(xml.contains("<w:b/></w:rPr><w:t xml:space=\"preserve\">Ольга</w:t>"), "the value keeps the bold run's formatting")
        let text = try DOCXTestSupport.pdfText(try DOCXTestSupport.convertToPDF(output))
        for expected in ["Client: Αθήνα & Co", "Inspection İzmir", "Dear Ольга, thank you.", "Inspector 300"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected)")
        }
    }
}
