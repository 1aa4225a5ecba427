import FormCore
import Foundation

/// One response to write to a sheet.
public struct PushResponse: Equatable, Sendable {
    /// The response id (first column, so rows stay identifiable).
    public var id: String
    /// When it was submitted, as ISO text.
    public var submittedAt: String?
    /// The answers.
    public var answers: Answers

    /// A response from its parts.
    public init(id: String, submittedAt: String?, answers: Answers) {
        self.id = id
        self.submittedAt = submittedAt
        self.answers = answers
    }
}

/// The tables a push writes: one row per response, and a summary per field.
public enum SheetExport {
    /// The fields that get a column, in form order.
    static func fields(_ form: Form) -> [Field] {
        AnswersFile.scopeFields(form.pages.flatMap(\.fields)).filter { ![.note, .group, .repeatGroup].contains($0.type) }
    }

    /// Header (`response_id`, `submitted_at`, then field keys) and one row per response.
    /// Numbers stay numbers; every other answer is text in the CSV encoding.
    public static func responseRows(form: Form, responses: [PushResponse]) -> [[SheetValue]] {
        let fields = fields(form)
        let header = [SheetValue.string("response_id"), .string("submitted_at")] + fields.map { SheetValue.string($0.key) }
        return [header] + responses.map { response in
            [.string(response.id), response.submittedAt.map(SheetValue.string) ?? .empty] + fields.map { field in
                cell(response.answers[field.key], field: field)
            }
        }
    }

    /// One summary row per field: answered count, and mean/min/max for numbers or the most
    /// frequent answers for everything else.
    public static func summaryRows(form: Form, responses: [PushResponse]) -> [[SheetValue]] {
        var rows: [[SheetValue]] = [["field", "label", "answered", "mean", "min", "max", "top answers"].map(SheetValue.string)]
        for field in fields(form) {
            let values = responses.map { $0.answers[field.key] }.filter { !$0.isEmpty }
            var row: [SheetValue] = [.string(field.key), .string(field.label), .number(Double(values.count))]
            let numbers = values.compactMap { value -> Double? in if case .number(let n) = value { return n } else { return nil } }
            if !numbers.isEmpty, numbers.count == values.count {
                let mean = numbers.reduce(0, +) / Double(numbers.count)
                row += [.number((mean * 100).rounded() / 100), .number(numbers.min() ?? 0), .number(numbers.max() ?? 0), .empty]
            } else {
                row += [.empty, .empty, .empty, .string(topAnswers(values))]
            }
            rows.append(row)
        }
        return rows
    }

    private static func cell(_ value: Value, field: Field) -> SheetValue {
        if value.isEmpty { return .empty }
        if case .number(let n) = value { return .number(n) }
        return .string(AnswerCoding.text(for: value, field: field))
    }

    private static func topAnswers(_ values: [Value]) -> String {
        var counts: [String: Int] = [:]
        for value in values {
            let items: [Value]
            if case .list(let list) = value { items = list } else { items = [value] }
            for item in items { counts[AnswerCoding.text(for: item), default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(3).map { "\($0.key) (\($0.value))" }.joined(separator: "; ")
    }
}
