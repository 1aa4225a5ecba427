import FormCore
import Foundation
import Reports

/// `report` suite: the whole export pipeline on 10,000 site-inspection responses read from CSV
/// (statistics, validation, narrator, mapping, rendering), per template and format.
/// Needs the sample form: run from the repository root, or set FORMWORK_BENCH_FORM.
enum ReportExportBench {
    static func run() throws {
        let formPath = ProcessInfo.processInfo.environment["FORMWORK_BENCH_FORM"] ?? "samples/site-inspection.form.json"
        let form = try FormFile.load(path: formPath)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-report-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("responses.csv")
        try writeResponses(to: csv)
        let source = ResponseFileSource(url: csv, form: form)
        let environment = ["SOURCE_DATE_EPOCH": "1767225600"]

        let build = try Measure.median(runs: 5) {
            var stream = try source.open()
            let plan = ReportPlan(template: TemplateLibrary.summary, form: form, now: Date(timeIntervalSince1970: 1_767_225_600))
            _ = try ReportBuilder(form: form, options: plan.buildOptions).build(from: &stream)
        }
        Measure.report("report.model_10k", build / 1_000_000, "ms")
        let cases: [(String, ReportTemplate, [ExportFormat])] = [
            ("report.summary_pdf_10k", TemplateLibrary.summary, [.pdf]),
            ("report.full_pdf_10k", TemplateLibrary.full, [.pdf]),
            ("report.full_html_10k", TemplateLibrary.full, [.html]),
            ("report.full_tex_10k", TemplateLibrary.full, [.tex]),
            ("report.csv_json_10k", TemplateLibrary.summary, [.csv, .json]),
        ]
        for (name, template, formats) in cases {
            let out = folder.appendingPathComponent(name)
            let request = ExportRequest(form: form, source: source, formats: formats, template: template, outputDirectory: out, environment: environment)
            let nanos = try Measure.median(runs: 5) { _ = try ReportExporter().run(request) }
            Measure.report(name, nanos / 1_000_000, "ms")
        }
        Measure.report("report.peak_rss", ReportBench.peakResidentMegabytes(), "MB")
    }

    /// 10,000 rows with gen_workload.py's columns, from the `pdf` suite's generator.
    static func writeResponses(to url: URL) throws {
        var text = "inspector,site,date,score,severity,follow_up,notes\n"
        for row in ReportBench.inspectionRows(count: 10_000) {
            text += row.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",") + "\n"
        }
        try Data(text.utf8).write(to: url)
    }
}
