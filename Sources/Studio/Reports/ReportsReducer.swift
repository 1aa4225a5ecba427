import TUIKit

/// State changes of the Reports screen.
enum ReportsReducer {
    /// How often (in ticks) the files are re-read while the screen is in front.
    static let refreshEvery = 2

    static func reduce(_ action: ReportsAction, _ state: inout AppState) -> [Effect] {
        var r = state.reports
        defer { state.reports = r }
        switch action {
        case .up: move(-1, &r)
        case .down: move(1, &r)
        case .nextPane:
            let panes = ReportsPane.allCases
            r.pane = panes[(panes.firstIndex(of: r.pane)! + 1) % panes.count]
        case .toggle:
            if r.pane == .schedules { return reduce(.toggleSchedule, &state) }
            state.reports = r
            toggle(&state)
            r = state.reports
        case .generate:
            guard let request = r.request, !request.formats.isEmpty else { return [] }
            if r.editing != nil {
                state.reports = r
                ReportsEditing.askCron(request, &state)
                r = state.reports
                return []
            }
            return [.reports(.enqueue(request))]
        case .showPaths: r.pathsShown = true
        case .refresh: return [.reports(.load)]
        case .newSchedule:
            guard let request = r.request else { return [] }
            let schedule = ReportSchedule(name: scheduleName(for: request.formID, taken: Set(r.schedules.map(\.name))), cron: "0 6 * * *", request: request)
            state.overlay = .prompt(PromptState(title: "Cron for \(schedule.name) (UTC, e.g. 0 6 * * mon-fri)", text: schedule.cron,
                                                purpose: .reportSchedule(schedule, isNew: true)))
        case .editSchedule:
            guard let schedule = r.currentSchedule else { return [] }
            ReportsEditing.begin(schedule, &r)
            state.reports = r
            state.showToast("editing schedule \(schedule.name): change the setup, enter saves, esc cancels")
        case .cancelEdit:
            guard r.editing != nil else {
                state.reports = r
                return GlobalReducer.reduce(.escape, &state)
            }
            ReportsEditing.finish(&r)
        case .deleteSchedule:
            guard let schedule = r.currentSchedule else { return [] }
            state.overlay = .confirm(ConfirmState(title: "Delete schedule", message: "Delete the schedule \"\(schedule.name)\" (\(schedule.cron))?",
                                                  buttons: ["Delete", "Cancel"], purpose: .deleteSchedule(name: schedule.name)))
        case .toggleSchedule:
            guard let schedule = r.currentSchedule else { return [] }
            return [.reports(.setScheduleEnabled(name: schedule.name, enabled: !schedule.enabled))]
        }
        return []
    }

    static func move(_ delta: Int, _ r: inout ReportsState) {
        switch r.pane {
        case .setup: r.setupRow = clamp(r.setupRow + delta, ReportsSetupRow.all.count)
        case .results: r.resultRow = clamp(r.resultRow + delta, r.results.count)
        case .schedules: r.scheduleRow = clamp(r.scheduleRow + delta, r.schedules.count)
        }
    }

    static func clamp(_ value: Int, _ count: Int) -> Int { max(0, min(count - 1, value)) }

    /// Space on the setup pane: tick a format, flip a toggle, open the form or template picker.
    static func toggle(_ state: inout AppState) {
        guard state.reports.pane == .setup else { return }
        switch state.reports.currentSetupRow {
        case .form:
            let options = state.reports.forms.map { PickerOption(value: $0.id, label: $0.title, badge: "v\($0.version) · \($0.responseCount)") }
            state.overlay = .picker(PickerState(title: "Form", options: options, purpose: .reportForm, selectedValue: state.reports.formID))
        case .template:
            let options = state.reports.templates.map { PickerOption(value: $0.name, label: $0.name, badge: $0.builtIn ? "built-in" : "workspace") }
            state.overlay = .picker(PickerState(title: "Template", options: options, purpose: .reportTemplate, selectedValue: state.reports.template))
        case .format(let format):
            if state.reports.formats.contains(format) { state.reports.formats.remove(format) } else { state.reports.formats.insert(format) }
        case .perResponse: state.reports.perResponse.toggle()
        case .aiInsights: state.reports.aiInsights.toggle()
        }
    }

    /// `form-report`, `form-report-2`, … unique among `taken`.
    static func scheduleName(for formID: String, taken: Set<String>) -> String {
        var name = "\(formID)-report", n = 2
        while taken.contains(name) {
            name = "\(formID)-report-\(n)"
            n += 1
        }
        return name
    }

    /// Opens the screen, on `formID` when given (the Forms screen's `p`).
    static func open(formID: String?, _ state: inout AppState) -> [Effect] {
        if let formID { state.reports.formID = formID }
        state.reports.pane = .setup
        state.screen = .reports
        return [.reports(.load)]
    }

    /// Re-reads the files every few ticks while the screen is in front, so new files appear.
    static func tick(_ state: inout AppState) -> [Effect] {
        guard state.screen == .reports, !state.reports.loading, state.overlay == nil, state.tick % refreshEvery == 0 else { return [] }
        guard let job = state.reports.watchedJob, !job.finished else { return [.reports(.loadResults)] }
        return [.reports(.loadResults), .reports(.watchJob(job.id))]
    }
}
