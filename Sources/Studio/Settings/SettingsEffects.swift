extension EffectRunner {
    /// Performs a Settings effect; without a settings service it says so.
    func perform(_ effect: SettingsEffect) throws -> [AppAction] {
        guard let service = services.settings else { return [.settingsEvent(.unavailable)] }
        switch effect {
        case .load:
            return [.settingsEvent(.loaded(themes: service.themeNames(), current: service.currentThemeName(), entries: try service.entries()))]
        case .preview(let name):
            return [.settingsEvent(.themeLoaded(name: name, theme: try service.theme(named: name)))]
        case .saveTheme(let name):
            let theme = try service.theme(named: name)
            try service.saveTheme(name)
            return [.settingsEvent(.themeSaved(name: name, theme: theme))]
        case .set(let key, let value):
            try service.set(key, to: value)
            let label = try service.entries().first { $0.key == key }?.label ?? key
            return [.settingsEvent(.entriesChanged(try service.entries(), message: "saved \(label)"))]
        }
    }
}
