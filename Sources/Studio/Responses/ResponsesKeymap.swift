import TUIKit

/// Keys of the Responses screen: the table, the read view, and the panels (whose typed keys
/// go to `ResponsesPanels.key`; these bindings name the rest for the key bar and the help).
enum ResponsesKeymap {
    static func bind(_ action: ResponsesAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, bar: Bool = true,
                     group: String = "Responses", needs: ((AppState) -> String?)? = nil) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: group, showInBar: bar,
                   disabledReason: needs ?? { _ in nil })
    }

    static let needsForm: (AppState) -> String? = { $0.responses.form == nil ? "no published form chosen" : nil }
    static let needsRow: (AppState) -> String? = { $0.responses.currentID == nil ? "no response selected" : nil }

    /// The table's keys.
    static let table = Keymap<AppState>([
        bind(.open, [KeyEvent(.enter)], "Open the response", short: "open", needs: needsRow),
        bind(.filter, [.char("/")], "Filter by an expression", short: "filter", needs: needsForm),
        bind(.sort, [.char("s")], "Sort by the focused column (again: reverse)", short: "sort", needs: needsForm),
        bind(.columns, [.char("c")], "Choose the columns", short: "columns", needs: needsForm),
        bind(.pickForm, [.char("f")], "Choose the form", short: "form"),
        bind(.importFile, [.char("i")], "Import a CSV/JSONL file", short: "import", needs: needsForm),
        bind(.export, [.char("x")], "Export to CSV/JSONL", short: "export", needs: needsForm),
        bind(.delete, [.char("d")], "Delete the response", short: "delete", bar: false, needs: needsRow),
        bind(.reload, [.ctrl("r")], "Reload", bar: false),
        bind(.up, [KeyEvent(.up), .char("k")], "Previous response", bar: false),
        bind(.down, [KeyEvent(.down), .char("j")], "Next response", bar: false),
        bind(.pageUp, [KeyEvent(.pageUp)], "Page up", bar: false),
        bind(.pageDown, [KeyEvent(.pageDown)], "Page down", bar: false),
        bind(.first, [.char("g"), KeyEvent(.home)], "First response", bar: false),
        bind(.last, [.char("G"), KeyEvent(.end)], "Last response", bar: false),
        bind(.left, [KeyEvent(.left), .char("h")], "Focus the column on the left", bar: false),
        bind(.right, [KeyEvent(.right), .char("l")], "Focus the column on the right", bar: false),
    ])

    /// The read view's keys.
    static let detail = Keymap<AppState>([
        bind(.edit, [.char("e")], "Edit the answers", short: "edit", group: "Response"),
        bind(.delete, [.char("d")], "Delete the response", short: "delete", group: "Response"),
        bind(.history, [.char("h")], "Revision history", short: "history", group: "Response"),
        bind(.up, [KeyEvent(.up), .char("k")], "Scroll up", bar: false, group: "Response"),
        bind(.down, [KeyEvent(.down), .char("j")], "Scroll down", bar: false, group: "Response"),
        bind(.pageUp, [KeyEvent(.pageUp)], "Page up", bar: false, group: "Response"),
        bind(.pageDown, [KeyEvent(.pageDown)], "Page down", bar: false, group: "Response"),
        bind(.first, [.char("g")], "Top", bar: false, group: "Response"),
        bind(.last, [.char("G")], "Bottom", bar: false, group: "Response"),
    ])

    /// While the revision history is open (esc: back to the list, then to the response).
    static let history = Keymap<AppState>([
        bind(.open, [KeyEvent(.enter)], "Read the highlighted revision", short: "read", group: "Response: history"),
        bind(.up, [KeyEvent(.up), .char("k")], "Previous revision (scroll up while reading)", bar: false, group: "Response: history"),
        bind(.down, [KeyEvent(.down), .char("j")], "Next revision (scroll down while reading)", bar: false, group: "Response: history"),
        bind(.first, [.char("g")], "First revision (top)", bar: false, group: "Response: history"),
        bind(.last, [.char("G")], "Current revision (bottom)", bar: false, group: "Response: history"),
        KeyBinding(id: GlobalAction.escape.rawValue, keys: [KeyEvent(.escape)], title: "Back", shortTitle: "back", group: "Response: history"),
    ])

    /// While editing answers (typing goes into the focused answer).
    static let editing = Keymap<AppState>([
        bind(.save, [.ctrl("s")], "Save as a new revision", short: "save", group: "Response: editing"),
        KeyBinding(id: GlobalAction.escape.rawValue, keys: [KeyEvent(.escape)], title: "Drop the edit", shortTitle: "cancel", group: "Response: editing"),
    ])

    /// While a panel or the filter line is open (typing goes into its text).
    static let panel = Keymap<AppState>([
        bind(.confirm, [KeyEvent(.enter)], "Confirm", short: "ok", group: "Responses: panels"),
        bind(.toggle, [.char(" "), KeyEvent(.tab)], "Toggle the column / switch the export format", short: "toggle", group: "Responses: panels"),
        KeyBinding(id: GlobalAction.escape.rawValue, keys: [KeyEvent(.escape)], title: "Close", shortTitle: "close", group: "Responses: panels"),
    ])

    /// While typing the `/` filter.
    static let filterLine = Keymap<AppState>([
        bind(.confirm, [KeyEvent(.enter)], "Apply the filter", short: "apply", group: "Responses: filter"),
        KeyBinding(id: GlobalAction.escape.rawValue, keys: [KeyEvent(.escape)], title: "Cancel the filter edit", shortTitle: "cancel", group: "Responses: filter"),
    ])

    /// The keymap in force.
    static func current(_ state: AppState) -> Keymap<AppState> {
        let r = state.responses
        if r.panel != nil { return panel }
        if r.filtering { return filterLine }
        if r.detail?.edits != nil { return editing }
        if r.detail?.history != nil { return history }
        if r.detail != nil { return detail }
        return table + NavigationReducer.keymap
    }
}
