import FormCore

/// Writes plain, deterministic sentences from the statistics alone: no network, no model, the
/// same words for the same numbers ("Overall safety score averaged 71.4 (median 74).").
public struct OfflineNarrator: InsightWriter {
    /// Creates the narrator.
    public init() {}

    /// One sentence per field with answers, one per cross-tabulation, and report-level notes
    /// on volume, missing answers and validation problems.
    public func insights(for model: ReportModel) -> [Insight] {
        var out = [Insight(fieldKey: nil, text: volume(model))]
        for field in model.fields {
            if let text = sentence(field) { out.append(Insight(fieldKey: field.key, text: text)) }
        }
        for tab in model.crossTabs {
            if let text = sentence(tab, model: model) { out.append(Insight(fieldKey: nil, text: text)) }
        }
        if let worst = model.dataQuality.missing.filter({ $0.count > 0 }).max(by: { $0.count < $1.count }), model.responseCount > 0 {
            out.append(Insight(fieldKey: nil, text: "“\(worst.title)” was left empty most often: in \(ReportNumber.percent(worst.percent)) of responses."))
        }
        if let top = model.dataQuality.issues.first {
            let total = model.dataQuality.issues.reduce(0) { $0 + $1.count }
            out.append(Insight(fieldKey: nil, text: "Validation found \(total) problem\(total == 1 ? "" : "s"); the most frequent is “\(top.path): \(top.message)” (\(top.count) response\(top.count == 1 ? "" : "s"))."))
        }
        return out
    }

    private func volume(_ model: ReportModel) -> String {
        let n = model.responseCount
        return "This report covers \(n) response\(n == 1 ? "" : "s") to “\(model.form.title)” (version \(model.form.version))."
    }

    func sentence(_ field: FieldSummary) -> String? {
        guard field.answered > 0 else { return nil }
        switch field.statistics {
        case .number(let s):
            let approx = s.isExact ? "" : " (estimated)"
            return "\(field.title) averaged \(ReportNumber.format(s.mean)) (median \(ReportNumber.format(s.median, trim: true))\(approx), range \(ReportNumber.format(s.min, trim: true))–\(ReportNumber.format(s.max, trim: true)))."
        case .categories(let s):
            guard let mode = s.mode else { return nil }
            if s.multiple {
                return "For “\(field.title)”, “\(mode.label)” was picked most often: by \(ReportNumber.percent(mode.percent)) of \(s.answered) respondents."
            }
            return "The most common answer to “\(field.title)” was “\(mode.label)” (\(ReportNumber.percent(mode.percent)) of \(s.answered))."
        case .dates(let s):
            guard let first = s.earliest, let last = s.latest else { return nil }
            let busiest = s.perMonth.reduce(nil) { (best: (month: String, count: Int)?, entry) in entry.count > (best?.count ?? 0) ? entry : best }
            let peak = busiest.map { "; the busiest month was \($0.month) (\($0.count))" } ?? ""
            return "“\(field.title)” runs from \(first.iso) to \(last.iso)\(peak)."
        case .text(let s):
            return "“\(field.title)” has \(s.count) written answer\(s.count == 1 ? "" : "s")."
        }
    }

    /// The cell whose share of its row is largest, among rows with at least 5 responses when
    /// there are any (small rows make shares noisy).
    func sentence(_ tab: CrossTab, model: ReportModel) -> String? {
        let totals = tab.rowTotals
        let minimum = totals.contains { $0 >= 5 } ? 5 : 1
        var best: (row: Int, column: Int, share: Double)?
        for (r, row) in tab.counts.enumerated() where totals[r] >= minimum {
            for (c, count) in row.enumerated() where count > 0 {
                let share = Double(count) / Double(totals[r])
                if share > (best?.share ?? 0) { best = (r, c, share) }
            }
        }
        guard let best else { return nil }
        let rowTitle = model.field(tab.rowKey)?.title ?? tab.rowKey
        let columnTitle = model.field(tab.columnKey)?.title ?? tab.columnKey
        let count = tab.counts[best.row][best.column]
        return "By \(rowTitle.lowercased()), “\(tab.columnLabels[best.column])” for “\(columnTitle)” is most frequent at \(tab.rowLabels[best.row]): \(ReportNumber.percent(best.share * 100)) (\(count) of \(totals[best.row]))."
    }
}
