import TUIKit

/// Keys of the Fill screen. The focused field sees each key first (typing, picking); these
/// apply when it has no use for the key.
enum FillKeymap {
    static func binding(_ action: FillAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, bar: Bool = true,
                        disabled: @escaping (AppState) -> String? = { _ in nil }) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: "Fill", showInBar: bar, disabledReason: disabled)
    }

    /// The Fill screen's bindings.
    static let keymap = Keymap<AppState>([
        binding(.nextField, [KeyEvent(.tab), KeyEvent(.down)], "Next field", short: "next", bar: false),
        binding(.previousField, [KeyEvent(.backtab), KeyEvent(.up)], "Previous field", bar: false),
        binding(.nextPage, [KeyEvent(.pageDown)], "Next page", short: "page▸", disabled: { state in
            guard let fill = state.fill else { return "no form open" }
            return FillNavigation.neighbour(forward: true, fill) == nil ? "this is the last page: ctrl+s submits" : nil
        }),
        binding(.previousPage, [KeyEvent(.pageUp)], "Previous page", short: "◂page", disabled: { state in
            guard let fill = state.fill else { return "no form open" }
            return FillNavigation.neighbour(forward: false, fill) == nil ? "this is the first page" : nil
        }),
        binding(.submit, [.ctrl("s")], "Submit the response", short: "submit"),
        binding(.addEntry, [.ctrl("n")], "Add a repeat entry", short: "add entry", bar: false),
        binding(.removeEntry, [.ctrl("x")], "Remove this repeat entry (or delete on its title)", bar: false),
        binding(.leave, [KeyEvent(.escape)], "Leave (the draft is kept)", short: "leave"),
    ])
}
