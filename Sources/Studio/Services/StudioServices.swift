/// Every service the studio's effects call, handed in by the host: live ones over the
/// workspace and the job queue from the `formwork` executable, in-memory ones from
/// TUITesting in tests. Screens add their service here, never a global.
public struct StudioServices: Sendable {
    /// The workspace's forms.
    public var forms: FormRepository
    /// Filling in published forms (nil: not available in this session).
    public var fill: FillService?
    /// Reports, their results and schedules (nil: not available in this session).
    public var reports: ReportService?
    /// Theme, default formats, AI and connector settings (nil: not available).
    public var settings: SettingsService?
    /// A form's stored responses; nil when this session has none (the screen says so).
    public var responses: ResponseService?
    /// The job queue (nil: this session has none and the Jobs screen says so).
    public var jobs: JobService?

    /// Services over `forms` and, when given, the responses and the job queue.
    public init(forms: FormRepository, responses: ResponseService? = nil, jobs: JobService? = nil) {
        self.forms = forms
        self.responses = responses
        self.jobs = jobs
    }
}
