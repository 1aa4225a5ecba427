import Foundation
import XCTest
@testable import Reports

final class ChartRenderingTests: XCTestCase {
    /// Every chart kind on one document; set REPORTS_PDF_DIR to keep it for viewing.
    func gallery() -> ReportDocument {
        let categories = ["low", "medium", "high", "critical"]
        let two = [ChartSeries(name: "2025", values: [12, 30, 18, 4]), ChartSeries(name: "2026", values: [9, 26, 22, 7])]
        return ReportDocument(metadata: ReportMetadata(title: "Chart gallery"), blocks: [
            .heading(level: 1, text: "Charts"),
            .chart(ChartSpec(kind: .bar, title: "Bar", categories: categories, series: two)),
            .chart(ChartSpec(kind: .stackedBar, title: "Stacked bar", categories: categories, series: two)),
            .chart(ChartSpec(kind: .pie, title: "Pie", categories: categories, series: [two[0]])),
            .chart(ChartSpec(kind: .donut, title: "Donut", categories: categories, series: [two[1]])),
            .chart(ChartSpec.histogram(title: "Histogram of scores", values: (0..<200).map { Double(($0 * 37) % 101) }, binCount: 10)),
            .chart(ChartSpec(kind: .line, title: "Line", categories: ["Jan", "Feb", "Mar", "Apr", "May"],
                             series: [ChartSeries(name: "Mean score", values: [61, 64, 58, 70, 73]),
                                      ChartSeries(name: "Negative", values: [-5, 3, -2, 8, 1])])),
        ])
    }

    func testGalleryIsValid() throws {
        let url = try PDFTestSupport.render(gallery())
        PDFTestSupport.keep(url, as: "gallery.pdf")
        try PDFTestSupport.assertValid(url)
        let text = try PDFTestSupport.text(url)
        for title in ["Bar", "Stacked bar", "Pie", "Donut", "Histogram of scores", "Line", "critical", "Mean score"] {
            XCTAssertTrue(text.contains(title), "missing \(title)")
        }
        XCTAssertTrue(text.contains("%"), "pie legend shows percentages")
    }
}
