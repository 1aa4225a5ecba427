import FormCore
import TUIKit

/// Pickers and prompts for the part of a rule under the cursor, and applying what was picked.
enum RulePicking {
    /// `enter` in the editor: opens the picker or prompt for the part under the cursor.
    static func open(_ r: inout RuleEditorState, _ app: inout AppState) -> [Effect] {
        guard let form = app.builder?.form, form.rules.indices.contains(r.selectedRule) else { return [] }
        let rule = form.rules[r.selectedRule]
        switch r.line {
        case 0:
            let options = RuleAction.allCases.filter { $0 != .skipToPage }.map { PickerOption(value: $0.rawValue, label: $0.rawValue) }
            app.overlay = .picker(PickerState(title: "Action", options: options, purpose: .ruleAction, selectedValue: rule.action.rawValue))
        case 1:
            app.overlay = .picker(PickerState(title: "Targets (enter toggles, esc closes)", options: fieldOptions(form, inputsOnly: false),
                                              purpose: .ruleTarget, checked: Set(rule.targetFieldIds)))
        default:
            guard let line = RuleEditorReducer.currentLine(r, rule) else { return [] }
            guard let row = line.row else {
                return RuleEditorReducer.reduce(.toggleGroup, &app)
            }
            openRowPart(row, line: r.line, column: r.column, form: form, &app)
        }
        return []
    }

    static func fieldOptions(_ form: Form, inputsOnly: Bool) -> [PickerOption] {
        form.allFields.map(\.field).filter { !inputsOnly || $0.type.takesInput || $0.type == .calculated }.map {
            PickerOption(value: $0.id, label: $0.label.isEmpty ? $0.key : "\($0.label) (\($0.key))", badge: $0.type.rawValue)
        }
    }

    static func openRowPart(_ row: ConditionRow, line: Int, column: Int, form: Form, _ app: inout AppState) {
        let source = form.field(row.sourceFieldId)
        switch column {
        case 0:
            app.overlay = .picker(PickerState(title: "Source field", options: fieldOptions(form, inputsOnly: true),
                                              purpose: .ruleSource(line: line), selectedValue: row.sourceFieldId))
        case 1:
            let valid = RuleOperator.valid(for: source?.type.answerKind ?? .any)
            app.overlay = .picker(PickerState(title: "Operator", options: valid.map { PickerOption(value: $0.rawValue, label: $0.rawValue) },
                                              purpose: .ruleOperator(line: line), selectedValue: row.condition.rawValue))
        default:
            guard row.condition.takesValue else {
                app.showToast("\(row.condition.rawValue) takes no value", kind: .error)
                return
            }
            if let choices = source?.choices?.staticChoices, !choices.isEmpty, row.condition != .in, row.condition != .between {
                app.overlay = .picker(PickerState(title: "Value", options: choices.map { PickerOption(value: $0.value, label: $0.label, badge: $0.value) },
                                                  purpose: .ruleValue(line: line)))
            } else if source?.type.answerKind == .bool {
                app.overlay = .picker(PickerState(title: "Value", options: [PickerOption(value: "yes", label: "yes"), PickerOption(value: "no", label: "no")],
                                                  purpose: .ruleValue(line: line)))
            } else {
                let current = row.value == .none ? "" : RuleText.value(row.value)
                app.overlay = .prompt(PromptState(title: "Value" + (row.condition == .in || row.condition == .between ? " (comma-separated)" : ""),
                                                  text: current, purpose: .ruleValue(line: line)))
            }
        }
    }

    /// Applies a picked or typed value to the row on `line`.
    static func apply(_ purpose: PickerPurpose, value: String, _ app: inout AppState) -> [Effect] {
        guard var r = app.rules else { return [] }
        defer { app.rules = r }
        switch purpose {
        case .ruleAction:
            return RuleEditorReducer.edit(&r, &app) { rule, _ in rule.action = RuleAction(rawValue: value) ?? rule.action }
        case .ruleTarget:
            return RuleEditorReducer.edit(&r, &app) { rule, _ in
                if let index = rule.targetFieldIds.firstIndex(of: value) {
                    guard rule.targetFieldIds.count > 1 else { throw RuleEditError("a rule needs at least one target") }
                    rule.targetFieldIds.remove(at: index)
                } else {
                    rule.targetFieldIds.append(value)
                }
            }
        case .ruleSource, .ruleOperator, .ruleValue:
            let form = app.builder?.form
            return RuleEditorReducer.edit(&r, &app) { rule, line in
                guard let line, var row = line.row else { return }
                switch purpose {
                case .ruleSource:
                    row.sourceFieldId = value
                    let valid = RuleOperator.valid(for: form?.field(value)?.type.answerKind ?? .any)
                    if !valid.contains(row.condition) { row.condition = valid.first ?? .isNotEmpty }
                    row.value = row.condition.takesValue ? defaultValue(for: form?.field(value)) : .none
                case .ruleOperator:
                    row.condition = RuleOperator(rawValue: value) ?? row.condition
                    if !row.condition.takesValue { row.value = .none } else if row.value == .none { row.value = defaultValue(for: form?.field(row.sourceFieldId)) }
                default:
                    row.value = RuleText.parseValue(value, for: form?.field(row.sourceFieldId), op: row.condition)
                }
                rule.when = ConditionEditing.replacing(rule.when, at: line.path, with: .row(row))
            }
        default:
            return []
        }
    }

    static func defaultValue(for field: Field?) -> RuleValue {
        if field?.type.answerKind == .bool { return .bool(true) }
        if let first = field?.choices?.staticChoices?.first { return .string(first.value) }
        if field?.type.answerKind == .number { return .number(0) }
        return .string("")
    }
}
