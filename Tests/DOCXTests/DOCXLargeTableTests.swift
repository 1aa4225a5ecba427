import Foundation
import XCTest
@testable import Reports

/// A long table: every row arrives, the header repeats, and LibreOffice paginates it.
final class DOCXLargeTableTests: XCTestCase {
    static func rows(_ count: Int) -> [[String]] {
        let names = ["Ana Souza", "Björn Ek", "Görkem Aydın", "Ελένη", "Дмитрий"]
        return (0..<count).map { index in
            [names[index % names.count], "Site \(index % 20)", "2026-01-\(10 + index % 18)", String(index % 101),
             ["low", "medium", "high", "critical"][index % 4], index % 3 == 0 ? "yes" : "no", "Note #\(index): rail & sign checked."]
        }
    }

    func testLongTableReadsBackAndRepeatsItsHeader() throws {
        let directory = try DOCXTestSupport.outputDirectory()
        defer { DOCXTestSupport.removeOutput(directory) }
        // The shape of the formwork-bench report: seven columns with its relative widths.
        let columns = [
            TableColumn(title: "Inspector", width: 1.3), TableColumn(title: "Site", width: 0.8),
            TableColumn(title: "Date", width: 1), TableColumn(title: "Score", width: 0.6, alignment: .trailing),
            TableColumn(title: "Severity", width: 0.9), TableColumn(title: "Follow-up", width: 0.8, alignment: .center),
            TableColumn(title: "Notes", width: 3.2),
        ]
        let rows = Self.rows(1_500)
        let document = ReportDocument(metadata: ReportMetadata(title: "Long table"), blocks: [
            .heading(level: 1, text: "Long table"),
            .paragraph(text: "\(rows.count) responses.", style: .body),
            .chart(ChartSpec(kind: .bar, title: "Responses by severity", categories: ["low", "medium", "high", "critical"],
                             series: [ChartSeries(name: "Responses", values: [375, 375, 375, 375])])),
            .table(TableSpec(columns: columns, rows: rows, caption: "All rows")),
        ])
        let url = directory.appendingPathComponent("long.docx")
        try DOCXRenderer(options: DOCXTestSupport.options()).render(document, to: url)
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertEqual(xml.components(separatedBy: "<w:tr>").count - 1, rows.count + 1)
        let back = try DOCXTestSupport.firstTableRows(url)
        XCTAssertEqual(back.count, rows.count + 1)
        XCTAssertEqual(back.first, columns.map(\.title))
        XCTAssertEqual(Array(back.dropFirst()), rows)
        let pdf = try DOCXTestSupport.convertToPDF(url)
        let text = try DOCXTestSupport.pdfText(pdf)
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertGreaterThan(pages.count, 10)
        for page in pages { XCTAssertTrue(page.contains("Inspector"), "the header row repeats on every page") }
        XCTAssertTrue(text.contains("Note #1499: rail & sign"), "the last row arrives")
        XCTAssertTrue(text.contains("Page \(pages.count) of \(pages.count)"))
    }
}
