/// Which half of the Jobs screen takes the arrow keys.
public enum JobsFocus: Hashable, Sendable {
    /// The queues table (`p` pauses, `R` requeues its dead jobs).
    case queues
    /// The recent jobs list (`enter`, `r`, `c` act on the selected job).
    case jobs
}

/// The Jobs screen: the last snapshot of the queue and what is selected. Selections are kept
/// by queue name and job id, so a refresh that reorders rows keeps the same thing selected.
public struct JobsState: Hashable, Sendable {
    /// The last snapshot (nil until the first arrives).
    public var snapshot: JobsSnapshot?
    /// This session has no job queue.
    public var unavailable = false
    /// Which half takes the arrows.
    public var focus: JobsFocus = .jobs
    /// The selected queue's name.
    public var queueName: String?
    /// The selected job's id.
    public var jobID: Int64?
    /// Which jobs the recent list shows.
    public var filter: JobListFilter = .all
    /// The job open in the detail pane.
    public var detail: JobDetail?
    /// The job whose detail is open or on its way; a detail read that lands after the pane
    /// was closed (a refresh in flight) is dropped rather than reopening it.
    public var detailID: Int64?
    /// The first line of the detail pane shown.
    public var detailOffset = 0
    /// A refresh is in flight: polls wait for it rather than pile up behind a slow disk.
    public var refreshing = false
    /// How many jobs the recent list asks for.
    public static let recentLimit = 100

    /// Creates an empty state.
    public init() {}

    /// The queues in the last snapshot.
    public var queues: [JobQueueSummary] { snapshot?.queues ?? [] }
    /// The recent jobs in the last snapshot.
    public var recent: [JobSummary] { snapshot?.recent ?? [] }

    /// The index of the selected queue (the first when none is).
    public var queueIndex: Int { queues.firstIndex { $0.name == queueName } ?? 0 }
    /// The index of the selected job (the first when none is).
    public var jobIndex: Int { recent.firstIndex { $0.id == jobID } ?? 0 }

    /// The selected queue, if any.
    public var currentQueue: JobQueueSummary? { queues.isEmpty ? nil : queues[queueIndex] }
    /// The selected job, if any.
    public var currentJob: JobSummary? { recent.isEmpty ? nil : recent[jobIndex] }
    /// The job actions apply to: the open detail's, else the selected one.
    public var targetJob: JobSummary? { detail?.summary ?? currentJob }
}

/// What a Jobs confirmation decides.
public enum JobsConfirm: Hashable, Sendable {
    /// Stop a running job (its worker stops it cooperatively).
    case cancelRunning(id: Int64)
    /// Requeue every dead job of a queue.
    case requeueDead(queue: String)
}
