import TUIKit

/// The keys every screen shares, and the keymap in force for a state.
public enum AppKeymap {
    static func bind(_ action: GlobalAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, bar: Bool = false) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: "Everywhere", showInBar: bar)
    }

    /// Keys available on every screen (screen keymaps come first, so they can shadow these).
    public static let global = Keymap<AppState>([
        bind(.help, [.char("?")], "Show every command", short: "help", bar: true),
        bind(.palette, [.ctrl("p"), .char(":")], "Command palette", short: "commands", bar: true),
        bind(.quit, [.char("q")], "Back / quit", short: "quit", bar: true),
        bind(.forceQuit, [.ctrl("c")], "Quit the studio"),
        bind(.suspend, [.ctrl("z")], "Suspend to the shell (fg restores)"),
        bind(.escape, [KeyEvent(.escape)], "Leave the transient state"),
    ])

    /// The keymap that resolves keys in `state`: the focused screen's, then the global one.
    public static func current(_ state: AppState) -> Keymap<AppState> {
        switch state.screen {
        case .forms: return FormsKeymap.keymap + NavigationReducer.keymap + global
        case .builder: return BuilderKeymap.current(state) + global
        case .rules: return RuleEditorKeymap.keymap + global
        case .fill: return FillKeymap.keymap + global
        case .reports: return ReportsKeymap.keymap + NavigationReducer.keymap + global
        case .settings: return SettingsKeymap.keymap + NavigationReducer.keymap + global
        case .responses: return ResponsesKeymap.current(state) + global
        case .jobs: return JobsKeymap.keymap + NavigationReducer.keymap + global
        }
    }

    /// Every keymap with its title, for docs/keymap.md.
    public static var documented: [(title: String, keymap: Keymap<AppState>)] {
        [("Everywhere", global), ("Tabs (top-level screens)", NavigationReducer.keymap), ("Forms", FormsKeymap.keymap), ("Builder: field tree", BuilderKeymap.tree),
         ("Builder: properties", BuilderKeymap.properties), ("Builder: preview", BuilderKeymap.preview),
         ("Builder: all panes", BuilderKeymap.common), ("Builder: move mode", BuilderKeymap.moveMode),
         ("Rule editor", RuleEditorKeymap.keymap), ("Fill", FillKeymap.keymap),
         ("Responses", ResponsesKeymap.table), ("Responses: one response", ResponsesKeymap.detail),
         ("Responses: editing answers", ResponsesKeymap.editing), ("Responses: panels", ResponsesKeymap.panel),
         ("Responses: filter line", ResponsesKeymap.filterLine), ("Reports", ReportsKeymap.keymap), ("Jobs", JobsKeymap.keymap),
         ("Settings", SettingsKeymap.keymap), ("Responses: revision history", ResponsesKeymap.history)]
    }

    /// The text of docs/keymap.md, generated from the keymaps themselves.
    public static func markdown() -> String {
        var text = "# Keymap\n\nGenerated from the studio's keymaps (`AppKeymap.markdown()`); a test keeps this file in step.\n"
        text += "A screen's keys come before the keys that work everywhere, so `ctrl+z` is undo in the builder and suspend elsewhere.\n\n"
        text += documented.map { $0.keymap.markdown(title: $0.title) }.joined(separator: "\n")
        return text
    }
}
