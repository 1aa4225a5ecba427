/// Every service the studio's effects call, handed in by the host: live ones over the
/// workspace and the job queue from the `formwork` executable, in-memory ones from
/// TUITesting in tests. Screens add their service here, never a global.
public struct StudioServices: Sendable {
    /// The workspace's forms.
    public var forms: FormRepository
    /// The job queue (nil: this session has none and the Jobs screen says so).
    public var jobs: JobService?

    /// Services over `forms` and, when given, the job queue.
    public init(forms: FormRepository, jobs: JobService? = nil) {
        self.forms = forms
        self.jobs = jobs
    }
}
