import Foundation
import XCTest
@testable import Reports

final class OutputFeaturesTests: XCTestCase {
    private func document(_ blocks: [ReportBlock]) -> ReportDocument {
        ReportDocument(metadata: ReportMetadata(title: "Features – Ünïcode", author: "Ana", subject: "S", keywords: ["k1", "k2"],
                                                creationDate: Date(timeIntervalSince1970: 1_600_000_000)), blocks: blocks)
    }

    func testDeterministicBytesWithSourceDateEpoch() throws {
        let doc = document([.heading(level: 1, text: "Привет"), .paragraph(text: "Καλημέρα", style: .body),
                            .table(PDFTestSupport.numberedTable(rows: 120))])
        let options = PDFTestSupport.options(epoch: "1700000000")
        let first = try PDFRenderer(options: options).data(for: doc)
        let second = try PDFRenderer(options: options).data(for: doc)
        XCTAssertEqual(first, second)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains("/CreationDate (D:20231114221320Z)"))
        XCTAssertTrue(text.contains("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"))
        let other = try PDFRenderer(options: PDFTestSupport.options(epoch: "1700000001")).data(for: doc)
        XCTAssertNotEqual(first, other)
        // Without the variable the document's own date is used.
        let own = String(decoding: try PDFRenderer(options: PDFTestSupport.options()).data(for: doc), as: UTF8.self)
        XCTAssertTrue(own.contains("/CreationDate (D:20200913122640Z)"))
    }

    func testPageCountMatchesPageBreaks() throws {
        let doc = document([.pageBreak, .paragraph(text: "one", style: .body), .pageBreak, .pageBreak,
                            .paragraph(text: "two", style: .body), .pageBreak, .paragraph(text: "three", style: .body)])
        let url = try PDFTestSupport.render(doc)
        try PDFTestSupport.assertValid(url)
        XCTAssertEqual(try PDFTestSupport.pageCount(url), 3, "leading and repeated breaks add no empty pages")
        XCTAssertTrue(try PDFTestSupport.text(url, page: 3).contains("Page 3 of 3"))
    }

    func testEmptyDocumentIsOneValidPage() throws {
        let url = try PDFTestSupport.render(ReportDocument(metadata: ReportMetadata(title: "")))
        try PDFTestSupport.assertValid(url)
        XCTAssertEqual(try PDFTestSupport.pageCount(url), 1)
    }

    func testRowTallerThanPageIsSplitInsideTheCell() throws {
        let words = (0..<1500).map { "word\($0)" }.joined(separator: " ")
        let table = TableSpec(columns: [TableColumn(title: "Key", width: 1), TableColumn(title: "Long text", width: 4)],
                              rows: [["first", "short"], ["tall", words], ["last", "after the tall row"]])
        let url = try PDFTestSupport.render(document([.paragraph(text: "Before the table.", style: .body), .table(table)]))
        PDFTestSupport.keep(url, as: "tallrow.pdf")
        try PDFTestSupport.assertValid(url)
        let pages = try PDFTestSupport.pageCount(url)
        XCTAssertGreaterThanOrEqual(pages, 3)
        let all = try PDFTestSupport.text(url)
        XCTAssertTrue(all.contains("word0 "))
        XCTAssertTrue(all.contains("word1499"))
        XCTAssertTrue(all.contains("after the tall row"))
        for page in 1...pages {
            XCTAssertTrue(try PDFTestSupport.text(url, page: page).contains("Long text"), "header on page \(page)")
        }
        // The split row starts on the first page, right after the short row.
        XCTAssertTrue(try PDFTestSupport.text(url, page: 1).contains("word0"))
    }

    func testStandardFontFallbackNeverCrashesOnEmojiOrCJK() throws {
        let doc = document([.heading(level: 1, text: "Fallback 😀"), .paragraph(text: "Price 5 € — “quoted” 漢字 🚀 done", style: .body),
                            .bulletList(items: ["ğüş", "\u{1F600}\u{1F600}"]), .table(PDFTestSupport.numberedTable(rows: 5))])
        let url = try PDFTestSupport.render(doc, options: PDFTestSupport.options(fonts: .standard14))
        try PDFTestSupport.assertValid(url)
        let text = try PDFTestSupport.text(url)
        XCTAssertTrue(text.contains("Price 5 € — “quoted” ?? ? done"), text)
        XCTAssertTrue(text.contains("?üş") || text.contains("?ü?"), text)
        let bytes = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        XCTAssertTrue(bytes.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        XCTAssertFalse(PDFRenderer(options: PDFTestSupport.options(fonts: .standard14)).embedsFont)
    }

    func testCharactersMissingFromTheEmbeddedFontShowAReplacement() throws {
        guard PDFRenderer(options: PDFTestSupport.options()).embedsFont else { throw XCTSkip("DejaVu Sans is not installed") }
        let url = try PDFTestSupport.render(document([.paragraph(text: "Rocket 🚀 launch", style: .body)]))
        try PDFTestSupport.assertValid(url)
        XCTAssertTrue(try PDFTestSupport.text(url).contains("Rocket \u{FFFD} launch"))
    }

    func testMissingTrueTypeFilesFallBackToHelvetica() throws {
        let options = PDFTestSupport.options(fonts: .trueType(regular: "/missing/a.ttf", bold: "/missing/b.ttf"))
        XCTAssertFalse(PDFRenderer(options: options).embedsFont)
        let url = try PDFTestSupport.render(document([.paragraph(text: "Hello", style: .body)]), options: options)
        try PDFTestSupport.assertValid(url)
    }

    func testEmbeddedFontObjectsAndMetadata() throws {
        let renderer = PDFRenderer(options: PDFTestSupport.options())
        guard renderer.embedsFont else { throw XCTSkip("DejaVu Sans is not installed") }
        let bytes = try renderer.data(for: document([.heading(level: 1, text: "Αβγ"), .paragraph(text: "İstanbul", style: .body)]))
        let text = String(decoding: bytes, as: UTF8.self)
        for token in ["/Subtype /Type0", "/Encoding /Identity-H", "/CIDFontType2", "/CIDToGIDMap /Identity", "/ToUnicode",
                      "/FontFile2", "/Title <FEFF", "/Author (Ana)", "/Keywords (k1, k2)", "/Lang (en)", "/Type /Metadata"] {
            XCTAssertTrue(text.contains(token), "missing \(token)")
        }
        XCTAssertNotNil(text.range(of: "/BaseFont /[A-Z]{6}\\+DejaVuSans ", options: .regularExpression))
        let fontFile = try embeddedFontFiles(in: bytes)
        XCTAssertEqual(fontFile.count, 2, "regular and bold subsets")
        for file in fontFile {
            let parsed = try TrueTypeFont(data: file)
            XCTAssertLessThan(parsed.glyphCount, 40, "only the glyphs of the text, not the whole font")
        }
        XCTAssertTrue(text.hasPrefix("%PDF-1.7\n%"))
        XCTAssertTrue(text.hasSuffix("%%EOF\n"))
    }

    func testTableOfContentsShowsHeadingPagesAndOutlineNests() throws {
        let doc = document([.tableOfContents, .heading(level: 1, text: "Intro"), .heading(level: 2, text: "Scope"),
                            .heading(level: 3, text: "Deep"), .pageBreak, .heading(level: 2, text: "Method"),
                            .heading(level: 1, text: "Results"), .paragraph(text: "done", style: .body)])
        let url = try PDFTestSupport.render(doc)
        PDFTestSupport.keep(url, as: "toc.pdf")
        try PDFTestSupport.assertValid(url)
        let firstPage = try PDFTestSupport.text(url, page: 1, layout: true)
        XCTAssertNotNil(firstPage.range(of: "Method[ .]+2", options: .regularExpression), firstPage)
        XCTAssertNotNil(firstPage.range(of: "Intro[ .]+1", options: .regularExpression), firstPage)
        let bytes = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        XCTAssertTrue(bytes.contains("/Type /Outlines"))
        XCTAssertTrue(bytes.contains("/PageMode /UseOutlines"))
        XCTAssertTrue(bytes.contains("/Subtype /Link"))
        // Intro holds Scope (which holds Deep) and Method: 3 descendants; the root counts all 5.
        XCTAssertTrue(bytes.contains("/Title (Intro)"))
        XCTAssertTrue(bytes.contains("/Count 5 >>"))
        XCTAssertTrue(bytes.contains("/Count 3 /Dest"))
    }

    /// Inflates every stream that carries /Length1 (the embedded TrueType programs).
    private func embeddedFontFiles(in pdf: [UInt8]) throws -> [[UInt8]] {
        // Latin-1 keeps one character (and one UTF-16 unit) per byte, so match offsets are byte offsets.
        let text = String(data: Data(pdf), encoding: .isoLatin1) ?? ""
        var result: [[UInt8]] = []
        let pattern = try NSRegularExpression(pattern: "<< /Length (\\d+) /Filter /FlateDecode /Length1 \\d+ >>\nstream\n")
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let lengthRange = Range(match.range(at: 1), in: text), let length = Int(text[lengthRange]) else { continue }
            let start = match.range.location + match.range.length
            result.append(try Zlib.decompress(Array(pdf[start..<(start + length)])))
        }
        return result
    }
}

