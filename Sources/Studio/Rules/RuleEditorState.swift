import FormCore
import TUIKit

/// The rule editor: the form's rules on the left, the selected rule's rows on the right.
public struct RuleEditorState: Hashable, Sendable {
    /// Which side has the keys.
    public enum Focus: Hashable, Sendable {
        /// The rules list.
        case list
        /// The selected rule's lines.
        case editor
    }

    /// The raw-expression editor of the selected rule's condition.
    public struct RawState: Hashable, Sendable {
        /// The expression text.
        public var field: TextField
        /// The live parse error, if any.
        public var error: String?
        /// Its 1-based column.
        public var errorColumn: Int?
    }

    /// The highlighted rule.
    public var selectedRule = 0
    /// The focused side.
    public var focus: Focus = .list
    /// The cursor line in the editor (0 action, 1 targets, then condition lines).
    public var line = 0
    /// The part of a row: 0 source, 1 operator, 2 value.
    public var column = 0
    /// Raw-expression mode, while on.
    public var raw: RawState?
    /// The field the editor was opened from (new rules target it).
    public var focusField: FieldID?

    /// Opens the editor on `form`, highlighting the first rule that touches `focusField`.
    public init(form: Form, focusField: FieldID?) {
        self.focusField = focusField
        if let focusField, let index = form.rules.firstIndex(where: { $0.targetFieldIds.contains(focusField) || $0.when.rows.contains { $0.sourceFieldId == focusField } }) {
            selectedRule = index
        }
    }
}

/// Commands of the rule editor; the raw value is the command id.
public enum RuleEditorAction: String, CaseIterable, Sendable {
    /// Previous rule or line.
    case up = "rules.up"
    /// Next rule or line.
    case down = "rules.down"
    /// Previous part of a row.
    case left = "rules.left"
    /// Next part of a row.
    case right = "rules.right"
    /// Open the selected rule / edit the part under the cursor.
    case edit = "rules.edit"
    /// Add a rule targeting the builder's selected field.
    case newRule = "rules.new"
    /// Delete the selected rule (list) or row (editor).
    case delete = "rules.delete"
    /// Add a row after the cursor.
    case addRow = "rules.addRow"
    /// Add a nested any/all group after the cursor.
    case addGroup = "rules.addGroup"
    /// Switch a group between all and any.
    case toggleGroup = "rules.toggleGroup"
    /// Switch between rows and the raw expression.
    case toggleRaw = "rules.toggleRaw"
    /// Back to the list, or to the builder.
    case back = "rules.back"
}

/// One line of a condition tree as the editor shows it.
struct ConditionLine: Hashable {
    /// Indices from the root condition down to this node.
    let path: [Int]
    /// Nesting depth.
    let depth: Int
    /// The row, or nil for a group header.
    let row: ConditionRow?
    /// For a group header: true for all, false for any.
    let isAll: Bool

    static func flatten(_ condition: RuleCondition, path: [Int] = [], depth: Int = 0) -> [ConditionLine] {
        switch condition {
        case .row(let row): return [ConditionLine(path: path, depth: depth, row: row, isAll: true)]
        case .all(let items), .any(let items):
            var isAll = false
            if case .all = condition { isAll = true }
            var lines = [ConditionLine(path: path, depth: depth, row: nil, isAll: isAll)]
            for (index, item) in items.enumerated() { lines += flatten(item, path: path + [index], depth: depth + 1) }
            return lines
        }
    }
}
