import TUIKit

/// Which list of the Settings screen has the keys.
public enum SettingsPane: String, CaseIterable, Hashable, Sendable {
    /// The theme list (previewed as you move).
    case themes
    /// Workspace, report, AI and connector settings.
    case values
}

/// The Settings screen.
public struct SettingsState: Hashable, Sendable {
    /// Theme names.
    public var themes: [String] = []
    /// The highlighted theme.
    public var themeRow = 0
    /// The theme saved in the config.
    public var savedTheme = ""
    /// The theme being previewed (the highlighted one once it loaded).
    public var previewing: String?
    /// The theme saved during this session, to keep after leaving the screen.
    public var committed: Theme?
    /// Every other setting, secrets masked.
    public var entries: [SettingsEntry] = []
    /// The highlighted setting.
    public var entryRow = 0
    /// The list with the keys.
    public var pane: SettingsPane = .themes
    /// True until the first load answers.
    public var loading = true
    /// True when this session has no settings service.
    public var unavailable = false

    /// Creates an empty Settings screen.
    public init() {}

    /// The highlighted theme name, if any.
    public var currentTheme: String? { themes.indices.contains(themeRow) ? themes[themeRow] : nil }

    /// The highlighted setting, if any.
    public var currentEntry: SettingsEntry? { entries.indices.contains(entryRow) ? entries[entryRow] : nil }
}

/// Commands of the Settings screen; the raw value is the command id.
public enum SettingsAction: String, CaseIterable, Sendable {
    /// Previous row (previews the theme on the theme list).
    case up = "settings.up"
    /// Next row (previews the theme on the theme list).
    case down = "settings.down"
    /// Switch between the theme list and the settings.
    case nextPane = "settings.nextPane"
    /// Save the highlighted theme, or edit the highlighted setting.
    case choose = "settings.choose"
    /// Reload the settings from their files.
    case refresh = "settings.refresh"
}

/// Answers of the Settings screen's effects.
public enum SettingsEvent: Sendable {
    /// Themes, the saved theme and the settings arrived.
    case loaded(themes: [String], current: String, entries: [SettingsEntry])
    /// A theme loaded for preview.
    case themeLoaded(name: String, theme: Theme)
    /// The theme was saved to the config.
    case themeSaved(name: String, theme: Theme)
    /// A setting was written; the new list and a message.
    case entriesChanged([SettingsEntry], message: String)
    /// This session has no settings service.
    case unavailable
}

/// Work the Settings screen asks for.
public enum SettingsEffect: Hashable, Sendable {
    /// Load themes and settings.
    case load
    /// Load a theme to preview it.
    case preview(String)
    /// Save the theme to the config.
    case saveTheme(String)
    /// Change one setting (a secret travels only inside this effect, never into the state).
    case set(key: String, value: String)
}
