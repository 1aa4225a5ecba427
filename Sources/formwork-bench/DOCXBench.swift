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
        // Peak memory of the table render alone, before the template suite adds its own.
        Measure.report("docx.peak_rss", ReportBench.peakResidentMegabytes(), "MB")
        try templateFill(rows: rows)
        Measure.report("docx.template_peak_rss", ReportBench.peakResidentMegabytes(), "MB")
    }

    /// `docx.template_10k`: a one-table template (itself rendered by DOCXRenderer, with a
    /// `{{row.key}}` row) filled with the same 10,000 rows.
    static func templateFill(rows: [[String]]) throws {
        let keys = ["inspector", "site", "date", "score", "severity", "follow_up", "notes"]
        let template = ReportDocument(metadata: ReportMetadata(title: "{{title}}", creationDate: Date(timeIntervalSince1970: 0)), blocks: [
            .heading(level: 1, text: "{{title}}"),
            .table(TableSpec(columns: keys.map { TableColumn(title: $0) }, rows: [keys.map { "{{row.\($0)}}" }])),
        ])
        let directory = FileManager.default.temporaryDirectory
        let templateURL = directory.appendingPathComponent("formwork-bench-template-\(getpid()).docx")
        let outputURL = directory.appendingPathComponent("formwork-bench-filled-\(getpid()).docx")
        defer {
            try? FileManager.default.removeItem(at: templateURL)
            try? FileManager.default.removeItem(at: outputURL)
        }
        try DOCXRenderer().render(template, to: templateURL)
        let values = rows.map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) }
        let nanos = try Measure.median(runs: 3) {
            try DOCXTemplate(templateURL).fill(values: ["title": "Site inspections"], rows: values, to: outputURL)
        }
        Measure.report("docx.template_10k", nanos / 1_000_000, "ms")
    }
}
