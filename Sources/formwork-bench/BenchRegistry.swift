import Foundation

/// Benchmark suites by name. Each suite lives in its own file and prints `name value unit`.
enum BenchRegistry {
    static let suites: [String: () throws -> Void] = [
        "ai": AIBench.run,
        "docx": DOCXBench.run,
        "jobs": JobsBench.run,
        "pdf": ReportBench.run,
        "report": ReportExportBench.run,
        "rules": RulesBench.run,
        "tui": TUIBench.run,
        "queue": QueueBench.run,
        "ui": UIBench.run,
    ]
}
