import TUIKit

/// State changes of the Settings screen.
enum SettingsReducer {
    static func reduce(_ action: SettingsAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .up, .down:
            let delta = action == .up ? -1 : 1
            if state.settings.pane == .values {
                state.settings.entryRow = max(0, min(state.settings.entries.count - 1, state.settings.entryRow + delta))
                return []
            }
            state.settings.themeRow = max(0, min(state.settings.themes.count - 1, state.settings.themeRow + delta))
            return preview(&state)
        case .nextPane:
            state.settings.pane = state.settings.pane == .themes ? .values : .themes
        case .choose:
            if state.settings.pane == .themes {
                return state.settings.currentTheme.map { [.settings(.saveTheme($0))] } ?? []
            }
            guard let entry = state.settings.currentEntry, entry.editable else { return [] }
            var prompt = PromptState(title: entry.secret ? "\(entry.label) (not shown while typing)" : entry.label,
                                     text: entry.secret ? "" : entry.value, purpose: .setting(key: entry.key))
            prompt.secret = entry.secret
            state.overlay = .prompt(prompt)
        case .refresh:
            return [.settings(.load)]
        }
        return []
    }

    /// Asks for the highlighted theme so the next frames are drawn in it.
    static func preview(_ state: inout AppState) -> [Effect] {
        guard let name = state.settings.currentTheme, name != state.settings.previewing else { return [] }
        state.settings.previewing = name
        return [.settings(.preview(name))]
    }

    /// Opens the screen.
    static func open(_ state: inout AppState) -> [Effect] {
        state.screen = .settings
        return [.settings(.load)]
    }

    /// Leaving the screen ends the preview: back to the theme saved here, or the host's.
    static func leave(_ state: inout AppState) {
        state.themeOverride = state.settings.committed
        state.settings.previewing = nil
    }

    static func answer(_ event: SettingsEvent, _ state: inout AppState) -> [Effect] {
        switch event {
        case .loaded(let themes, let current, let entries):
            state.settings.loading = false
            state.settings.themes = themes
            state.settings.savedTheme = current
            state.settings.entries = entries
            state.settings.entryRow = max(0, min(entries.count - 1, state.settings.entryRow))
            state.settings.themeRow = themes.firstIndex(of: state.settings.previewing ?? current) ?? 0
        case .themeLoaded(let name, let theme):
            guard state.screen == .settings, state.settings.previewing == name else { return [] }
            state.themeOverride = theme
        case .themeSaved(let name, let theme):
            state.settings.savedTheme = name
            state.settings.committed = theme
            state.themeOverride = theme
            state.showToast("theme \(name) saved")
        case .entriesChanged(let entries, let message):
            state.settings.entries = entries
            state.settings.entryRow = max(0, min(entries.count - 1, state.settings.entryRow))
            state.showToast(message)
        case .unavailable:
            state.settings.loading = false
            state.settings.unavailable = true
        }
        return []
    }
}
