/// A rule: when its condition holds, its action applies to its targets.
///
/// A rule whose condition is a single row keeps the original design's flat shape
/// `{id, sourceFieldId, condition, value, action, targetFieldIds}`; rows can also be grouped
/// with nested `all` / `any`.
public struct Rule: Hashable, Sendable, Identifiable {
    public var id: String
    public var when: RuleCondition
    public var action: RuleAction
    /// Fields the action applies to (`show`, `hide`, `require`, `disable`, `enable`, `set_value`).
    public var targetFieldIds: [FieldID]
    /// The value `set_value` writes, as an expression (`'closed'`, `${a} + 1`).
    public var setValue: String?
    /// The page `skip_to_page` jumps to.
    public var targetPageId: String?

    public init(id: String, when: RuleCondition, action: RuleAction, targetFieldIds: [FieldID] = [],
                setValue: String? = nil, targetPageId: String? = nil) {
        self.id = id
        self.when = when
        self.action = action
        self.targetFieldIds = targetFieldIds
        self.setValue = setValue
        self.targetPageId = targetPageId
    }
}

/// A rule's condition: one row, or rows combined with nested all/any.
public indirect enum RuleCondition: Hashable, Sendable {
    case row(ConditionRow)
    case all([RuleCondition])
    case any([RuleCondition])

    /// Every row in the tree, in order.
    public var rows: [ConditionRow] {
        switch self {
        case .row(let row): return [row]
        case .all(let items), .any(let items): return items.flatMap(\.rows)
        }
    }
}

/// One comparison of a field's answer: `source condition value`.
public struct ConditionRow: Hashable, Sendable {
    public var sourceFieldId: FieldID
    public var condition: RuleOperator
    /// Literal operand(s) as text: one for most operators, two for `between`, a list for `in`.
    public var value: RuleValue

    public init(sourceFieldId: FieldID, condition: RuleOperator, value: RuleValue = .none) {
        self.sourceFieldId = sourceFieldId
        self.condition = condition
        self.value = value
    }
}

/// The literal side of a condition row, as written in the form file.
public enum RuleValue: Hashable, Sendable {
    case none
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([RuleValue])
}

/// The comparison a condition row makes.
public enum RuleOperator: String, CaseIterable, Codable, Hashable, Sendable {
    case equals
    case notEquals = "not_equals"
    case contains
    case notContains = "not_contains"
    case greaterThan = "greater_than"
    case lessThan = "less_than"
    case greaterOrEqual = "greater_or_equal"
    case lessOrEqual = "less_or_equal"
    case isEmpty = "is_empty"
    case isNotEmpty = "is_not_empty"
    case `in`
    case between
    case matches

    /// Whether the operator takes a literal operand.
    public var takesValue: Bool { self != .isEmpty && self != .isNotEmpty }

    /// Operators that make sense for a field of the given answer kind (the rule editor offers these).
    public static func valid(for kind: AnswerKind) -> [RuleOperator] {
        switch kind {
        case .number, .date, .time, .dateTime, .duration:
            return [.equals, .notEquals, .greaterThan, .lessThan, .greaterOrEqual, .lessOrEqual,
                    .between, .in, .isEmpty, .isNotEmpty]
        case .text, .signature:
            return [.equals, .notEquals, .contains, .notContains, .in, .matches, .isEmpty, .isNotEmpty]
        case .bool:
            return [.equals, .notEquals, .isEmpty, .isNotEmpty]
        case .list, .record:
            return [.contains, .notContains, .isEmpty, .isNotEmpty]
        case .geopoint, .none:
            return [.isEmpty, .isNotEmpty]
        case .any:
            return RuleOperator.allCases
        }
    }
}

/// What a rule does to its targets when its condition holds.
public enum RuleAction: String, CaseIterable, Codable, Hashable, Sendable {
    case show
    case hide
    case require
    case disable
    case enable
    case setValue = "set_value"
    case skipToPage = "skip_to_page"
}
