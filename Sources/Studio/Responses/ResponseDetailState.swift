import FormCore
import TUIKit

/// One line of the read view: a label and its answer, indented under groups and repeats.
public struct DetailLine: Hashable, Sendable {
    /// How deep it sits (groups, repeat entries).
    public var depth: Int
    /// The field's label (or a group's title, or `#2` for a repeat entry).
    public var label: String
    /// The answer as text; nil for headings.
    public var answer: String?
}

/// One answer being edited: the field and its text.
public struct AnswerEdit: Hashable, Sendable {
    /// The field.
    public var field: Field
    /// The answer as text (lists `;`-separated, matrices as JSON).
    public var text: TextField
    /// Why the text does not fit the field, live.
    public var error: String?
    /// The keys of the repeat groups around the answer, outermost first (`[]` outside repeats).
    public var keys: [String] = []
    /// The entry of each of those repeat groups (0-based), in the same order.
    public var path: [Int] = []
    /// The entries the answer sits in, as shown before its label (`Dependents #2 › `).
    public var entry = ""

    /// The answer's name on screen and in problems: its entry, then its label.
    public var name: String { entry + (field.label.isEmpty ? field.key : field.label) }
}

/// An open response: its answers as lines, and the edit in progress.
public struct ResponseDetailState: Hashable, Sendable {
    /// The response.
    public var detail: ResponseDetail
    /// The read view's lines.
    public var lines: [DetailLine]
    /// The first line shown.
    public var offset = 0
    /// The answers being edited, while editing.
    public var edits: [AnswerEdit]?
    /// The focused edit.
    public var focus = 0
    /// Validation problems of the last save attempt.
    public var problems: [String] = []
    /// True while a save runs.
    public var saving = false
    /// The answers being saved, shown once the save succeeds.
    public var pending: Answers?
    /// The revision history, while it is open.
    public var history: ResponseHistoryState?

    /// Opens `detail` for reading.
    public init(detail: ResponseDetail) {
        self.detail = detail
        self.lines = Self.lines(detail.answers, fields: detail.form.pages.flatMap(\.fields), depth: 0)
    }

    /// Label → answer lines for `fields`, walking groups, repeat entries and matrices.
    static func lines(_ answers: Answers, fields: [Field], depth: Int) -> [DetailLine] {
        var lines: [DetailLine] = []
        for field in fields {
            let label = field.label.isEmpty ? field.key : field.label
            switch field.type {
            case .group:
                lines.append(DetailLine(depth: depth, label: label, answer: nil))
                lines += Self.lines(answers, fields: field.children, depth: depth + 1)
            case .repeatGroup:
                let instances = answers.repeats[field.key] ?? []
                lines.append(DetailLine(depth: depth, label: label, answer: instances.isEmpty ? "—" : nil))
                for (n, instance) in instances.enumerated() {
                    lines.append(DetailLine(depth: depth + 1, label: "#\(n + 1)", answer: nil))
                    lines += Self.lines(instance, fields: field.children, depth: depth + 2)
                }
            case .choiceMatrix, .multipleText:
                lines.append(DetailLine(depth: depth, label: label, answer: answers.values[field.key]?.isEmpty == false ? nil : "—"))
                lines += matrixLines(answers[field.key], field: field, depth: depth + 1)
            default:
                guard field.type.takesInput || field.type == .calculated else { continue }
                let value = answers[field.key]
                lines.append(DetailLine(depth: depth, label: label, answer: value.isEmpty ? "—" : AnswerCoding.text(for: value, field: field)))
            }
        }
        return lines
    }

    /// A matrix's rows (or a multiple-text field's parts), one line each.
    static func matrixLines(_ value: Value, field: Field, depth: Int) -> [DetailLine] {
        let items = value.asList
        let names = field.matrix?.rows.map { $0.label.isEmpty ? $0.value : $0.label } ?? []
        return items.enumerated().map { n, item in
            DetailLine(depth: depth, label: names.indices.contains(n) ? names[n] : "\(n + 1)", answer: item.isEmpty ? "—" : item.asString)
        }
    }

    /// The editable answers: every input field, those inside repeat groups once per entry.
    static func edits(_ detail: ResponseDetail) -> [AnswerEdit] {
        edits(detail.answers, fields: detail.form.pages.flatMap(\.fields), keys: [], path: [], entry: "")
    }

    /// The edits of one scope (the response, or one repeat entry), in form order.
    static func edits(_ answers: Answers, fields: [Field], keys: [String], path: [Int], entry: String) -> [AnswerEdit] {
        AnswersFile.scopeFields(fields).flatMap { field -> [AnswerEdit] in
            if field.type == .repeatGroup {
                let label = field.label.isEmpty ? field.key : field.label
                return (answers.repeats[field.key] ?? []).enumerated().flatMap { n, instance in
                    edits(instance, fields: field.children, keys: keys + [field.key], path: path + [n], entry: entry + "\(label) #\(n + 1) › ")
                }
            }
            guard field.type.takesInput else { return [] }
            let value = answers[field.key]
            return [AnswerEdit(field: field, text: TextField(value.isEmpty ? "" : AnswerCoding.text(for: value, field: field)),
                               keys: keys, path: path, entry: entry)]
        }
    }
}
