import FormCore

/// Counts of the options of a choice field (single or multiple), in the form's option order
/// followed by any other answers seen, alphabetically.
public struct CategorySummary: Sendable, Equatable {
    /// One option.
    public struct Entry: Sendable, Equatable {
        /// The stored value.
        public var value: String
        /// What respondents read.
        public var label: String
        /// How many responses picked it.
        public var count: Int
        /// `count` as a percentage of the responses that answered the field (0…100).
        public var percent: Double
    }

    /// Responses that answered the field.
    public var answered: Int
    /// Options with their counts.
    public var entries: [Entry]
    /// Whether several options can be picked (percentages then need not sum to 100).
    public var multiple: Bool

    /// The most picked option (the first in option order on a tie), or nil without answers.
    public var mode: Entry? {
        entries.reduce(nil) { best, entry in entry.count > (best?.count ?? 0) ? entry : best }
    }
}

/// Counts answers per option as they stream past.
struct CategoryAccumulator {
    private let options: [Choice]
    private let multiple: Bool
    private(set) var answered = 0
    private var counts: [String: Int] = [:]

    init(field: Field) {
        switch field.type {
        case .yesNo, .consent:
            options = [Choice(value: "yes", label: "Yes"), Choice(value: "no", label: "No")]
        default:
            options = field.choices?.staticChoices ?? []
        }
        multiple = field.type.answerKind == .list
    }

    mutating func add(_ value: Value) {
        answered += 1
        switch value {
        case .bool(let b): counts[b ? "yes" : "no", default: 0] += 1
        case .list(let items):
            // An option picked twice in one answer still counts once for that response.
            for item in Set(items.map(\.asString)) where !item.isEmpty { counts[item, default: 0] += 1 }
        default: counts[value.asString, default: 0] += 1
        }
    }

    /// The count for one stored value so far.
    func count(of value: String) -> Int { counts[value] ?? 0 }

    func summary() -> CategorySummary {
        let known = Set(options.map(\.value))
        let extra = counts.keys.filter { !known.contains($0) }.sorted()
        let all = options + extra.map { Choice(value: $0) }
        let total = Double(max(answered, 1))
        let entries = all.map { choice -> CategorySummary.Entry in
            let count = counts[choice.value] ?? 0
            return CategorySummary.Entry(value: choice.value, label: choice.label, count: count, percent: Double(count) / total * 100)
        }
        return CategorySummary(answered: answered, entries: entries, multiple: multiple)
    }
}
