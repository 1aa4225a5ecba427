import FormCore
import TUIKit

/// State changes of the rule editor. Rule edits go through the builder (`commit`), so they
/// are undoable and autosaved like any other edit.
enum RuleEditorReducer {
    static func reduce(_ action: RuleEditorAction, _ app: inout AppState) -> [Effect] {
        guard var r = app.rules, let form = app.builder?.form else { return [] }
        defer { if app.rules != nil { app.rules = r } }
        let rule = form.rules.indices.contains(r.selectedRule) ? form.rules[r.selectedRule] : nil
        let lineCount = 2 + (rule.map { ConditionLine.flatten($0.when).count } ?? 0)
        switch (action, r.focus) {
        case (.up, .list): r.selectedRule = max(0, r.selectedRule - 1)
        case (.down, .list): r.selectedRule = max(0, min(form.rules.count - 1, r.selectedRule + 1))
        case (.up, .editor): r.line = max(0, r.line - 1)
        case (.down, .editor): r.line = min(lineCount - 1, r.line + 1)
        case (.left, .editor): r.column = max(0, r.column - 1)
        case (.right, .editor): r.column = min(2, r.column + 1)
        case (.left, .list), (.right, .list): break
        case (.edit, .list):
            guard rule != nil else { return newRule(&r, &app) }
            r.focus = .editor
            r.line = 0
        case (.edit, .editor): return RulePicking.open(&r, &app)
        case (.newRule, _): return newRule(&r, &app)
        case (.delete, .list):
            guard let rule else { return [] }
            var changed = form
            changed.rules.removeAll { $0.id == rule.id }
            r.selectedRule = max(0, min(r.selectedRule, changed.rules.count - 1))
            app.showToast("rule \(rule.id) deleted")
            return commit(changed, &app)
        case (.delete, .editor): return edit(&r, &app) { rule, line in
            guard let line, let when = ConditionEditing.removing(at: line.path, from: rule.when) else {
                throw RuleEditError("a rule needs at least one condition row")
            }
            rule.when = when
        }
        case (.addRow, _), (.addGroup, _):
            r.focus = .editor
            return edit(&r, &app) { rule, line in
                let template = rule.when.rows.last ?? ConditionRow(sourceFieldId: "", condition: .isNotEmpty)
                let addition: RuleCondition = action == .addRow ? .row(template) : .any([.row(template)])
                rule.when = ConditionEditing.inserting(addition, after: line?.path ?? [], in: rule.when)
            }
        case (.toggleGroup, _): return edit(&r, &app) { rule, line in
            guard let line, line.row == nil else { throw RuleEditError("put the cursor on an all/any line") }
            rule.when = ConditionEditing.toggling(at: line.path, in: rule.when)
        }
        case (.toggleRaw, _): return RawMode.toggle(&r, &app)
        case (.back, .editor): r.focus = .list
        case (.back, .list):
            app.rules = nil
            app.screen = .builder
        }
        return []
    }

    /// The condition line under the cursor (nil on the action and targets lines).
    static func currentLine(_ r: RuleEditorState, _ rule: Rule) -> ConditionLine? {
        let lines = ConditionLine.flatten(rule.when)
        return lines.indices.contains(r.line - 2) ? lines[r.line - 2] : nil
    }

    /// Applies `change` to the selected rule and commits the form.
    static func edit(_ r: inout RuleEditorState, _ app: inout AppState, _ change: (inout Rule, ConditionLine?) throws -> Void) -> [Effect] {
        guard var form = app.builder?.form, form.rules.indices.contains(r.selectedRule) else { return [] }
        var rule = form.rules[r.selectedRule]
        do {
            try change(&rule, currentLine(r, rule))
        } catch {
            app.showToast("\(error)", kind: .error)
            return []
        }
        form.rules[r.selectedRule] = rule
        r.line = min(r.line, 1 + ConditionLine.flatten(rule.when).count)
        return commit(form, &app)
    }

    static func commit(_ form: Form, _ app: inout AppState) -> [Effect] {
        guard var b = app.builder else { return [] }
        let effects = BuilderReducer.commit(form, &b, app)
        app.builder = b
        return effects
    }

    /// A new `show` rule for the field the editor was opened from, read from a yes/no field
    /// when the form has one.
    static func newRule(_ r: inout RuleEditorState, _ app: inout AppState) -> [Effect] {
        guard var form = app.builder?.form else { return [] }
        guard let target = r.focusField, !target.hasPrefix(TreeLine.pagePrefix) else {
            app.showToast("select the field the rule acts on in the builder first", kind: .error)
            return []
        }
        let inputs = form.allFields.map(\.field).filter { $0.type.takesInput && $0.id != r.focusField }
        guard let source = inputs.first(where: { $0.type.answerKind == .bool }) ?? inputs.first else {
            app.showToast("add a field to read from first", kind: .error)
            return []
        }
        let op = RuleOperator.valid(for: source.type.answerKind).first ?? .isNotEmpty
        let value: RuleValue = source.type.answerKind == .bool ? .bool(true)
            : (source.choices?.staticChoices?.first.map { .string($0.value) } ?? (op.takesValue ? .string("") : .none))
        let targets = [target]
        form.rules.append(Rule(id: form.freshRuleID(), when: .row(ConditionRow(sourceFieldId: source.id, condition: op, value: value)),
                               action: .show, targetFieldIds: targets))
        r.selectedRule = form.rules.count - 1
        r.focus = .editor
        r.line = 2
        r.column = 0
        return commit(form, &app)
    }
}

/// A rule edit that cannot be made.
struct RuleEditError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
