/// What the Reports screen does with its effects' answers.
enum ReportsAnswers {
    static func reduce(_ event: ReportsEvent, _ state: inout AppState) -> [Effect] {
        var r = state.reports
        defer { state.reports = r }
        switch event {
        case .loaded(let snapshot):
            r.loading = false
            r.forms = snapshot.forms
            r.templates = snapshot.templates
            r.folder = snapshot.folder
            r.results = snapshot.results
            r.schedules = snapshot.schedules
            if r.form == nil { r.formID = snapshot.forms.first?.id }
            if !snapshot.templates.contains(where: { $0.name == r.template }) { r.template = snapshot.templates.first?.name ?? "summary" }
            if !r.defaultsApplied, let defaults = snapshot.defaultFormats, !defaults.isEmpty { r.formats = defaults }
            r.defaultsApplied = true
            clampRows(&r)
        case .results(let files):
            // Keep the highlighted file highlighted when new files arrive above it.
            let selected = r.currentFile?.path
            r.results = files
            r.resultRow = files.firstIndex { $0.path == selected } ?? r.resultRow
            clampRows(&r)
        case .unavailable:
            r.loading = false
            r.unavailable = true
        case .enqueued(let id):
            r.watchedJob = ReportsJobWatch(id: id)
            state.showToast("queued report job #\(id) — watch it in Jobs (4)")
            return [.reports(.watchJob(id))]
        case .jobState(let id, let status, let progress):
            guard r.watchedJob?.id == id else { return [] }
            r.watchedJob = ReportsJobWatch(id: id, status: status, progress: status == .running ? progress : nil)
        case .schedulesChanged(let schedules, let message):
            r.schedules = schedules
            clampRows(&r)
            state.showToast(message)
        case .scheduleSaved(let schedules, let name, let message):
            r.schedules = schedules
            if r.editing?.name == name {
                ReportsEditing.finish(&r)
                r.scheduleRow = schedules.firstIndex { $0.name == name } ?? r.scheduleRow
            }
            clampRows(&r)
            state.showToast(message)
        case .scheduleRefused(let schedule, let isNew, let message):
            state.overlay = .prompt(PromptState(title: message, text: schedule.cron, purpose: .reportSchedule(schedule, isNew: isNew)))
            state.showToast(message, kind: .error)
        }
        return []
    }

    static func clampRows(_ r: inout ReportsState) {
        r.resultRow = ReportsReducer.clamp(r.resultRow, r.results.count)
        r.scheduleRow = ReportsReducer.clamp(r.scheduleRow, r.schedules.count)
    }

    /// A picked form or template.
    static func pick(_ purpose: PickerPurpose, value: String, _ state: inout AppState) {
        if purpose == .reportForm { state.reports.formID = value }
        if purpose == .reportTemplate { state.reports.template = value }
    }

    /// The cron typed for a schedule: save it (the service validates it).
    static func cronTyped(_ text: String, schedule: ReportSchedule, isNew: Bool) -> [Effect] {
        var schedule = schedule
        schedule.cron = text
        return [.reports(.saveSchedule(schedule, isNew: isNew))]
    }
}
