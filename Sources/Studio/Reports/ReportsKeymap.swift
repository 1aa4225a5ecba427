import TUIKit

/// Keys of the Reports screen.
enum ReportsKeymap {
    static func binding(_ action: ReportsAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, bar: Bool = true,
                        disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: "Reports", showInBar: bar, disabledReason: disabled)
    }

    static func needsSchedule(_ state: AppState) -> String? {
        if state.reports.pane != .schedules { return "press tab to reach the Schedules pane" }
        return state.reports.currentSchedule == nil ? "no schedule selected" : nil
    }

    static func cannotGenerate(_ state: AppState) -> String? {
        if state.reports.formID == nil { return "choose a form with a published version first" }
        return state.reports.formats.isEmpty ? "tick at least one format" : nil
    }

    static func cannotSchedule(_ state: AppState) -> String? {
        if let busy = ReportsEditing.busy(state) { return busy }
        if state.reports.formID == nil { return "choose a form first" }
        return state.reports.formats.isEmpty ? "tick at least one format" : nil
    }

    /// The Reports screen's bindings.
    static let keymap = Keymap<AppState>([
        binding(.generate, [KeyEvent(.enter), .char("g")], "Generate: queue the report job (while editing a schedule: save it)",
                short: "generate", disabled: cannotGenerate),
        binding(.toggle, [.char(" ")], "Tick a format / toggle / pick the form or template", short: "toggle"),
        binding(.nextPane, [KeyEvent(.tab)], "Next pane (setup, results, schedules)", short: "pane"),
        binding(.showPaths, [.char("o")], "Show the reports folder and the selected file's path", short: "paths"),
        binding(.newSchedule, [.char("n")], "New schedule from the current setup", short: "schedule",
                disabled: cannotSchedule),
        binding(.editSchedule, [.char("e")], "Edit the schedule: load it into Generate (form, template, formats, cron…)", bar: false,
                disabled: { ReportsEditing.busy($0) ?? needsSchedule($0) }),
        binding(.deleteSchedule, [.char("d")], "Delete the schedule", bar: false, disabled: { ReportsEditing.busy($0) ?? needsSchedule($0) }),
        binding(.toggleSchedule, [.char("t")], "Switch the schedule on or off", bar: false, disabled: needsSchedule),
        binding(.refresh, [.ctrl("r")], "Reload forms, files and schedules", bar: false),
        binding(.up, [KeyEvent(.up), .char("k")], "Previous row", bar: false),
        binding(.down, [KeyEvent(.down), .char("j")], "Next row", bar: false),
        binding(.cancelEdit, [KeyEvent(.escape)], "Stop editing the schedule without saving", short: "cancel edit",
                bar: false),
    ])
}
