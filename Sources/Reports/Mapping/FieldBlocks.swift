/// The blocks describing one field: a heading, a caption, a statistics table, a chart and the
/// narrator's sentence.
enum FieldBlocks {
    /// Per-section display choices.
    struct Style {
        var charts: Bool
        var choiceChart: ChartKind
    }

    static func blocks(for field: FieldSummary, style: Style, insight: String?) -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .heading(level: 3, text: field.title),
            .paragraph(text: "\(field.key) · \(field.type.displayName) · \(field.answered) answered, \(field.missing) missing", style: .caption),
        ]
        switch field.statistics {
        case .number(let s):
            blocks.append(.table(numberTable(s)))
            if style.charts, !s.histogram.isEmpty {
                blocks.append(.chart(ChartSpec(kind: .histogram, title: "Distribution of \(field.title)",
                                               categories: s.histogram.map(\.label),
                                               series: [ChartSeries(name: "Responses", values: s.histogram.map { Double($0.count) })])))
            }
        case .categories(let s):
            blocks.append(.table(categoryTable(s)))
            if style.charts, s.answered > 0 {
                let kind: ChartKind = s.multiple ? .bar : style.choiceChart
                blocks.append(.chart(ChartSpec(kind: kind, title: field.title, categories: s.entries.map(\.label),
                                               series: [ChartSeries(name: "Responses", values: s.entries.map { Double($0.count) })])))
            }
        case .dates(let s):
            let rows = [["Earliest", s.earliest?.iso ?? "–"], ["Latest", s.latest?.iso ?? "–"], ["Answers", String(s.count)]]
            blocks.append(.table(TableSpec(columns: [TableColumn(title: "Statistic"), TableColumn(title: "Value", alignment: .trailing)], rows: rows)))
            if style.charts, s.perMonth.count > 1 {
                blocks.append(.chart(ChartSpec(kind: .line, title: "\(field.title) per month", categories: s.perMonth.map(\.month),
                                               series: [ChartSeries(name: "Responses", values: s.perMonth.map { Double($0.count) })])))
            }
        case .text(let s):
            if !s.distinctSample.isEmpty {
                blocks.append(.paragraph(text: "Sample answers:", style: .strong))
                blocks.append(.bulletList(items: s.distinctSample))
            }
        }
        if let insight { blocks.append(.paragraph(text: insight, style: .quote)) }
        return blocks
    }

    static func numberTable(_ s: NumberSummary) -> TableSpec {
        let estimate = s.isExact ? "" : " (estimate)"
        let rows = [
            ["Answers", String(s.count)],
            ["Mean", ReportNumber.format(s.mean, digits: 2)],
            ["Median" + estimate, ReportNumber.format(s.median, digits: 2, trim: true)],
            ["Standard deviation", ReportNumber.format(s.standardDeviation, digits: 2)],
            ["Minimum", ReportNumber.format(s.min, digits: 2, trim: true)],
            ["Maximum", ReportNumber.format(s.max, digits: 2, trim: true)],
        ]
        return TableSpec(columns: [TableColumn(title: "Statistic"), TableColumn(title: "Value", alignment: .trailing)], rows: rows)
    }

    static func categoryTable(_ s: CategorySummary) -> TableSpec {
        let rows = s.entries.map { [$0.label, String($0.count), ReportNumber.percent($0.percent)] }
        return TableSpec(columns: [TableColumn(title: "Answer", width: 3), TableColumn(title: "Count", alignment: .trailing),
                                   TableColumn(title: s.multiple ? "% of respondents" : "%", alignment: .trailing)], rows: rows)
    }
}
