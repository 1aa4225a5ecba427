import Foundation

/// A report template: which sections appear, in which order, with which titles and options.
/// Stored as JSON (format tag `formwork.report-template`); see docs/reports.md.
public struct ReportTemplate: Sendable, Equatable, Codable {
    /// The format tag every template file carries.
    public static let formatTag = "formwork.report-template"

    /// Format tag; must be `formwork.report-template` when present.
    public var format: String?
    /// The template's name (`summary`, or the file name without `.json`).
    public var name: String
    /// Document title, a Mustache text (`{{form.title}}`).
    public var title: String
    /// Optional line under the title (Mustache).
    public var subtitle: String?
    /// The sections in order.
    public var sections: [ReportSection]

    /// Creates a template.
    public init(name: String, title: String, subtitle: String? = nil, sections: [ReportSection]) {
        self.format = Self.formatTag
        self.name = name
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}

/// One section of a template. Only the options meaningful for its `type` are read.
public struct ReportSection: Sendable, Equatable, Codable {
    /// What the section shows.
    public var type: ReportSectionType
    /// Heading; each type has a default (Mustache).
    public var title: String?
    /// `text`: the paragraph(s), Mustache; blank lines separate paragraphs.
    public var text: String?
    /// `fields`: which field keys (default: all); `responses`: the table's columns.
    public var fields: [String]?
    /// `fields`: draw charts (default true).
    public var charts: Bool?
    /// `fields`: chart kind for choice fields: `bar` (default), `pie` or `donut`.
    public var chart: String?
    /// `crossTab`: the field whose options are rows.
    public var rows: String?
    /// `crossTab`: the field whose options are columns.
    public var columns: String?
    /// `responses` and `responseDetails`: at most this many responses.
    public var limit: Int?
    /// `dataQuality`: run rules and validation on every response (default true).
    public var validate: Bool?

    /// Creates a section of `type` with no options set.
    public init(type: ReportSectionType, title: String? = nil, text: String? = nil, fields: [String]? = nil,
                charts: Bool? = nil, chart: String? = nil, rows: String? = nil, columns: String? = nil,
                limit: Int? = nil, validate: Bool? = nil) {
        self.type = type
        self.title = title
        self.text = text
        self.fields = fields
        self.charts = charts
        self.chart = chart
        self.rows = rows
        self.columns = columns
        self.limit = limit
        self.validate = validate
    }
}

/// The kinds of section a template can use.
public enum ReportSectionType: String, Sendable, Equatable, Codable, CaseIterable {
    /// Free text (Mustache).
    case text
    /// Table of contents built from the headings.
    case toc
    /// Response count, form description, generation date.
    case overview
    /// The narrator's report-level sentences.
    case insights
    /// Per-field statistics, tables and charts.
    case fields
    /// A cross-tabulation of two choice fields, with a stacked bar chart.
    case crossTab
    /// Missing answers per field and grouped validation problems.
    case dataQuality
    /// Every field with key, type, options and rules in words.
    case codebook
    /// The responses as one table.
    case responses
    /// One page per response: every question with its answer.
    case responseDetails
    /// Starts a new page.
    case pageBreak
}
