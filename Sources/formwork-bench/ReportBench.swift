import Foundation
import Reports

/// `pdf` suite: the 10,000-row inspection report (title, stats paragraph, severity bar chart,
/// 7-column table) rendered to a PDF file, as in /work/shared/bench/README.md.
enum ReportBench {
    static func run() throws {
        let rows = inspectionRows(count: 10_000)
        let document = inspectionReport(rows: rows)
        // FORMWORK_BENCH_PDF=path keeps the rendered file for inspection.
        let kept = ProcessInfo.processInfo.environment["FORMWORK_BENCH_PDF"]
        let output = kept.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("formwork-bench-\(getpid()).pdf")
        defer { if kept == nil { try? FileManager.default.removeItem(at: output) } }
        let renderer = PDFRenderer()
        var summary: PDFRenderSummary?
        let nanos = try Measure.median(runs: 5) { summary = try renderer.render(document, to: output) }
        Measure.report("pdf.table_10k", nanos / 1_000_000, "ms")
        Measure.report("pdf.pages", Double(summary?.pageCount ?? 0), "pages")
        Measure.report("pdf.file_size", Double(summary?.byteCount ?? 0) / 1_048_576, "MB")
        Measure.report("pdf.peak_rss", peakResidentMegabytes(), "MB")
    }

    /// Deterministic rows shaped like gen_workload.py's columns (inspector, site, date, score,
    /// severity, follow_up, notes), with the same Unicode inspector names.
    static func inspectionRows(count: Int) -> [[String]] {
        let names = ["Ana Souza", "Björn Ek", "Chen Wei", "Dara O'Neil", "Émile Roy", "Fatima Zahra", "Görkem Aydın", "Hiroshi Sato"]
        let severities = ["low", "medium", "high", "critical"]
        let outcomes = ["ok", "needs repair", "replaced"]
        var random = SplitMix64(seed: 42)
        return (0..<count).map { index in
            let followUp = random.next(100) < 30
            let month = 1 + random.next(12), day = 1 + random.next(28)
            return [
                names[random.next(names.count)],
                "Site \(Character(Unicode.Scalar(UInt8(65 + random.next(20)))))",
                "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)",
                String(random.next(101)),
                severities[random.next(severities.count)],
                followUp ? "yes" : "no",
                "Observation #\(index): guard rail & exit sign checked; \(outcomes[random.next(outcomes.count)]).",
            ]
        }
    }

    /// The benchmark document: title, statistics, a bar chart and the full table.
    static func inspectionReport(rows: [[String]]) -> ReportDocument {
        let scores = rows.compactMap { Double($0[3]) }
        let mean = scores.reduce(0, +) / Double(max(1, scores.count))
        let severities = ["low", "medium", "high", "critical"]
        let counts = severities.map { level in Double(rows.filter { $0[4] == level }.count) }
        let columns = [
            TableColumn(title: "Inspector", width: 1.3), TableColumn(title: "Site", width: 0.8),
            TableColumn(title: "Date", width: 1), TableColumn(title: "Score", width: 0.6, alignment: .trailing),
            TableColumn(title: "Severity", width: 0.9), TableColumn(title: "Follow-up", width: 0.8, alignment: .center),
            TableColumn(title: "Notes", width: 3.2),
        ]
        return ReportDocument(
            metadata: ReportMetadata(title: "Site inspections", author: "Formwork bench", creationDate: Date(timeIntervalSince1970: 1_767_225_600)),
            blocks: [
                .heading(level: 1, text: "Site inspections"),
                .paragraph(text: "\(rows.count) responses. Mean score \(String(format: "%.1f", mean)), minimum \(Int(scores.min() ?? 0)), maximum \(Int(scores.max() ?? 0)).", style: .body),
                .chart(ChartSpec(kind: .bar, title: "Responses by severity", categories: severities, series: [ChartSeries(name: "Responses", values: counts)])),
                .table(TableSpec(columns: columns, rows: rows)),
            ]
        )
    }

    /// VmHWM (peak resident set) from /proc/self/status, in MB; 0 where /proc is absent.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}

/// A tiny deterministic generator so the workload is identical on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A value in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}
