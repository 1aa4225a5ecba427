/// Commands of the Jobs screen; the raw value is the command id in keymaps.
public enum JobsAction: String, CaseIterable, Sendable {
    /// Select the previous row (or scroll the detail up).
    case up = "jobs.up"
    /// Select the next row (or scroll the detail down).
    case down = "jobs.down"
    /// Switch the arrows between the queues and the jobs.
    case focus = "jobs.focus"
    /// Open the selected job's detail.
    case open = "jobs.open"
    /// Close the detail pane.
    case close = "jobs.close"
    /// Put a dead or cancelled job back in its queue.
    case retry = "jobs.retry"
    /// Cancel a job (asks first when it is running).
    case cancel = "jobs.cancel"
    /// Requeue every dead job of the selected queue (asks first).
    case requeueDead = "jobs.requeueDead"
    /// Pause or resume the selected queue.
    case pause = "jobs.pause"
    /// Cycle the recent list's filter: all, failed, dead, running.
    case filter = "jobs.filter"
    /// Read the queue again now.
    case refresh = "jobs.refresh"
}

/// Answers of the Jobs effects, and the host's refresh pulse.
public enum JobsEvent: Sendable {
    /// The host's pulse while the screen is in front (see `AppState.pollMillis`).
    case poll
    /// A snapshot arrived.
    case loaded(JobsSnapshot)
    /// A job's detail arrived.
    case detailLoaded(JobDetail)
    /// An action succeeded: say so and refresh.
    case done(String)
    /// A read or an action failed.
    case failed(String)
    /// This session has no job queue.
    case unavailable
}

/// Work the Jobs screen asks for; performed off the key loop by `EffectRunner`.
public enum JobsEffect: Hashable, Sendable {
    /// Read a snapshot (and the open detail again, when `detail` is set).
    case refresh(filter: JobListFilter, detail: Int64?)
    /// Read one job's detail.
    case detail(Int64)
    /// Requeue a dead or cancelled job.
    case retry(Int64)
    /// Cancel a job.
    case cancel(Int64)
    /// Requeue every dead job of a queue.
    case requeueDead(queue: String)
    /// Pause or resume a queue.
    case setPaused(queue: String, paused: Bool)
}
