/// Which part of the Reports screen has the keys.
public enum ReportsPane: String, CaseIterable, Hashable, Sendable {
    /// Form, template, formats and toggles.
    case setup
    /// Files in the reports folder.
    case results
    /// Cron schedules.
    case schedules
}

/// One row of the setup pane.
public enum ReportsSetupRow: Hashable, Sendable {
    /// The form reported on.
    case form
    /// The template.
    case template
    /// A format checkbox.
    case format(ReportFormat)
    /// Aggregate or per-response documents.
    case perResponse
    /// AI-written insights on or off.
    case aiInsights

    /// Every row, top to bottom.
    public static let all: [ReportsSetupRow] = [.form, .template] + ReportFormat.allCases.map { .format($0) } + [.perResponse, .aiInsights]
}

/// The Reports screen: what to generate, the files written, and the schedules.
public struct ReportsState: Hashable, Sendable {
    /// Forms with a published version.
    public var forms: [ReportForm] = []
    /// The chosen form's id.
    public var formID: String?
    /// Templates to choose from.
    public var templates: [ReportTemplateInfo] = []
    /// The chosen template.
    public var template = "summary"
    /// The ticked formats.
    public var formats: Set<ReportFormat> = [.pdf]
    /// Per-response documents as well as the aggregate one.
    public var perResponse = false
    /// AI-written insights.
    public var aiInsights = false
    /// The pane with the keys.
    public var pane: ReportsPane = .setup
    /// The highlighted setup row.
    public var setupRow = 0
    /// Files in the reports folder, newest first.
    public var results: [ReportFile] = []
    /// The highlighted file.
    public var resultRow = 0
    /// The schedules.
    public var schedules: [ReportSchedule] = []
    /// The highlighted schedule.
    public var scheduleRow = 0
    /// The reports folder's absolute path.
    public var folder = ""
    /// True while the folder/file path box is shown (any key closes it).
    public var pathsShown = false
    /// True until the first load answers.
    public var loading = true
    /// True when this session has no report service.
    public var unavailable = false
    /// True once the defaults from Settings were applied (only the first time).
    public var defaultsApplied = false
    /// The schedule loaded into the Generate pane by `e`: enter saves the setup back into it
    /// (after asking for its cron), esc leaves it unchanged.
    public var editing: ReportSchedule?
    /// The setup the Generate pane had before editing began, put back when editing ends.
    public var setupBeforeEditing: ReportRequest?
    /// The job queued last from this screen and its state, when followed.
    public var watchedJob: ReportsJobWatch?

    /// Creates an empty Reports screen.
    public init() {}

    /// The chosen form, if it is still listed.
    public var form: ReportForm? { forms.first { $0.id == formID } }

    /// The highlighted setup row.
    public var currentSetupRow: ReportsSetupRow { ReportsSetupRow.all[max(0, min(setupRow, ReportsSetupRow.all.count - 1))] }

    /// The highlighted file, if any.
    public var currentFile: ReportFile? { results.indices.contains(resultRow) ? results[resultRow] : nil }

    /// The highlighted schedule, if any.
    public var currentSchedule: ReportSchedule? { schedules.indices.contains(scheduleRow) ? schedules[scheduleRow] : nil }

    /// Puts `request` into the setup pane.
    public mutating func load(_ request: ReportRequest) {
        formID = request.formID
        template = request.template
        formats = request.formats
        perResponse = request.perResponse
        aiInsights = request.aiInsights
    }

    /// The request the setup pane describes, when a form is chosen.
    public var request: ReportRequest? {
        guard let formID else { return nil }
        return ReportRequest(formID: formID, template: template, formats: formats, perResponse: perResponse, aiInsights: aiInsights)
    }
}

/// Commands of the Reports screen; the raw value is the command id.
public enum ReportsAction: String, CaseIterable, Sendable {
    /// Previous row of the focused pane.
    case up = "reports.up"
    /// Next row of the focused pane.
    case down = "reports.down"
    /// Next pane (setup, results, schedules).
    case nextPane = "reports.nextPane"
    /// Tick a format or toggle, or pick the form or template.
    case toggle = "reports.toggle"
    /// Queue the report job.
    case generate = "reports.generate"
    /// Show the folder's and the selected file's paths.
    case showPaths = "reports.paths"
    /// Reload forms, files and schedules.
    case refresh = "reports.refresh"
    /// New schedule from the current setup (asks for the cron expression).
    case newSchedule = "reports.schedule.new"
    /// Load the highlighted schedule into the Generate pane to change any of its settings.
    case editSchedule = "reports.schedule.edit"
    /// Delete the highlighted schedule (asks first).
    case deleteSchedule = "reports.schedule.delete"
    /// Switch the highlighted schedule on or off.
    case toggleSchedule = "reports.schedule.toggle"
    /// Leave schedule editing without saving (elsewhere esc does what it does everywhere).
    case cancelEdit = "reports.schedule.cancelEdit"
}

/// Answers of the Reports screen's effects.
public enum ReportsEvent: Sendable {
    /// Forms, templates, folder, files, schedules and default formats arrived.
    case loaded(ReportsSnapshot)
    /// The files arrived (a refresh on tick).
    case results([ReportFile])
    /// A job was queued.
    case enqueued(jobID: Int64)
    /// Schedules changed; show `message`.
    case schedulesChanged([ReportSchedule], message: String)
    /// A schedule was saved; show `message` and leave editing when it was the one edited.
    case scheduleSaved([ReportSchedule], name: String, message: String)
    /// The watched job's state was read.
    case jobState(id: Int64, status: JobStatus, progress: Double?)
    /// Saving a schedule failed: ask again with the error.
    case scheduleRefused(ReportSchedule, isNew: Bool, message: String)
    /// This session has no report service.
    case unavailable
}

/// Everything the Reports screen loads at once.
public struct ReportsSnapshot: Hashable, Sendable {
    /// Reportable forms.
    public var forms: [ReportForm]
    /// Templates.
    public var templates: [ReportTemplateInfo]
    /// The reports folder.
    public var folder: String
    /// Files in it.
    public var results: [ReportFile]
    /// Schedules.
    public var schedules: [ReportSchedule]
    /// Default formats from Settings, when a settings service exists.
    public var defaultFormats: Set<ReportFormat>?

    /// Creates a snapshot.
    public init(forms: [ReportForm], templates: [ReportTemplateInfo], folder: String, results: [ReportFile],
                schedules: [ReportSchedule], defaultFormats: Set<ReportFormat>?) {
        self.forms = forms
        self.templates = templates
        self.folder = folder
        self.results = results
        self.schedules = schedules
        self.defaultFormats = defaultFormats
    }
}

/// Work the Reports screen asks for.
public enum ReportsEffect: Hashable, Sendable {
    /// Load everything the screen shows.
    case load
    /// Reload the files only.
    case loadResults
    /// Queue a report job.
    case enqueue(ReportRequest)
    /// Add or replace a schedule.
    case saveSchedule(ReportSchedule, isNew: Bool)
    /// Remove a schedule.
    case deleteSchedule(name: String)
    /// Switch a schedule on or off.
    case setScheduleEnabled(name: String, enabled: Bool)
    /// Read a queued job's state through the job service (when the session has one).
    case watchJob(Int64)
}
