import Foundation
import XCTest
@testable import Reports

final class ColumnWidthsTests: XCTestCase {
    func testProportionalWhenEverythingFits() {
        let widths = ColumnWidths.resolve(weights: [1, 3], minimums: [10, 10], total: 400)
        XCTAssertEqual(widths[0], 100, accuracy: 0.001)
        XCTAssertEqual(widths[1], 300, accuracy: 0.001)
    }

    func testNarrowColumnIsWidenedFromColumnsWithSlack() {
        let widths = ColumnWidths.resolve(weights: [1, 1, 8], minimums: [60, 20, 50], total: 500)
        XCTAssertEqual(widths.reduce(0, +), 500, accuracy: 0.001)
        XCTAssertEqual(widths[0], 60, accuracy: 0.001)
        XCTAssertGreaterThanOrEqual(widths[1], 20)
        XCTAssertLessThan(widths[2], 400)
    }

    func testOverfullMinimumsShareTheWidthAndBadWeightsCountAsOne() {
        let widths = ColumnWidths.resolve(weights: [.nan, -1, 0], minimums: [300, 300, 300], total: 300)
        XCTAssertEqual(widths.reduce(0, +), 300, accuracy: 0.001)
        XCTAssertEqual(widths[0], 100, accuracy: 0.001)
        // One giant word may not take more than half of the table.
        let capped = ColumnWidths.resolve(weights: [1, 1, 1, 1], minimums: [1000, 10, 10, 10], total: 400)
        XCTAssertLessThanOrEqual(capped[0], 200.001)
    }

    func testLongestWordsSampleHeaderAndRows() {
        let font = StandardPDFFont(bold: false, resourceName: "F1"), bold = StandardPDFFont(bold: true, resourceName: "F2")
        let spec = TableSpec(columns: [TableColumn(title: "Date"), TableColumn(title: "Notes")],
                             rows: [["2026-06-06", "short words here"], ["x"]])
        let words = ColumnWidths.longestWords(spec, regular: font, bold: bold, size: 10)
        XCTAssertEqual(words[0], font.width(of: "2026-06-06", size: 10), accuracy: 0.001)
        XCTAssertEqual(words[1], bold.width(of: "Notes", size: 10), accuracy: 0.001)
    }
}
