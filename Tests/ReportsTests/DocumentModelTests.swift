import Foundation
import XCTest
@testable import Reports

final class DocumentModelTests: XCTestCase {
    func testHeadingsAndHeaderRow() {
        let table = TableSpec(columns: [TableColumn(title: "A"), TableColumn(title: "B", width: 2, alignment: .trailing)], rows: [["1"]])
        let document = ReportDocument(metadata: ReportMetadata(title: "T"), blocks: [
            .heading(level: 1, text: "One"), .paragraph(text: "x", style: .body), .heading(level: 2, text: "Two"), .table(table),
        ])
        XCTAssertEqual(document.headings.map(\.text), ["One", "Two"])
        XCTAssertEqual(document.headings.map(\.level), [1, 2])
        XCTAssertEqual(table.headerRow, ["A", "B"])
        XCTAssertTrue(table.repeatHeader)
    }

    func testHistogramBinsValues() {
        let spec = ChartSpec.histogram(title: "H", values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, .nan], binCount: 5)
        XCTAssertEqual(spec.kind, .histogram)
        XCTAssertEqual(spec.categories.count, 5)
        XCTAssertEqual(spec.series.first?.values.reduce(0, +), 11)
        XCTAssertEqual(spec.categories.first, "0–2")
        let empty = ChartSpec.histogram(title: "E", values: [], binCount: 3)
        XCTAssertTrue(empty.categories.isEmpty)
        let constant = ChartSpec.histogram(title: "C", values: [4, 4], binCount: 0)
        XCTAssertEqual(constant.series.first?.values, [2])
    }

    func testCompactNumbers() {
        XCTAssertEqual(ChartSpec.compactNumber(3), "3")
        XCTAssertEqual(ChartSpec.compactNumber(2.5), "2.50")
        XCTAssertEqual(ChartSpec.compactNumber(.infinity), "–")
    }

    func testChartScaleNiceTicks() {
        let scale = ChartScale(low: 0, high: 27)
        // 27 / 5 ticks = 5.4 per tick, rounded up to the next nice step, 10.
        XCTAssertEqual(scale.step, 10)
        XCTAssertEqual(scale.maximum, 30)
        XCTAssertEqual(scale.ticks, [0, 10, 20, 30])
        XCTAssertEqual(ChartScale(low: 0, high: 9).step, 2)
        let negative = ChartScale(low: -7, high: 3)
        XCTAssertLessThanOrEqual(negative.minimum, -7)
        XCTAssertEqual(negative.position(negative.minimum, bottom: 10, height: 100), 10)
        let flat = ChartScale(low: 0, high: 0)
        XCTAssertEqual(flat.maximum, 1)
        XCTAssertEqual(ChartScale.label(0.30000000000000004), "0.30")
    }

    func testOptionsCreationDateAndPageSizes() {
        let fallback = Date(timeIntervalSince1970: 5)
        XCTAssertEqual(PDFRenderOptions(environment: ["SOURCE_DATE_EPOCH": "1700000000"]).effectiveCreationDate(fallback: fallback),
                       Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(PDFRenderOptions(environment: ["SOURCE_DATE_EPOCH": "soon"]).effectiveCreationDate(fallback: fallback), fallback)
        XCTAssertEqual(PDFRenderOptions(environment: [:]).effectiveCreationDate(fallback: fallback), fallback)
        XCTAssertEqual(PDFRenderOptions.PageSize.letter.points.width, 612)
        XCTAssertEqual(PDFRenderOptions.PageSize.custom(width: 10, height: 1000).points.width, 144)
        let geometry = PageGeometry(size: .custom(width: 200, height: 200), margin: 500)
        XCTAssertEqual(geometry.contentWidth, 72, accuracy: 0.001)
        XCTAssertTrue(PDFRenderError.internalInconsistency("x").description.contains("x"))
    }
}
