import TUIKit

/// Keys of the rule editor.
enum RuleEditorKeymap {
    static func bind(_ action: RuleEditorAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, group: String = "Rules",
                     bar: Bool = true, disabled: @escaping (AppState) -> String? = { _ in nil }) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: group, showInBar: bar, disabledReason: disabled)
    }

    static func needsRule(_ state: AppState) -> String? {
        guard let rules = state.rules, let form = state.builder?.form else { return "no form open" }
        return form.rules.indices.contains(rules.selectedRule) ? nil : "no rule selected; press n to add one"
    }

    static func needsEditor(_ state: AppState) -> String? {
        if let reason = needsRule(state) { return reason }
        return state.rules?.focus == .editor ? nil : "open a rule first (enter)"
    }

    /// The rule editor's bindings.
    static let keymap = Keymap<AppState>([
        bind(.up, [KeyEvent(.up), .char("k")], "Previous rule / line", group: "Navigate", bar: false),
        bind(.down, [KeyEvent(.down), .char("j")], "Next rule / line", group: "Navigate", bar: false),
        bind(.left, [KeyEvent(.left), .char("h"), KeyEvent(.backtab)], "Previous part of the row", group: "Navigate", bar: false),
        bind(.right, [KeyEvent(.right), .char("l"), KeyEvent(.tab)], "Next part of the row", group: "Navigate", bar: false),
        bind(.edit, [KeyEvent(.enter)], "Open rule / pick the part under the cursor", short: "edit"),
        bind(.newRule, [.char("n")], "New rule for the selected field", short: "new"),
        bind(.addRow, [.char("a")], "Add a condition row", short: "row", disabled: needsRule),
        bind(.addGroup, [.char("g")], "Add a nested any/all group", short: "group", bar: false, disabled: needsRule),
        bind(.toggleGroup, [.char("o")], "Switch a group between all and any", short: "all/any", bar: false, disabled: needsEditor),
        bind(.delete, [.char("d")], "Delete rule (list) or row (editor)", short: "delete", disabled: needsRule),
        bind(.toggleRaw, [.char("e")], "Switch rows / raw expression", short: "raw", disabled: needsRule),
        bind(.back, [KeyEvent(.escape)], "Back to the list / the builder", bar: false),
        KeyBinding(id: BuilderAction.undo.rawValue, keys: [.char("z"), .ctrl("z")], title: "Undo", group: "Edit", showInBar: false),
        KeyBinding(id: BuilderAction.redo.rawValue, keys: [.char("Z"), .ctrl("y")], title: "Redo", group: "Edit", showInBar: false),
    ])
}
