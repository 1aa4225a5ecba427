import TUIKit

/// Keys of the Settings screen.
enum SettingsKeymap {
    static func binding(_ action: SettingsAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, bar: Bool = true,
                        disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: "Settings", showInBar: bar, disabledReason: disabled)
    }

    /// The Settings screen's bindings.
    static let keymap = Keymap<AppState>([
        binding(.choose, [KeyEvent(.enter)], "Save the theme / edit the setting", short: "save/edit", disabled: { state in
            guard state.settings.pane == .values else { return state.settings.currentTheme == nil ? "no theme" : nil }
            guard let entry = state.settings.currentEntry else { return "no setting selected" }
            return entry.editable ? nil : "\(entry.label) is shown only"
        }),
        binding(.nextPane, [KeyEvent(.tab)], "Switch between themes and settings", short: "pane"),
        binding(.refresh, [.ctrl("r")], "Reload the settings", bar: false),
        binding(.up, [KeyEvent(.up), .char("k")], "Previous row", bar: false),
        binding(.down, [KeyEvent(.down), .char("j")], "Next row", bar: false),
    ])
}
