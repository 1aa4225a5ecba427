import Foundation
import XCTest
@testable import Reports

final class PDFRendererTests: XCTestCase {
    private func sampleDocument() -> ReportDocument {
        ReportDocument(
            metadata: ReportMetadata(title: "Quarterly inspections", author: "Görkem Aydın", subject: "Safety",
                                     keywords: ["safety", "sites"], creationDate: Date(timeIntervalSince1970: 1_700_000_000)),
            blocks: [
                .tableOfContents,
                .heading(level: 1, text: "Summary"),
                .paragraph(text: "Καλημέρα κόσμε. Привет, мир! İstanbul ğüşıöç ĞÜŞİÖÇ.", style: .body),
                .paragraph(text: "A strong paragraph.", style: .strong),
                .paragraph(text: "A caption.", style: .caption),
                .paragraph(text: "A quoted insight that is long enough to wrap over more than one line of the page, so the bar beside it spans two lines.", style: .quote),
                .bulletList(items: ["First point", "Second point with a much longer text that has to wrap onto a second line of the list item body."]),
                .heading(level: 2, text: "Details"),
                .chart(ChartSpec(kind: .bar, title: "By severity", categories: ["low", "medium", "high"],
                                 series: [ChartSeries(name: "2025", values: [3, 5, 2]), ChartSeries(name: "2026", values: [4, 1, 6])])),
                .pageBreak,
                .heading(level: 1, text: "Data"),
                .table(PDFTestSupport.numberedTable(rows: 30)),
            ]
        )
    }

    func testSampleDocumentIsValidAndSearchable() throws {
        let url = try PDFTestSupport.render(sampleDocument())
        PDFTestSupport.keep(url, as: "sample.pdf")
        try PDFTestSupport.assertValid(url)
        let text = try PDFTestSupport.text(url)
        XCTAssertTrue(text.contains("Καλημέρα"), text)
        XCTAssertTrue(text.contains("Привет"), text)
        XCTAssertTrue(text.contains("İstanbul ğüşıöç"), text)
        XCTAssertTrue(text.contains("Page 1 of"), text)
        XCTAssertTrue(text.contains("Contents"), text)
    }
}
