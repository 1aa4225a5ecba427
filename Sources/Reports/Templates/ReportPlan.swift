import FormCore
import Foundation

/// What a template needs collected while the responses stream past, derived once from the
/// template and the form (cross-tab fields filled in, table columns, validation on or off).
public struct ReportPlan: Sendable {
    /// The template, with every `crossTab` section's fields resolved.
    public var template: ReportTemplate
    /// Options for `ReportBuilder`.
    public var buildOptions: ReportBuildOptions

    /// Plans `template` for `form`. A `crossTab` section without fields uses the first two
    /// single-pick choice fields of the form and is dropped when the form has fewer.
    public init(template: ReportTemplate, form: Form, now: Date) {
        var template = template
        let categorical = ReportFields.answerable(in: form).filter { ReportFields.isCategorical($0.type) }.map(\.key)
        template.sections = template.sections.compactMap { section in
            guard section.type == .crossTab, section.rows == nil || section.columns == nil else { return section }
            var section = section
            let candidates = categorical.filter { $0 != section.rows && $0 != section.columns }
            if section.rows == nil { section.rows = candidates.first { $0 != section.columns } }
            if section.columns == nil { section.columns = candidates.first { $0 != section.rows } }
            return section.rows == nil || section.columns == nil ? nil : section
        }
        let sections = template.sections
        let table = sections.first { $0.type == .responses }
        let details = sections.first { $0.type == .responseDetails }
        let quality = sections.first { $0.type == .dataQuality }
        buildOptions = ReportBuildOptions(
            crossTabs: sections.filter { $0.type == .crossTab }.compactMap { s in
                s.rows.flatMap { rows in s.columns.map { CrossTabRequest(rows: rows, columns: $0) } }
            },
            includeTable: table != nil, tableColumns: table?.fields ?? [], tableLimit: table?.limit,
            includeDetails: details != nil, detailLimit: details?.limit,
            validate: quality.map { $0.validate ?? true } ?? false, now: now
        )
        self.template = template
    }
}
