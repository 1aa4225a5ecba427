import Foundation
import XCTest
@testable import Reports

final class LargeTableTests: XCTestCase {
    func testTenThousandRowsRepeatHeaderOnEveryPage() throws {
        let document = ReportDocument(metadata: ReportMetadata(title: "Big table"), blocks: [
            .heading(level: 1, text: "All responses"),
            .paragraph(text: "Ten thousand rows.", style: .body),
            .chart(ChartSpec(kind: .bar, title: "Responses by severity", categories: ["low", "medium", "high", "critical"],
                             series: [ChartSeries(name: "Responses", values: [2510, 2490, 2470, 2530])])),
            .table(PDFTestSupport.numberedTable(rows: 10_000)),
        ])
        let url = try PDFTestSupport.render(document)
        PDFTestSupport.keep(url, as: "large.pdf")
        try PDFTestSupport.assertValid(url)
        let pages = try PDFTestSupport.pageCount(url)
        XCTAssertGreaterThan(pages, 100)
        let text = try PDFTestSupport.text(url)
        let perPage = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertEqual(perPage.count, pages)
        for (index, pageText) in perPage.enumerated() {
            XCTAssertTrue(pageText.contains("Inspector") && pageText.contains("Notes"), "page \(index + 1) lacks the header")
            XCTAssertTrue(pageText.contains("Page \(index + 1) of \(pages)"), "page \(index + 1) footer")
        }
        XCTAssertTrue(text.contains("Observation #9999: exit sign checked."))
        XCTAssertTrue(text.contains("Görkem Aydın 9998"))
        // Long documents get a two-level page tree (64 pages per intermediate node).
        let bytes = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        XCTAssertEqual(bytes.components(separatedBy: "/Type /Pages /Parent").count - 1, (pages + 63) / 64)
    }
}
