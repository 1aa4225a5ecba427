/// Editing a schedule: `e` loads it into the Generate pane, where every setting (form,
/// template, formats, documents, AI insights) is changed with the usual keys; enter asks for
/// the cron expression and saves everything back; esc leaves the schedule as it was. Either
/// way the setup the pane had before comes back.
enum ReportsEditing {
    /// Loads `schedule` into the setup pane, keeping the current setup to put back later.
    static func begin(_ schedule: ReportSchedule, _ r: inout ReportsState) {
        if r.editing == nil { r.setupBeforeEditing = r.request }
        r.editing = schedule
        r.load(schedule.request)
        r.pane = .setup
        r.setupRow = 0
    }

    /// Leaves editing: the previous setup comes back and the Schedules pane takes the keys.
    static func finish(_ r: inout ReportsState) {
        if let before = r.setupBeforeEditing { r.load(before) }
        r.editing = nil
        r.setupBeforeEditing = nil
        r.pane = .schedules
    }

    /// Enter while editing: ask for the cron (prefilled) of the schedule carrying the new setup;
    /// the answer saves it (the service checks the cron and the prompt comes back with the reason).
    static func askCron(_ request: ReportRequest, _ state: inout AppState) {
        guard var schedule = state.reports.editing else { return }
        schedule.request = request
        state.overlay = .prompt(PromptState(title: "Cron for \(schedule.name) (UTC) — enter saves the schedule", text: schedule.cron,
                                            purpose: .reportSchedule(schedule, isNew: false)))
    }

    /// Why a schedule key is refused while a schedule is being edited.
    static func busy(_ state: AppState) -> String? {
        state.reports.editing.map { "finish editing \($0.name) first: enter saves, esc cancels" }
    }
}
