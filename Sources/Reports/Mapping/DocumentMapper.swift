import FormCore
import Foundation

/// Turns a `ReportModel` into a format-free `ReportDocument`, section by section as the
/// template orders them. Every string is sanitised on the way out.
public struct DocumentMapper {
    /// The planned template (cross-tab fields resolved).
    public let template: ReportTemplate
    /// The statistics and tables.
    public let model: ReportModel

    /// Creates a mapper.
    public init(template: ReportTemplate, model: ReportModel) {
        self.template = template
        self.model = model
    }

    /// The document: title, subtitle, then each section's blocks.
    public func document() throws -> ReportDocument {
        let context = MustacheText.context(for: model, templateName: template.name)
        let title = try MustacheText.render(template.title, context: context)
        let subtitle = try template.subtitle.map { try MustacheText.render($0, context: context) }
        var blocks: [ReportBlock] = [.heading(level: 1, text: title)]
        if let subtitle, !subtitle.isEmpty { blocks.append(.paragraph(text: subtitle, style: .caption)) }
        for section in template.sections {
            blocks += try self.blocks(for: section, context: context)
        }
        let metadata = ReportMetadata(title: title, author: "Formwork", subject: subtitle ?? "",
                                      keywords: [model.form.id, template.name], creationDate: model.generatedAt)
        return ReportDocument(metadata: metadata, blocks: blocks).sanitized()
    }

    private func heading(_ section: ReportSection, _ fallback: String, context: [String: Any]) throws -> ReportBlock {
        .heading(level: 2, text: try section.title.map { try MustacheText.render($0, context: context) } ?? fallback)
    }

    func blocks(for section: ReportSection, context: [String: Any]) throws -> [ReportBlock] {
        switch section.type {
        case .text:
            let body = try MustacheText.render(section.text ?? "", context: context)
            let paragraphs = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }.map { ReportBlock.paragraph(text: $0, style: .body) }
            return (section.title == nil ? [] : [try heading(section, "", context: context)]) + paragraphs
        case .toc:
            return [.tableOfContents]
        case .pageBreak:
            return [.pageBreak]
        case .overview:
            return [try heading(section, "Overview", context: context)] + overview()
        case .insights:
            let sentences = model.insights.filter { $0.fieldKey == nil }.map(\.text)
            return [try heading(section, "Key findings", context: context), .bulletList(items: sentences)]
        case .fields:
            return [try heading(section, "Results by question", context: context)] + (try fieldBlocks(section))
        case .crossTab:
            guard let tab = model.crossTabs.first(where: { $0.rowKey == section.rows && $0.columnKey == section.columns }) else { return [] }
            let fallback = "\(model.field(tab.rowKey)?.title ?? tab.rowKey) by \(model.field(tab.columnKey)?.title ?? tab.columnKey)"
            return [try heading(section, fallback, context: context)] + SectionTables.crossTab(tab, model: model)
        case .dataQuality:
            return [try heading(section, "Data quality", context: context)] + SectionTables.dataQuality(model.dataQuality)
        case .codebook:
            return [try heading(section, "Codebook", context: context), .table(SectionTables.codebook(model.codebook))]
        case .responses:
            return [try heading(section, "Responses", context: context)] + SectionTables.responses(model.table)
        case .responseDetails:
            return try detailBlocks(section, context: context)
        }
    }

    private func overview() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if let description = model.form.description, !description.isEmpty { blocks.append(.paragraph(text: description, style: .body)) }
        let rows = [
            ["Form", "\(model.form.title) (\(model.form.id), version \(model.form.version))"],
            ["Responses", String(model.responseCount)],
            ["Questions", String(model.fields.count)],
            ["Generated", MustacheText.isoDate(model.generatedAt)],
        ]
        blocks.append(.table(TableSpec(columns: [TableColumn(title: "Item", width: 1), TableColumn(title: "Value", width: 3)], rows: rows)))
        return blocks
    }

    private func fieldBlocks(_ section: ReportSection) throws -> [ReportBlock] {
        let wanted: [FieldSummary] = try (section.fields ?? []).isEmpty ? model.fields : (section.fields ?? []).map { key in
            guard let field = model.field(key) else { throw ReportBuildError.unknownField(key: key, context: "fields section") }
            return field
        }
        let style = FieldBlocks.Style(charts: section.charts ?? true, choiceChart: ChartKind(templateName: section.chart))
        return wanted.flatMap { field in
            FieldBlocks.blocks(for: field, style: style, insight: model.insights.first { $0.fieldKey == field.key }?.text)
        }
    }

    private func detailBlocks(_ section: ReportSection, context: [String: Any]) throws -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        for (index, detail) in model.details.enumerated() {
            if index > 0 { blocks.append(.pageBreak) }
            blocks += SectionTables.detail(detail, title: "\(try section.title.map { try MustacheText.render($0, context: context) } ?? "Response") \(detail.number)")
        }
        if model.detailsOmitted > 0 {
            blocks.append(.paragraph(text: "\(model.detailsOmitted) more responses are not shown (template limit).", style: .caption))
        }
        return blocks
    }
}

extension ChartKind {
    /// The chart kind a template names for choice fields (`bar`, `pie`, `donut`); bar otherwise.
    init(templateName: String?) {
        switch templateName?.lowercased() {
        case "pie": self = .pie
        case "donut", "doughnut": self = .donut
        default: self = .bar
        }
    }
}
