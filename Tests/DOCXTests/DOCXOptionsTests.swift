import Foundation
import XCTest
@testable import Reports

/// Options: page sizes, margins, font settings and their limits.
final class DOCXOptionsTests: XCTestCase {
    func testPageSizesAndMarginLimits() {
        XCTAssertEqual(DOCXRenderOptions.PageSize.a4.twips.width, 11_906)
        XCTAssertEqual(DOCXRenderOptions.PageSize.custom(widthTwips: 10, heightTwips: 99_999).twips.width, 2_880)
        XCTAssertEqual(DOCXRenderOptions.PageSize.custom(widthTwips: 10, heightTwips: 99_999).twips.height, 31_680)
        var options = DOCXRenderOptions(environment: [:])
        XCTAssertEqual(options.textWidthTwips, 11_906 - 2 * 1_134)
        options.marginTwips = 50_000
        XCTAssertEqual(options.clampedMargin, (11_906 - 1_440) / 2)
        XCTAssertEqual(options.textWidthTwips, 1_440)
        options.marginTwips = -5
        XCTAssertEqual(options.clampedMargin, 0)
        options.baseFontSize = .nan
        XCTAssertEqual(options.halfPoints(), 20)
        options.baseFontSize = 5_000
        XCTAssertEqual(options.halfPoints(), 3_276)
        XCTAssertEqual(options.zipEntryDate, Date(timeIntervalSince1970: 315_532_800))
        XCTAssertEqual(DOCXRenderOptions(environment: ["SOURCE_DATE_EPOCH": " 42 "]).zipEntryDate, Date(timeIntervalSince1970: 42))
        XCTAssertEqual(DOCXRenderOptions(environment: ["SOURCE_DATE_EPOCH": "-1"]).effectiveCreationDate(fallback: .distantPast), .distantPast)
    }

    func testFontLanguageAndEmptyTableAreWrittenSafely() throws {
        let options = DOCXRenderOptions(pageSize: .custom(widthTwips: 15_840, heightTwips: 12_240), marginTwips: 720,
                                        fontName: "Odd \"Font\" & Co", baseFontSize: 12, language: "tr-TR",
                                        contentsTitle: "İçindekiler", environment: [:])
        let document = ReportDocument(metadata: ReportMetadata(title: "Landscape"), blocks: [
            .tableOfContents,
            .table(TableSpec(columns: [], rows: [["ignored"]], caption: "No columns")),
            .table(TableSpec(columns: [TableColumn(title: "Only")], rows: [])),
            .table(TableSpec(columns: [TableColumn(title: "After")], rows: [["x", "extra cell"]])),
        ])
        let directory = try DOCXTestSupport.outputDirectory()
        defer { DOCXTestSupport.removeOutput(directory) }
        let url = directory.appendingPathComponent("options.docx")
        try DOCXRenderer(options: options).render(document, to: url)
        try DOCXTestSupport.assertWellFormed(url)
        let styles = try DOCXTestSupport.part("word/styles.xml", of: url)
        XCTAssertTrue(styles.contains("w:ascii=\"Odd &quot;Font&quot; &amp; Co\""))
        XCTAssertTrue(styles.contains("<w:lang w:val=\"tr-TR\""))
        XCTAssertTrue(styles.contains("<w:sz w:val=\"24\"/>"))
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertTrue(xml.contains("<w:pgSz w:w=\"15840\" w:h=\"12240\"/>"))
        XCTAssertTrue(xml.contains("<w:tblW w:w=\"14400\" w:type=\"dxa\"/>"))
        let back = try DOCXTestSupport.readBack(url)
        XCTAssertEqual(back.paragraphs.first, "İçindekiler")
        XCTAssertTrue(back.paragraphs.contains("No columns"))
        XCTAssertEqual(back.tables, [[["Only"]], [["After"], ["x"]]])
    }
}
