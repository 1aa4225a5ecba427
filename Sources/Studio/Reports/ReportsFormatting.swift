import FormCore

/// Human sizes and times for the results and schedules tables.
enum ReportsFormatting {
    /// `812 B`, `1.2 KB`, `3.4 MB`, `1.0 GB`.
    static func size(_ bytes: Int64) -> String {
        guard bytes >= 1024 else { return "\(max(0, bytes)) B" }
        var value = Double(bytes) / 1024
        for unit in ["KB", "MB", "GB"] {
            if value < 1024 || unit == "GB" {
                let tenths = Int((value * 10).rounded())
                return "\(tenths / 10).\(tenths % 10) \(unit)"
            }
            value /= 1024
        }
        return "\(bytes) B"
    }

    /// `2026-11-27 03:10` in UTC (FormCore's civil-from-days, so no time-zone database is read).
    static func time(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        return "\(LocalDate(daysSince1970: Int(days)).iso) \(pad(rest / 3600)):\(pad(rest % 3600 / 60))"
    }

    static func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The text of one setup row.
    static func setupRow(_ row: ReportsSetupRow, _ r: ReportsState) -> String {
        func tick(_ on: Bool) -> String { on ? "[x]" : "[ ]" }
        switch row {
        case .form: return "Form      " + (r.form.map { "\($0.title) v\($0.version)" } ?? "(none published)")
        case .template: return "Template  \(r.template)"
        case .format(let format): return "\(tick(r.formats.contains(format))) \(format.label)"
        case .perResponse: return "Documents " + (r.perResponse ? "aggregate + per-response" : "aggregate")
        case .aiInsights: return "\(tick(r.aiInsights)) AI insights"
        }
    }
}
