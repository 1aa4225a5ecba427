import TUIKit

/// Keys of the builder: one keymap per pane in front of the keys common to all panes.
enum BuilderKeymap {
    static func bind(_ action: BuilderAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, group: String,
                     bar: Bool = true, disabled: @escaping (AppState) -> String? = { _ in nil }) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: group, showInBar: bar, disabledReason: disabled)
    }

    static func key(_ k: Key, _ m: Modifiers = []) -> KeyEvent { KeyEvent(k, modifiers: m) }

    static func needsField(_ state: AppState) -> String? {
        guard let builder = state.builder else { return "no form open" }
        guard let id = builder.selection, !id.hasPrefix(TreeLine.pagePrefix) else { return "select a field first" }
        return nil
    }

    static let navigation = [
        bind(.up, [key(.up), .char("k")], "Previous row", group: "Navigate", bar: false),
        bind(.down, [key(.down), .char("j")], "Next row", group: "Navigate", bar: false),
        bind(.first, [key(.home), .char("g")], "First row", group: "Navigate", bar: false),
        bind(.last, [key(.end), .char("G")], "Last row", group: "Navigate", bar: false),
    ]

    /// The field tree pane.
    static let tree = Keymap<AppState>(navigation + [
        bind(.moveDown, [.ctrl("j"), .alt(.down)], "Move field down", short: "move", group: "Arrange", disabled: needsField),
        bind(.moveUp, [.ctrl("k"), .alt(.up)], "Move field up", group: "Arrange", bar: false, disabled: needsField),
        bind(.indent, [.alt(.right)], "Indent into the group above", short: "indent", group: "Arrange", disabled: needsField),
        bind(.outdent, [.alt(.left)], "Outdent from the group", group: "Arrange", bar: false, disabled: needsField),
        bind(.moveMode, [.char("m")], "Move mode", short: "move mode", group: "Arrange", disabled: needsField),
        bind(.range, [.char("v")], "Select a range", group: "Arrange", bar: false, disabled: needsField),
        bind(.expand, [key(.right), .char("l")], "Unfold group", group: "Navigate", bar: false),
        bind(.collapse, [key(.left), .char("h")], "Fold group / go to parent", group: "Navigate", bar: false),
        bind(.toggleFold, [.char(" ")], "Fold or unfold group", group: "Navigate", bar: false),
        bind(.deleteField, [.char("d")], "Delete field", group: "Edit", bar: false, disabled: needsField),
        bind(.duplicateField, [.char("y")], "Duplicate field", group: "Edit", bar: false, disabled: needsField),
        bind(.changeType, [.char("t")], "Change field type", group: "Edit", bar: false, disabled: needsField),
        bind(.editProperty, [key(.enter), .char("e")], "Edit properties", short: "edit", group: "Edit", bar: false, disabled: needsField),
    ])

    /// The properties pane.
    static let properties = Keymap<AppState>(navigation + [
        bind(.editProperty, [key(.enter), .char("e")], "Edit or flip the property", short: "edit", group: "Edit", disabled: needsField),
        bind(.changeType, [.char("t")], "Change field type", group: "Edit", bar: false, disabled: needsField),
    ])

    /// The preview pane.
    static let preview = Keymap<AppState>(navigation + [
        bind(.answer, [key(.enter)], "Answer the field", short: "answer", group: "Preview", disabled: needsField),
        bind(.answerYes, [.char("y")], "Answer yes", group: "Preview", bar: false, disabled: needsField),
        bind(.answerNo, [.char("n")], "Answer no", group: "Preview", bar: false, disabled: needsField),
        bind(.clearAnswer, [.char("x"), key(.delete)], "Clear the answer", group: "Preview", bar: false, disabled: needsField),
        bind(.toggleHidden, [.char("H")], "Show hidden fields dimmed", short: "hidden", group: "Preview"),
    ])

    /// Move mode: arrows move, enter drops, esc puts it back.
    static let moveMode = Keymap<AppState>([
        bind(.moveDown, [key(.down), .char("j"), .ctrl("j"), .alt(.down)], "Move down", short: "↓", group: "Move mode"),
        bind(.moveUp, [key(.up), .char("k"), .ctrl("k"), .alt(.up)], "Move up", short: "↑", group: "Move mode"),
        bind(.indent, [key(.right), .char(">"), .alt(.right)], "Indent", short: "indent", group: "Move mode"),
        bind(.outdent, [key(.left), .char("<"), .alt(.left)], "Outdent", short: "outdent", group: "Move mode"),
        bind(.dropMove, [key(.enter), .char("m")], "Drop here", short: "drop", group: "Move mode"),
        bind(.cancelMove, [key(.escape)], "Put it back", short: "cancel", group: "Move mode"),
    ])

    /// Keys every builder pane shares.
    static let common = Keymap<AppState>([
        bind(.addField, [.char("a")], "Add a field from the palette", short: "add", group: "Edit"),
        bind(.explain, [.char("w")], "Why is it visible / hidden / required?", short: "why", group: "Preview", disabled: needsField),
        bind(.openRules, [.char("r")], "Rule editor", short: "rules", group: "Form"),
        bind(.undo, [.char("z"), .ctrl("z")], "Undo", short: "undo", group: "Edit",
             disabled: { ($0.builder?.history.undoStack.isEmpty ?? true) ? "nothing to undo" : nil }),
        bind(.redo, [.char("Z"), .ctrl("y")], "Redo", group: "Edit", bar: false,
             disabled: { ($0.builder?.history.redoStack.isEmpty ?? true) ? "nothing to redo" : nil }),
        bind(.save, [.ctrl("s")], "Save the draft now", group: "Form", bar: false),
        bind(.publish, [.char("P")], "Save and publish a version", group: "Form", bar: false),
        bind(.nextPane, [key(.tab)], "Next pane", short: "pane", group: "Navigate"),
        bind(.previousPane, [key(.backtab)], "Previous pane", group: "Navigate", bar: false),
    ])

    /// The keymap for the builder as it is now.
    static func current(_ state: AppState) -> Keymap<AppState> {
        guard let builder = state.builder else { return common }
        if builder.moveMode != nil { return moveMode }
        switch builder.focus {
        case .tree: return tree + common
        case .properties: return properties + common
        case .preview: return preview + common
        }
    }
}
