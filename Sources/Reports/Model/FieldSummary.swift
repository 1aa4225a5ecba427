import FormCore

/// What a report knows about one field after reading every response.
public struct FieldSummary: Sendable, Equatable {
    /// The field's key (as in exports and expressions).
    public var key: String
    /// The question text.
    public var label: String
    /// The field type.
    public var type: FieldType
    /// Responses with an answer.
    public var answered: Int
    /// Responses without one (unanswered, cleared, or unreadable).
    public var missing: Int
    /// The type-specific statistics.
    public var statistics: FieldStatistics

    /// The label, or the key when the field has no label.
    public var title: String { label.isEmpty ? key : label }
}

/// Statistics by the kind of answer a field holds.
public enum FieldStatistics: Sendable, Equatable {
    /// Numbers: mean, median, spread, histogram.
    case number(NumberSummary)
    /// One or several picks from options.
    case categories(CategorySummary)
    /// Dates: range and counts per month.
    case dates(DateSummary)
    /// Free text: count and a sample.
    case text(TextSummary)
}

/// Accumulates one field's answers, choosing the statistics by field type.
///
/// The accumulators are separate optionals (only one is set) rather than enum payloads, so
/// `number?.add(_:)` mutates in place: re-wrapping an enum payload would copy the kept values
/// on every answer.
struct FieldAccumulator {
    let field: Field
    private(set) var missing = 0
    private var number: NumberAccumulator?
    private var categories: CategoryAccumulator?
    private var dates: DateAccumulator?
    private var text: TextAccumulator?

    init(field: Field, exactLimit: Int = NumberAccumulator.exactLimit) {
        self.field = field
        switch field.type.answerKind {
        case .number, .duration:
            number = NumberAccumulator(declaredMin: field.validation.min, declaredMax: field.validation.max, limit: exactLimit)
        case .date, .dateTime:
            dates = DateAccumulator()
        case .bool, .list:
            categories = CategoryAccumulator(field: field)
        default:
            if ReportFields.isCategorical(field.type) { categories = CategoryAccumulator(field: field) } else { text = TextAccumulator() }
        }
    }

    mutating func add(_ value: Value) {
        if value.isEmpty { missing += 1; return }
        if number != nil {
            if let n = value.asNumber { number?.add(n) } else { missing += 1 }
        } else if categories != nil {
            categories?.add(value)
        } else if dates != nil {
            dates?.add(value)
        } else {
            text?.add(value)
        }
    }

    func summary() -> FieldSummary {
        let statistics: FieldStatistics
        let answered: Int
        if let acc = number {
            statistics = .number(acc.summary()); answered = acc.count
        } else if let acc = categories {
            statistics = .categories(acc.summary()); answered = acc.answered
        } else if let acc = dates {
            statistics = .dates(acc.summary()); answered = acc.count
        } else {
            let acc = text ?? TextAccumulator()
            statistics = .text(acc.summary()); answered = acc.count
        }
        return FieldSummary(key: field.key, label: field.label, type: field.type, answered: answered, missing: missing, statistics: statistics)
    }
}
