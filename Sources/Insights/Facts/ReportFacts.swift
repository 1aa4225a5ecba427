import Foundation
import Reports

/// Turns a report model's statistics into fact tables: one for the report as a whole
/// ("overview") and one per field with answers (section = the field key). Every display string
/// is formatted the way the report prints numbers (`ReportNumber`), so a paragraph quoting a
/// fact matches the tables and charts next to it.
public enum ReportFacts {
    /// The section id of the report-level table.
    public static let overview = "overview"

    /// The fact tables of a report.
    public static func tables(for model: ReportModel, minimumSample: Int = 30) -> [FactTable] {
        var tables = [overviewTable(model, minimumSample: minimumSample)]
        for field in model.fields where field.answered > 0 {
            let facts = Self.facts(for: field)
            if !facts.isEmpty {
                tables.append(FactTable(section: field.key, title: field.title, facts: facts, minimumSampleForClaims: minimumSample))
            }
        }
        return tables
    }

    static func overviewTable(_ model: ReportModel, minimumSample: Int) -> FactTable {
        let n = model.responseCount
        var facts = [Fact(id: "F1", label: "responses", value: Double(n), display: String(n), kind: .count, sampleSize: n)]
        if n > 0, let worst = model.dataQuality.missing.filter({ $0.count > 0 }).max(by: { $0.count < $1.count }) {
            facts.append(Fact(id: "F2", label: "share of responses leaving '\(worst.title)' empty (the most skipped question)",
                              value: worst.percent / 100, display: ReportNumber.percent(worst.percent), kind: .share, sampleSize: n))
        }
        let problems = model.dataQuality.issues.reduce(0) { $0 + $1.count }
        if model.dataQuality.validated {
            facts.append(Fact(id: "F\(facts.count + 1)", label: "validation problems found", value: Double(problems), display: String(problems), kind: .count, sampleSize: n))
        }
        return FactTable(section: overview, title: model.form.title, facts: facts, minimumSampleForClaims: minimumSample)
    }

    static func facts(for field: FieldSummary) -> [Fact] {
        var facts: [Fact] = []
        func add(_ label: String, _ value: Double?, _ display: String, _ kind: FactKind, n: Int) {
            facts.append(Fact(id: "F\(facts.count + 1)", label: label, value: value, display: display, kind: kind, sampleSize: n))
        }
        let n = field.answered
        switch field.statistics {
        case .number(let s):
            add("answers", Double(n), String(n), .count, n: n)
            if let mean = s.mean { add("mean", mean, ReportNumber.format(mean), .average, n: n) }
            if let median = s.median { add(s.isExact ? "median" : "estimated median", median, ReportNumber.format(median, trim: true), .average, n: n) }
            if let low = s.min { add("lowest answer", low, ReportNumber.format(low, trim: true), .value, n: n) }
            if let high = s.max { add("highest answer", high, ReportNumber.format(high, trim: true), .value, n: n) }
            if let sd = s.standardDeviation { add("standard deviation", sd, ReportNumber.format(sd), .value, n: n) }
        case .categories(let s):
            add("responses answering", Double(s.answered), String(s.answered), .count, n: s.answered)
            if let mode = s.mode { add("'\(field.title)'", nil, "'\(mode.label)'", .top, n: s.answered) }
            for entry in s.entries.sorted(by: { $0.count > $1.count }).prefix(5) where entry.count > 0 {
                add("share choosing '\(entry.label)'", entry.percent / 100, ReportNumber.percent(entry.percent), .share, n: s.answered)
            }
        case .dates(let s):
            add("dates given", Double(s.count), String(s.count), .count, n: s.count)
            if let first = s.earliest { add("earliest date", nil, first.iso, .value, n: s.count) }
            if let last = s.latest { add("latest date", nil, last.iso, .value, n: s.count) }
            if let busiest = s.perMonth.max(by: { $0.count < $1.count }), busiest.count > 0 {
                add("answers in the busiest month, \(busiest.month)", Double(busiest.count), String(busiest.count), .count, n: s.count)
            }
        case .text(let s):
            add("written answers", Double(s.count), String(s.count), .count, n: s.count)
        }
        return facts
    }
}
