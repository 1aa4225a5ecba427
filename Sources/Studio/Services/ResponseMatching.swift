import FormCore
import Foundation

/// What the response services share, pure: the text of answers in table cells, and the
/// `/` filter's expression evaluated against one response.
public enum ResponseMatching {
    /// The fields that hold one answer per response (plain groups flattened, repeats kept as one).
    public static func columnFields(_ form: Form) -> [Field] {
        AnswersFile.scopeFields(form.pages.flatMap(\.fields)).filter { $0.type.takesInput || $0.type == .calculated || $0.type == .repeatGroup }
    }

    /// Cell texts by field key; a repeat group shows how many entries it has.
    public static func cells(_ answers: Answers, form: Form) -> [String: String] {
        var cells: [String: String] = [:]
        for field in columnFields(form) {
            if field.type == .repeatGroup {
                let count = answers.repeats[field.key]?.count ?? 0
                if count > 0 { cells[field.key] = "\(count) entr\(count == 1 ? "y" : "ies")" }
            } else if let value = answers.values[field.key], !value.isEmpty {
                cells[field.key] = AnswerCoding.text(for: value, field: field)
            }
        }
        return cells
    }

    /// Parses a filter; empty text is no filter (nil).
    public static func parse(_ text: String) throws -> FormExpression? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try ExpressionParser.parse(text)
    }

    /// Whether `answers` make `expression` true. Answers inside repeats are columns (for
    /// `sum`, `count`…); an expression that fails to evaluate matches nothing.
    public static func matches(_ expression: FormExpression, _ answers: Answers, now: Date = Date()) -> Bool {
        let context = DictionaryContext(values: answers.values, repeats: repeatColumns(answers), now: now)
        return (try? expression.evaluateCondition(in: context)) ?? false
    }

    static func repeatColumns(_ answers: Answers) -> [String: [Value]] {
        var columns: [String: [Value]] = [:]
        for instances in answers.repeats.values {
            for instance in instances {
                for (key, value) in instance.values { columns[key, default: []].append(value) }
                for (key, values) in repeatColumns(instance) { columns[key, default: []] += values }
            }
        }
        return columns
    }

    /// Orders two answers for sorting: empty last, numbers by value, anything else by its text.
    public static func ascending(_ a: Value, _ b: Value) -> Bool {
        if a.isEmpty || b.isEmpty { return !a.isEmpty && b.isEmpty }
        if let x = a.asNumber, let y = b.asNumber, case .number = a, case .number = b { return x < y }
        return a.asString.localizedStandardCompare(b.asString) == .orderedAscending
    }
}
