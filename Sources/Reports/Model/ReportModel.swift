import FormCore
import Foundation

/// Everything a report says about one form version and its responses, free of any format.
///
/// Built in one streaming pass by `ReportBuilder`; only the parts a template asks for that
/// need rows (the responses table) hold per-response data.
public struct ReportModel: Sendable {
    /// The form version reported on.
    public var form: Form
    /// Responses read.
    public var responseCount: Int
    /// Per-field statistics, in form order.
    public var fields: [FieldSummary]
    /// Cross-tabulations asked for by the template.
    public var crossTabs: [CrossTab]
    /// Missing answers and validation problems.
    public var dataQuality: DataQuality
    /// Every field described.
    public var codebook: [CodebookEntry]
    /// The full responses table, when the template includes it.
    public var table: ResponseTable?
    /// Per-response detail pages, when the template includes them.
    public var details: [ResponseDetail]
    /// Responses left out of `details` by the template's limit.
    public var detailsOmitted: Int
    /// Sentences written from the statistics by an `InsightWriter`.
    public var insights: [Insight]
    /// When the report was generated (`SOURCE_DATE_EPOCH` when set).
    public var generatedAt: Date

    /// The summary of the field with `key`.
    public func field(_ key: String) -> FieldSummary? { fields.first { $0.key == key } }
}

/// Responses as rows of text cells, in the columns the template chose.
public struct ResponseTable: Sendable, Equatable {
    /// Field keys of the columns.
    public var keys: [String]
    /// Column titles (field labels).
    public var titles: [String]
    /// One row per response.
    public var rows: [[String]]
    /// Responses left out because of the template's row limit.
    public var omitted: Int
}

/// One sentence about the data; `fieldKey` ties it to a field section (nil: about the whole report).
public struct Insight: Sendable, Equatable {
    /// The field it is about, if any.
    public var fieldKey: String?
    /// The sentence.
    public var text: String

    /// Creates an insight.
    public init(fieldKey: String?, text: String) {
        self.fieldKey = fieldKey
        self.text = text
    }
}

/// One response shown question by question.
public struct ResponseDetail: Sendable, Equatable {
    /// 1-based response number.
    public var number: Int
    /// (question title, answer text) for every answerable field, in form order.
    public var answers: [QuestionAnswer]

    /// Builds the detail of one response.
    public init(number: Int, answers: Answers, fields: [Field]) {
        self.number = number
        self.answers = fields.map { QuestionAnswer(question: $0.label.isEmpty ? $0.key : $0.label, answer: AnswerCoding.text(for: answers[$0.key])) }
    }
}

/// A question and its answer as text.
public struct QuestionAnswer: Sendable, Equatable {
    /// The question title.
    public var question: String
    /// The answer ("" when unanswered).
    public var answer: String
}