final class KeepTogetherTests: XCTestCase {
    /// Wherever the heading falls on the page, it shares its page with the chart or table after it.
    func testHeadingsStayWithTheChartOrTableThatFollows() throws {
        let chart = ReportBlock.chart(ChartSpec(kind: .bar, title: "Severity chart", categories: ["a"], series: [ChartSeries(name: "s", values: [1])]))
        let table = ReportBlock.table(TableSpec(columns: [TableColumn(title: "Col")], rows: [["first row"]], caption: "Table caption"))
        for (follower, marker) in [(chart, "Severity chart"), (table, "Table caption")] {
            for filler in stride(from: 29, through: 53, by: 3) {
                let blocks = (0..<filler).map { ReportBlock.paragraph(text: "Filler line \($0)", style: .body) }
                    + [.heading(level: 2, text: "Section heading"), follower]
                let url = try PDFTestSupport.render(ReportDocument(metadata: ReportMetadata(title: "Keep"), blocks: blocks))
                let pages = try PDFTestSupport.pageCount(url)
                let page = try (1...pages).first { try PDFTestSupport.text(url, page: $0).contains("Section heading") }
                let text = try PDFTestSupport.text(url, page: try XCTUnwrap(page))
                XCTAssertTrue(text.contains(marker), "filler \(filler): heading separated from \(marker)")
            }
        }
    }
}
