import Foundation
import XCTest
@testable import Reports

/// Native chart parts: one per chart, the right DrawingML chart type, cached values.
final class DOCXChartTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try DOCXTestSupport.outputDirectory() }
    override func tearDownWithError() throws { DOCXTestSupport.removeOutput(directory) }

    static func allCharts() -> [ChartSpec] {
        let categories = ["low", "medium", "high", "critical"]
        let first = ChartSeries(name: "2025", values: [4, 9, 6, 2])
        let second = ChartSeries(name: "2026", values: [5, 7.5, .nan])
        return [
            ChartSpec(kind: .bar, title: "Bar chart", categories: categories, series: [first, second]),
            ChartSpec(kind: .stackedBar, title: "Stacked chart", categories: categories, series: [first, second]),
            ChartSpec(kind: .pie, title: "Pie chart", categories: categories, series: [first]),
            ChartSpec(kind: .donut, title: "Donut chart", categories: categories, series: [first, second]),
            .histogram(title: "Histogram chart", values: [1, 2, 2, 3, 3, 3, 4, 4, 5, 9], binCount: 4),
            ChartSpec(kind: .line, title: "Line chart", categories: categories, series: [first, second]),
            ChartSpec(kind: .bar, title: "", categories: [], series: []),
        ]
    }

    private func renderCharts() throws -> URL {
        var blocks: [ReportBlock] = [.heading(level: 1, text: "Charts")]
        for chart in Self.allCharts() { blocks.append(.chart(chart)) }
        let url = directory.appendingPathComponent("charts.docx")
        try DOCXRenderer(options: DOCXTestSupport.options()).render(ReportDocument(metadata: ReportMetadata(title: "Charts"), blocks: blocks), to: url)
        return url
    }

    func testEachChartKindBecomesItsNativeChartPart() throws {
        let url = try renderCharts()
        try DOCXTestSupport.assertWellFormed(url)
        let expected = ["c:barChart", "c:barChart", "c:pieChart", "c:doughnutChart", "c:barChart", "c:lineChart", "c:barChart"]
        for (index, element) in expected.enumerated() {
            let part = try DOCXTestSupport.part("word/charts/chart\(index + 1).xml", of: url)
            XCTAssertTrue(part.contains("<\(element)>"), "chart \(index + 1) lacks \(element)")
        }
        let stacked = try DOCXTestSupport.part("word/charts/chart2.xml", of: url)
        XCTAssertTrue(stacked.contains("<c:grouping val=\"stacked\"/>") && stacked.contains("<c:overlap val=\"100\"/>"))
        let bar = try DOCXTestSupport.part("word/charts/chart1.xml", of: url)
        // The second series is short and holds NaN: missing and non-finite values are cached as 0.
        XCTAssertTrue(bar.contains("<c:pt idx=\"1\"><c:v>7.5</c:v></c:pt><c:pt idx=\"2\"><c:v>0</c:v></c:pt><c:pt idx=\"3\"><c:v>0</c:v></c:pt>"))
        XCTAssertTrue(bar.contains("<c:f>Sheet1!$C$2:$C$5</c:f>"))
        let donut = try DOCXTestSupport.part("word/charts/chart4.xml", of: url)
        XCTAssertEqual(donut.components(separatedBy: "<c:ser>").count, 2, "a donut draws only the first series")
        XCTAssertTrue(donut.contains("<c:holeSize val=\"50\"/>"))
        let histogram = try DOCXTestSupport.part("word/charts/chart5.xml", of: url)
        XCTAssertTrue(histogram.contains("<c:gapWidth val=\"0\"/>"))
        let untitled = try DOCXTestSupport.part("word/charts/chart7.xml", of: url)
        XCTAssertTrue(untitled.contains("<c:autoTitleDeleted val=\"1\"/>"))
        let document = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertEqual(document.components(separatedBy: "<wp:docPr id=").count, 8)
    }

    func testLibreOfficeDrawsTheCharts() throws {
        let url = try renderCharts()
        let text = try DOCXTestSupport.pdfText(try DOCXTestSupport.convertToPDF(url))
        for title in ["Bar chart", "Stacked chart", "Pie chart", "Donut chart", "Histogram chart", "Line chart", "critical"] {
            XCTAssertTrue(text.contains(title), "missing \(title) in \(text)")
        }
    }

    func testColumnNames() {
        XCTAssertEqual(DOCXChartWriter.columnName(0), "A")
        XCTAssertEqual(DOCXChartWriter.columnName(25), "Z")
        XCTAssertEqual(DOCXChartWriter.columnName(26), "AA")
        XCTAssertEqual(DOCXChartWriter.columnName(701), "ZZ")
        XCTAssertEqual(DOCXChartWriter.columnName(-3), "A")
    }
}
