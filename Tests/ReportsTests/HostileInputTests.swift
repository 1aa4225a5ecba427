import Foundation
import XCTest
@testable import Reports

/// Bad or extreme input must give a valid PDF, never a crash.
final class HostileInputTests: XCTestCase {
    func testExtremeValuesAndShapes() throws {
        let weird = [Double.nan, .infinity, -.infinity, 1e308, -1e308, 0, -5]
        let table = TableSpec(columns: [TableColumn(title: "", width: .nan), TableColumn(title: "B", width: -3, alignment: .center),
                                        TableColumn(title: "C\twith\ttabs", width: 0, alignment: .trailing)],
                              rows: [[], ["only one"], ["a", "b", "c", "extra ignored"], [String(repeating: "x", count: 5000), "\u{0}\u{7}", "\r\n"]],
                              repeatHeader: false, caption: "Caption\u{1B}")
        let doc = ReportDocument(metadata: ReportMetadata(title: String(repeating: "Very long title ", count: 40) + "\u{0}(paren) \\ back",
                                                          author: "(", subject: "<xml & \"stuff\">", keywords: ["\u{1}"]), blocks: [
            .heading(level: -4, text: ""), .heading(level: 99, text: "deep\nheading"), .heading(level: 2, text: "x"),
            .paragraph(text: "", style: .quote), .bulletList(items: []), .bulletList(items: [""]),
            .table(TableSpec(columns: [], rows: [["ignored"]])), .table(table),
            .chart(ChartSpec(kind: .bar, title: "", categories: [], series: [])),
            .chart(ChartSpec(kind: .bar, title: "weird", categories: ["a"], series: [ChartSeries(name: "s", values: weird)])),
            .chart(ChartSpec(kind: .stackedBar, title: "stack", categories: ["a", "b"], series: [ChartSeries(name: "s", values: weird),
                                                                                                   ChartSeries(name: "t", values: [-1, 2])])),
            .chart(ChartSpec(kind: .line, title: "line", categories: (0..<300).map { "category \($0)" },
                             series: [ChartSeries(name: "s", values: (0..<300).map { sin(Double($0)) })])),
            .chart(ChartSpec(kind: .pie, title: "pie", categories: [], series: [ChartSeries(name: "s", values: weird)])),
            .chart(ChartSpec(kind: .donut, title: "zero", categories: ["a"], series: [ChartSeries(name: "s", values: [0, -1])])),
            .chart(ChartSpec(kind: .pie, title: "many", categories: (0..<40).map { "slice \($0)" },
                             series: [ChartSeries(name: "s", values: (1...40).map(Double.init))])),
            .chart(ChartSpec.histogram(title: "extreme", values: weird, binCount: 1_000_000)),
            .tableOfContents, .pageBreak, .pageBreak,
        ])
        for options in [PDFTestSupport.options(), PDFTestSupport.options(fonts: .standard14),
                        PDFRenderOptions(pageSize: .custom(width: .infinity, height: 10), margin: .nan, baseFontSize: .nan, environment: [:]),
                        PDFRenderOptions(pageSize: .letter, margin: 10_000, baseFontSize: 1_000, showsPageHeader: false,
                                         showsPageNumbers: false, language: "tr-TR", environment: [:])] {
            let url = try PDFTestSupport.render(doc, options: options)
            try PDFTestSupport.assertValid(url)
        }
    }

    func testLetterPageSize() throws {
        let options = PDFRenderOptions(pageSize: .letter, environment: [:])
        let url = try PDFTestSupport.render(ReportDocument(metadata: ReportMetadata(title: "Letter"), blocks: [.paragraph(text: "hi", style: .body)]),
                                            options: options)
        guard let pdfinfo = PDFTestSupport.tool("pdfinfo") else { throw XCTSkip("pdfinfo is not installed") }
        let info = try PDFTestSupport.run(pdfinfo, [url.path]).output
        XCTAssertTrue(info.contains("612 x 792"), info)
        XCTAssertNotNil(info.range(of: "Title: +Letter", options: .regularExpression), info)
    }

    func testSyntaxEscaping() {
        XCTAssertEqual(PDFSyntax.literal("a(b)c\\"), "(a\\(b\\)c\\\\)")
        XCTAssertEqual(PDFSyntax.textString("ok"), "(ok)")
        XCTAssertEqual(PDFSyntax.textString("é"), "<FEFF00E9>")
        XCTAssertEqual(PDFSyntax.textString("😀"), "<FEFFD83DDE00>")
        XCTAssertEqual(PDFSyntax.date(Date(timeIntervalSince1970: 0)), "(D:19700101000000Z)")
        XCTAssertEqual(PDFSyntax.isoDate(Date(timeIntervalSince1970: 86_399)), "1970-01-01T23:59:59Z")
        XCTAssertEqual(PDFSyntax.xmlEscaped("<a & \"b\">\u{1}\n"), "&lt;a &amp; &quot;b&quot;&gt;\n")
    }

    func testObjectWriterRejectsBookkeepingErrors() throws {
        let writer = try PDFObjectWriter(sink: MemorySink())
        let id = writer.reserve()
        XCTAssertThrowsError(try writer.writeObject(id + 5, "<< >>"))
        try writer.writeObject(id, "<< >>")
        XCTAssertThrowsError(try writer.writeObject(id, "<< >>"))
        _ = writer.reserve()
        XCTAssertThrowsError(try writer.finish(root: id, info: id)) { error in
            XCTAssertTrue("\(error)".contains("never written"))
        }
    }
}

final class RandomTextTests: XCTestCase {
    /// Random text from many scripts (combining marks, RTL, astral planes, controls) always
    /// yields a valid file in both font modes.
    func testRandomUnicodeTextRendersValidFiles() throws {
        var random = SystemRandomNumberGenerator()
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0x24F, 0x300...0x36F, 0x370...0x52F, 0x590...0x6FF,
                                             0x2000...0x2BFF, 0x4E00...0x4E80, 0xFFF0...0xFFFD, 0x1F300...0x1F6FF, 0x1D400...0x1D7FF]
        func randomText(_ length: Int) -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { scalars.append(scalar) }
            }
            return String(scalars)
        }
        let rows = (0..<150).map { _ in [randomText(8), randomText(40), randomText(3)] }
        let doc = ReportDocument(metadata: ReportMetadata(title: randomText(30), author: randomText(10)), blocks: [
            .tableOfContents, .heading(level: 1, text: randomText(20)), .paragraph(text: randomText(400), style: .body),
            .bulletList(items: [randomText(50), randomText(5)]),
            .table(TableSpec(columns: [TableColumn(title: randomText(6)), TableColumn(title: randomText(6), width: 3),
                                       TableColumn(title: randomText(6), alignment: .trailing)], rows: rows)),
            .chart(ChartSpec(kind: .donut, title: randomText(12), categories: [randomText(5), randomText(5)],
                             series: [ChartSeries(name: randomText(4), values: [1, 2])])),
        ])
        for fonts in [PDFRenderOptions.FontChoice.automatic, .standard14] {
            let url = try PDFTestSupport.render(doc, options: PDFTestSupport.options(fonts: fonts))
            try PDFTestSupport.assertValid(url)
            XCTAssertGreaterThan(try PDFTestSupport.pageCount(url), 1)
        }
    }
}
