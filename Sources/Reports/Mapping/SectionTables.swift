/// Tables for the cross-tab, data-quality, codebook, responses and detail sections.
enum SectionTables {
    static func crossTab(_ tab: CrossTab, model: ReportModel) -> [ReportBlock] {
        let rowTotals = tab.rowTotals
        let columns = [TableColumn(title: model.field(tab.rowKey)?.title ?? tab.rowKey, width: 2)]
            + tab.columnLabels.map { TableColumn(title: $0, alignment: .trailing) } + [TableColumn(title: "Total", alignment: .trailing)]
        var rows = tab.rowLabels.enumerated().map { r, label in [label] + tab.counts[r].map(String.init) + [String(rowTotals[r])] }
        rows.append(["Total"] + tab.columnTotals.map(String.init) + [String(rowTotals.reduce(0, +))])
        let chart = ChartSpec(kind: .stackedBar, title: "\(model.field(tab.columnKey)?.title ?? tab.columnKey) by \(model.field(tab.rowKey)?.title ?? tab.rowKey)",
                              categories: tab.rowLabels,
                              series: tab.columnLabels.enumerated().map { c, label in ChartSeries(name: label, values: tab.counts.map { Double($0[c]) }) })
        var blocks: [ReportBlock] = [.table(TableSpec(columns: columns, rows: rows)), .chart(chart)]
        if let sentence = OfflineNarrator().sentence(tab, model: model) { blocks.append(.paragraph(text: sentence, style: .quote)) }
        return blocks
    }

    static func dataQuality(_ quality: DataQuality) -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .paragraph(text: "Missing answers per question", style: .strong),
            .table(TableSpec(columns: [TableColumn(title: "Question", width: 3), TableColumn(title: "Missing", alignment: .trailing),
                                       TableColumn(title: "%", alignment: .trailing)],
                             rows: quality.missing.map { [$0.title, String($0.count), ReportNumber.percent($0.percent)] })),
        ]
        if quality.issues.isEmpty {
            blocks.append(.paragraph(text: quality.validated ? "Validation found no problems." : "Responses were not validated.", style: .body))
        } else {
            blocks.append(.paragraph(text: "Problems found by validation", style: .strong))
            let rows = quality.issues.map { issue in
                [issue.path, issue.message, issue.severity.rawValue, String(issue.count), issue.examples.map(String.init).joined(separator: ", ")]
            }
            blocks.append(.table(TableSpec(columns: [TableColumn(title: "Field", width: 1.2), TableColumn(title: "Problem", width: 3),
                                                     TableColumn(title: "Severity"), TableColumn(title: "Responses", alignment: .trailing),
                                                     TableColumn(title: "e.g. #", width: 1.2)], rows: rows)))
        }
        return blocks
    }

    static func codebook(_ entries: [CodebookEntry]) -> TableSpec {
        let rows = entries.map { entry in
            [String(repeating: "  ", count: entry.depth) + entry.key, entry.label, entry.typeName,
             entry.choices.joined(separator: "; "), entry.rules.joined(separator: " ")]
        }
        return TableSpec(columns: [TableColumn(title: "Key", width: 1.2), TableColumn(title: "Question", width: 2.2),
                                   TableColumn(title: "Type", width: 1), TableColumn(title: "Options", width: 1.6),
                                   TableColumn(title: "Rules", width: 2.6)], rows: rows)
    }

    static func responses(_ table: ResponseTable?) -> [ReportBlock] {
        guard let table else { return [] }
        let columns = table.titles.enumerated().map { index, title in TableColumn(title: title, width: index == 0 ? 0.5 : 1) }
        var blocks: [ReportBlock] = [.table(TableSpec(columns: columns, rows: table.rows))]
        if table.omitted > 0 { blocks.append(.paragraph(text: "\(table.omitted) more responses are not shown (template limit).", style: .caption)) }
        return blocks
    }

    static func detail(_ detail: ResponseDetail, title: String) -> [ReportBlock] {
        [.heading(level: 2, text: title),
         .table(TableSpec(columns: [TableColumn(title: "Question", width: 2), TableColumn(title: "Answer", width: 3)],
                          rows: detail.answers.map { [$0.question, $0.answer] }))]
    }
}
