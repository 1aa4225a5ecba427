import Foundation
import Reports

/// `docx` suite: the same 10,000-row inspection report as the `pdf` suite (title, stats
/// paragraph, severity bar chart, 7-column table), rendered to a .docx file.
enum DOCXBench {
    static func run() throws {
        let rows = ReportBench.inspectionRows(count: 10_000)
        let document = ReportBench.inspectionReport(rows: rows)
        // FORMWORK_BENCH_DOCX=path keeps the rendered file for inspection.
        let kept = ProcessInfo.processInfo.environment["FORMWORK_BENCH_DOCX"]
        let output = kept.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("formwork-bench-\(getpid()).docx")
        defer { if kept == nil { try? FileManager.default.removeItem(at: output) } }
        let renderer = DOCXRenderer()
        var summary: DOCXRenderSummary?
        let nanos = try Measure.median(runs: 5) { summary = try renderer.render(document, to: output) }
        Measure.report("docx.table_10k", nanos / 1_000_000, "ms")
        Measure.report("docx.file_size", Double(summary?.byteCount ?? 0) / 1_048_576, "MB")
        Measure.report("docx.document_xml", Double(summary?.documentXMLByteCount ?? 0) / 1_048_576, "MB")
        Measure.report("docx.peak_rss", ReportBench.peakResidentMegabytes(), "MB")
    }
}
