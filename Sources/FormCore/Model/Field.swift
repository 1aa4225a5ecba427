/// A field's stable identity: never shown, never changed, what rules refer to.
public typealias FieldID = String

/// One question, note, calculation or container in a form's field tree.
///
/// `id` never changes; `key` is the name people type in expressions and see in exports,
/// unique within its scope (the form, or the nearest enclosing repeat group).
public struct Field: Hashable, Sendable, Identifiable {
    public var id: FieldID
    public var key: String
    public var type: FieldType
    public var label: String
    public var help: String?
    /// Always required (a `requiredIf` expression or a `require` rule can also require it).
    public var required: Bool
    public var choices: ChoiceSource?
    public var validation: FieldValidation
    public var visibleIf: String?
    public var requiredIf: String?
    public var enabledIf: String?
    public var calculate: String?
    /// A literal or an expression evaluated when a response starts.
    public var defaultValue: String?
    public var constraint: Constraint?
    public var hiddenValuePolicy: HiddenValuePolicy
    /// Rows and columns of a choice matrix; item labels of a multiple-text field.
    public var matrix: MatrixSpec?
    public var repeatSpec: RepeatSpec?
    /// Children of a group or repeat group.
    public var children: [Field]

    /// A field with the given identity and sensible defaults for everything else.
    public init(id: FieldID, key: String, type: FieldType, label: String = "", help: String? = nil,
                required: Bool = false, choices: ChoiceSource? = nil,
                validation: FieldValidation = FieldValidation(), visibleIf: String? = nil,
                requiredIf: String? = nil, enabledIf: String? = nil, calculate: String? = nil,
                defaultValue: String? = nil, constraint: Constraint? = nil,
                hiddenValuePolicy: HiddenValuePolicy = .clear, matrix: MatrixSpec? = nil,
                repeatSpec: RepeatSpec? = nil, children: [Field] = []) {
        self.id = id
        self.key = key
        self.type = type
        self.label = label
        self.help = help
        self.required = required
        self.choices = choices
        self.validation = validation
        self.visibleIf = visibleIf
        self.requiredIf = requiredIf
        self.enabledIf = enabledIf
        self.calculate = calculate
        self.defaultValue = defaultValue
        self.constraint = constraint
        self.hiddenValuePolicy = hiddenValuePolicy
        self.matrix = matrix
        self.repeatSpec = repeatSpec
        self.children = children
    }

    /// The expressions this field carries, by property name, for the linter and the explainer.
    public var expressions: [(property: FieldProperty, text: String)] {
        var out: [(FieldProperty, String)] = []
        if let visibleIf { out.append((.visibleIf, visibleIf)) }
        if let requiredIf { out.append((.requiredIf, requiredIf)) }
        if let enabledIf { out.append((.enabledIf, enabledIf)) }
        if let calculate { out.append((.calculate, calculate)) }
        if let defaultValue { out.append((.defaultValue, defaultValue)) }
        if let constraint { out.append((.constraint, constraint.expression)) }
        if case .filtered(_, let filter)? = choices { out.append((.choiceFilter, filter)) }
        if let count = repeatSpec?.countExpression { out.append((.repeatCount, count)) }
        return out
    }
}

/// A property of a field that holds an expression.
public enum FieldProperty: String, Sendable, Hashable, CaseIterable {
    case visibleIf, requiredIf, enabledIf, calculate, constraint, choiceFilter, repeatCount, defaultValue
}

/// What happens to an answer when its field becomes hidden.
public enum HiddenValuePolicy: String, CaseIterable, Codable, Sendable, Hashable {
    /// The answer is dropped: expressions see it as empty and exports leave it out.
    case clear
    /// The answer is kept and still seen by expressions.
    case keep
}

/// One option of a choice field.
public struct Choice: Codable, Hashable, Sendable {
    /// The stored value (what exports and expressions see).
    public var value: String
    /// What a respondent reads.
    public var label: String

    public init(value: String, label: String? = nil) {
        self.value = value
        self.label = label ?? value
    }
}

/// Where a choice field's options come from.
public enum ChoiceSource: Hashable, Sendable {
    /// A fixed list written in the form.
    case list([Choice])
    /// Rows of a CSV file (path relative to the form file): `value` and `label` columns.
    case csv(path: String, valueColumn: String, labelColumn: String)
    /// A list filtered per response by an expression in which `${choice}` names the option's value
    /// (cascading selects, e.g. `${choice} startswith ${region}`).
    case filtered([Choice], filter: String)

    /// The static options when they are known without reading a file.
    public var staticChoices: [Choice]? {
        switch self {
        case .list(let choices), .filtered(let choices, _): return choices
        case .csv: return nil
        }
    }
}

/// Built-in checks on an answer, all optional.
public struct FieldValidation: Codable, Hashable, Sendable {
    public var min: Double?
    public var max: Double?
    public var minLength: Int?
    public var maxLength: Int?
    /// A regular expression the whole answer must match.
    public var pattern: String?
    public var patternMessage: String?
    /// Smallest and largest number of picks of a multiple choice.
    public var minPicks: Int?
    public var maxPicks: Int?
    /// Earliest and latest date (ISO `yyyy-mm-dd`).
    public var minDate: String?
    public var maxDate: String?
    /// Step of a range or decimal; a rating's largest value is `max`.
    public var step: Double?
    /// ISO 4217 code of a currency field.
    public var currencyCode: String?

    public init(min: Double? = nil, max: Double? = nil, minLength: Int? = nil, maxLength: Int? = nil,
                pattern: String? = nil, patternMessage: String? = nil, minPicks: Int? = nil,
                maxPicks: Int? = nil, minDate: String? = nil, maxDate: String? = nil,
                step: Double? = nil, currencyCode: String? = nil) {
        self.min = min
        self.max = max
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.patternMessage = patternMessage
        self.minPicks = minPicks
        self.maxPicks = maxPicks
        self.minDate = minDate
        self.maxDate = maxDate
        self.step = step
        self.currencyCode = currencyCode
    }

    /// True when no check is set (the form file then omits the object).
    public var isEmpty: Bool { self == FieldValidation() }
}

/// A custom check: an expression that must hold, with what to say when it does not.
public struct Constraint: Codable, Hashable, Sendable {
    public var expression: String
    public var message: String
    public var severity: Severity

    public init(expression: String, message: String, severity: Severity = .error) {
        self.expression = expression
        self.message = message
        self.severity = severity
    }
}

/// How serious a problem is: errors block submission, warnings do not.
public enum Severity: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// Rows and columns of a choice matrix, or the items of a multiple-text field (rows only).
public struct MatrixSpec: Codable, Hashable, Sendable {
    public var rows: [Choice]
    public var columns: [Choice]

    public init(rows: [Choice], columns: [Choice] = []) {
        self.rows = rows
        self.columns = columns
    }
}

/// How many instances a repeat group has.
public struct RepeatSpec: Codable, Hashable, Sendable {
    public var minCount: Int
    public var maxCount: Int?
    /// When set, the number of instances is this expression's value.
    public var countExpression: String?

    public init(minCount: Int = 0, maxCount: Int? = nil, countExpression: String? = nil) {
        self.minCount = minCount
        self.maxCount = maxCount
        self.countExpression = countExpression
    }
}
