import Foundation
import XCTest
@testable import Reports

/// The rendered package: parts, relationships, read-back through python-docx and LibreOffice.
final class DOCXRendererTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try DOCXTestSupport.outputDirectory() }
    override func tearDownWithError() throws { DOCXTestSupport.removeOutput(directory) }

    private func render(_ document: ReportDocument, name: String = "report.docx", options: DOCXRenderOptions = DOCXTestSupport.options()) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try DOCXRenderer(options: options).render(document, to: url)
        return url
    }

    func testPackageHasPartsInFixedOrderAndWellFormedXML() throws {
        let url = try render(DOCXTestSupport.sampleDocument())
        let paths = try DOCXTestSupport.entries(of: url).map(\.path)
        XCTAssertEqual(paths, [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
            "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
            "word/header1.xml", "word/footer1.xml", "word/charts/chart1.xml",
        ])
        try DOCXTestSupport.assertWellFormed(url)
        let types = try DOCXTestSupport.part("[Content_Types].xml", of: url)
        XCTAssertTrue(types.contains("PartName=\"/word/charts/chart1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\""))
        XCTAssertTrue(types.contains("PartName=\"/word/footer1.xml\""))
    }

    func testEveryReferencedRelationshipExists() throws {
        let url = try render(DOCXTestSupport.sampleDocument())
        let document = try DOCXTestSupport.part("word/document.xml", of: url)
        let rels = try DOCXTestSupport.part("word/_rels/document.xml.rels", of: url)
        let referenced = Set(document.components(separatedBy: "r:id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
        XCTAssertEqual(referenced, ["rId4", "rId5", "rId10"])
        for id in referenced { XCTAssertTrue(rels.contains("Id=\"\(id)\""), id) }
        let paths = Set(try DOCXTestSupport.entries(of: url).map(\.path))
        for target in rels.components(separatedBy: "Target=\"").dropFirst().compactMap({ $0.split(separator: "\"").first }) {
            XCTAssertTrue(paths.contains("word/" + target), "missing part for \(target)")
        }
    }

    func testPythonDocxReadsParagraphsTablesHeaderFooterAndProperties() throws {
        let url = try render(DOCXTestSupport.sampleDocument())
        let back = try DOCXTestSupport.readBack(url)
        XCTAssertEqual(back.paragraphs.first, "Site inspections")
        XCTAssertEqual(back.styles.first, "Heading 1")
        XCTAssertTrue(back.paragraphs.contains("Three responses from İstanbul, Αθήνα and Москва."))
        XCTAssertTrue(back.paragraphs.contains("Scores by inspector"))
        XCTAssertTrue(back.paragraphs.contains("first point"))
        XCTAssertTrue(back.paragraphs.contains("Line one\nLine two\tafter a tab"), back.paragraphs.description)
        XCTAssertTrue(back.styles.contains("Quote"))
        XCTAssertTrue(back.styles.contains("Heading 3"))
        XCTAssertEqual(back.tables.count, 1)
        XCTAssertEqual(back.tables[0], [["Inspector", "Score", "Follow-up"], ["Görkem Aydın", "87", "yes"],
                                        ["Ελένη Παπαδοπούλου", "92", "no"], ["Дмитрий Иванов", "75", "yes"]])
        XCTAssertEqual(back.header, ["Site inspections"])
        XCTAssertEqual(back.footer, ["Page 1 of 1"])
        XCTAssertEqual(back.title, "Site inspections")
        XCTAssertEqual(back.author, "Formwork tests")
        XCTAssertEqual(back.keywords, "safety, sites")
    }

    func testLibreOfficeConvertsWithMultilingualText() throws {
        let url = try render(DOCXTestSupport.sampleDocument())
        let text = try DOCXTestSupport.pdfText(try DOCXTestSupport.convertToPDF(url))
        for expected in ["Site inspections", "Görkem Aydın", "Ελένη Παπαδοπούλου", "Дмитрий Иванов", "İstanbul", "Page 1 of 2", "Page 2 of 2", "Appendix", "Contents"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in \(text)")
        }
    }

    func testTableGridWidthsHeaderRepeatAndAlignment() throws {
        let url = try render(DOCXTestSupport.sampleDocument())
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertTrue(xml.contains("<w:tblW w:w=\"9638\" w:type=\"dxa\"/>"))
        XCTAssertTrue(xml.contains("<w:gridCol w:w=\"4819\"/><w:gridCol w:w=\"2409\"/><w:gridCol w:w=\"2410\"/>"))
        XCTAssertTrue(xml.contains("<w:tblHeader/>"))
        XCTAssertTrue(xml.contains("<w:jc w:val=\"right\"/>"))
        XCTAssertTrue(xml.contains("<w:jc w:val=\"center\"/>"))
        let odd = TableSpec(columns: [TableColumn(title: "a", width: -1), TableColumn(title: "b", width: .nan)], rows: [])
        XCTAssertEqual(DOCXColumnFit.widths(odd, total: 1001, fontHalfPoints: 20), [500, 501])
        XCTAssertEqual(DOCXColumnFit.widths(TableSpec(columns: [], rows: []), total: 100, fontHalfPoints: 20), [])
        // A narrow column holding a long word borrows room from a wide one with spare space.
        let narrow = TableSpec(columns: [TableColumn(title: "Inspector", width: 1), TableColumn(title: "Notes", width: 7)],
                               rows: [["2026-01-16", "short"], ["x"]])
        let widths = DOCXColumnFit.widths(narrow, total: 9638, fontHalfPoints: 20)
        XCTAssertEqual(widths.reduce(0, +), 9638)
        XCTAssertGreaterThan(widths[0], 9638 / 8)
        XCTAssertGreaterThanOrEqual(Double(widths[0]), DOCXColumnFit.longestWords(narrow, fontHalfPoints: 20)[0] + 170)
        XCTAssertEqual(DOCXColumnFit.wordWidth("e\u{301}漢", points: 10), (0.63 + 0 + 1) * 200, accuracy: 0.001)
    }

    func testTableOfContentsFieldHasCachedEntriesAndSettingsRefreshFields() throws {
        let url = try render(DOCXTestSupport.sampleDocument())
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertTrue(xml.contains(#"<w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText>"#))
        XCTAssertTrue(xml.contains("<w:pStyle w:val=\"TOC2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Scores</w:t>"))
        XCTAssertTrue(xml.contains("<w:pStyle w:val=\"TOC3\"/>"))
        let settings = try DOCXTestSupport.part("word/settings.xml", of: url)
        XCTAssertTrue(settings.contains("<w:updateFields w:val=\"true\"/>"))
        let styles = try DOCXTestSupport.part("word/styles.xml", of: url)
        for level in 0...2 { XCTAssertTrue(styles.contains("<w:outlineLvl w:val=\"\(level)\"/>")) }
        let footer = try DOCXTestSupport.part("word/footer1.xml", of: url)
        XCTAssertTrue(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "))
    }

    func testEmptyTableOfContentsAndOptionsWithoutHeaderFooter() throws {
        let document = ReportDocument(metadata: ReportMetadata(title: "T"), blocks: [.tableOfContents, .heading(level: 7, text: "Deep"), .heading(level: 0, text: "Top")])
        var options = DOCXTestSupport.options()
        options.showsPageHeader = false
        options.showsPageNumbers = false
        options.pageSize = .letter
        let url = try render(document, options: options)
        let paths = try DOCXTestSupport.entries(of: url).map(\.path)
        XCTAssertFalse(paths.contains("word/header1.xml"))
        XCTAssertFalse(paths.contains("word/footer1.xml"))
        try DOCXTestSupport.assertWellFormed(url)
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertTrue(xml.contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"))
        XCTAssertFalse(xml.contains("headerReference"))
        XCTAssertTrue(xml.contains("<w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Deep"))
        XCTAssertTrue(xml.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Top"))
        let empty = try render(ReportDocument(metadata: ReportMetadata(title: "E"), blocks: [.tableOfContents]), name: "empty.docx")
        try DOCXTestSupport.assertWellFormed(empty)
        XCTAssertEqual(try DOCXTestSupport.readBack(empty).paragraphs, ["Contents", ""])
    }

    func testDeterministicBytesAndSourceDateEpoch() throws {
        let document = DOCXTestSupport.sampleDocument()
        let first = try DOCXRenderer(options: DOCXTestSupport.options(epoch: "1700000000")).data(for: document)
        let second = try DOCXRenderer(options: DOCXTestSupport.options(epoch: "1700000000")).data(for: document)
        XCTAssertEqual(first, second)
        let url = directory.appendingPathComponent("epoch.docx")
        try first.write(to: url)
        let core = try DOCXTestSupport.part("docProps/core.xml", of: url)
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z</dcterms:created>"), core)
        let unset = try render(document, name: "unset.docx")
        XCTAssertTrue(try DOCXTestSupport.part("docProps/core.xml", of: unset).contains("2026-01-01T00:00:00Z"))
        let other = try DOCXRenderer(options: DOCXTestSupport.options(epoch: "1800000000")).data(for: document)
        XCTAssertNotEqual(first, other)
        XCTAssertEqual(try DOCXRenderer(options: DOCXTestSupport.options(epoch: "bogus")).data(for: document),
                       try DOCXRenderer(options: DOCXTestSupport.options()).data(for: document))
    }

    func testRenderReplacesAnExistingFileAndReportsSummary() throws {
        let url = directory.appendingPathComponent("out.docx")
        try Data("old".utf8).write(to: url)
        let summary = try DOCXRenderer(options: DOCXTestSupport.options()).render(DOCXTestSupport.sampleDocument(), to: url)
        XCTAssertEqual(summary.chartCount, 1)
        XCTAssertEqual(summary.byteCount, try Data(contentsOf: url).count)
        XCTAssertGreaterThan(summary.documentXMLByteCount, summary.byteCount / 4)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
        XCTAssertThrowsError(try DOCXRenderer().render(DOCXTestSupport.sampleDocument(), to: URL(fileURLWithPath: "/nonexistent-dir/x.docx")))
    }
}
