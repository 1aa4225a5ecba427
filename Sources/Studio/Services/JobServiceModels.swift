// The values `JobService` hands the Jobs screen: snapshots of queues and jobs, and one job's detail.

/// One queue's counts.
public struct JobQueueSummary: Hashable, Sendable {
    /// Queue name.
    public var name: String
    /// Ready to run.
    public var queued: Int
    /// Running now (in any process).
    public var running: Int
    /// Retrying, scheduled or blocked: waiting for a time or another job.
    public var waiting: Int
    /// Dead-lettered.
    public var dead: Int
    /// Completed in the last hour.
    public var doneLastHour: Int
    /// No new claims until resumed.
    public var paused: Bool
    /// Completions per bucket, oldest first (see `JobsSnapshot.bucketSeconds`).
    public var throughput: [Int]

    /// Creates a queue summary.
    public init(name: String, queued: Int = 0, running: Int = 0, waiting: Int = 0, dead: Int = 0,
                doneLastHour: Int = 0, paused: Bool = false, throughput: [Int] = []) {
        self.name = name
        self.queued = queued
        self.running = running
        self.waiting = waiting
        self.dead = dead
        self.doneLastHour = doneLastHour
        self.paused = paused
        self.throughput = throughput
    }
}

/// A job being worked on.
public struct RunningJob: Hashable, Sendable {
    /// Job id.
    public var id: Int64
    /// Handler kind.
    public var kind: String
    /// Queue name.
    public var queue: String
    /// Progress 0…1, when the handler reports it.
    public var progress: Double?
    /// The handler's progress note.
    public var note: String?
    /// When the attempt started (Unix ms).
    public var startedAt: Int64
    /// A cancellation was asked for and the worker has not stopped it yet.
    public var cancelRequested: Bool

    /// Creates a running job.
    public init(id: Int64, kind: String, queue: String, progress: Double? = nil, note: String? = nil,
                startedAt: Int64, cancelRequested: Bool = false) {
        self.id = id
        self.kind = kind
        self.queue = queue
        self.progress = progress
        self.note = note
        self.startedAt = startedAt
        self.cancelRequested = cancelRequested
    }

    /// Milliseconds left at `now`, from the progress rate since the start; nil without progress.
    public func etaMillis(now: Int64) -> Int64? {
        guard let progress, progress > 0, progress < 1 else { return nil }
        let elapsed = Double(max(0, now - startedAt))
        return Int64((elapsed * (1 - progress) / progress).rounded())
    }
}

/// One line of the recent jobs list.
public struct JobSummary: Hashable, Sendable {
    /// Job id.
    public var id: Int64
    /// Handler kind.
    public var kind: String
    /// Queue name.
    public var queue: String
    /// Where it stands.
    public var status: JobStatus
    /// Attempts started.
    public var attempt: Int
    /// Attempts allowed.
    public var maxAttempts: Int
    /// When it last changed (finished, started or was enqueued), Unix ms.
    public var updatedAt: Int64
    /// The last error, if an attempt failed.
    public var lastError: String?

    /// Creates a summary.
    public init(id: Int64, kind: String, queue: String, status: JobStatus, attempt: Int = 0, maxAttempts: Int = 1,
                updatedAt: Int64, lastError: String? = nil) {
        self.id = id
        self.kind = kind
        self.queue = queue
        self.status = status
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.updatedAt = updatedAt
        self.lastError = lastError
    }
}

/// What the Jobs screen shows, read in one go.
public struct JobsSnapshot: Hashable, Sendable {
    /// When it was read (Unix ms); the view measures ages and ETAs against it.
    public var now: Int64
    /// Every queue with jobs or switches, by name.
    public var queues: [JobQueueSummary]
    /// Running jobs, oldest first.
    public var running: [RunningJob]
    /// The newest jobs matching the filter asked for.
    public var recent: [JobSummary]
    /// Seconds per throughput bucket.
    public var bucketSeconds: Int

    /// Creates a snapshot.
    public init(now: Int64, queues: [JobQueueSummary], running: [RunningJob], recent: [JobSummary], bucketSeconds: Int = 10) {
        self.now = now
        self.queues = queues
        self.running = running
        self.recent = recent
        self.bucketSeconds = bucketSeconds
    }
}

/// One failed attempt.
public struct JobAttempt: Hashable, Sendable {
    /// Attempt number (1-based).
    public var number: Int
    /// When it failed, Unix ms.
    public var at: Int64
    /// `retryable`, `permanent`, `timeout`…
    public var kind: String
    /// The error text.
    public var message: String

    /// Creates an attempt.
    public init(number: Int, at: Int64, kind: String, message: String) {
        self.number = number
        self.at = at
        self.kind = kind
        self.message = message
    }
}

/// One entry of a job's event log.
public struct JobEventLine: Hashable, Sendable {
    /// When, Unix ms.
    public var at: Int64
    /// `enqueued`, `started`, `completed`, `retrying`…
    public var type: String
    /// Details.
    public var data: String?

    /// Creates an event line.
    public init(at: Int64, type: String, data: String? = nil) {
        self.at = at
        self.type = type
        self.data = data
    }
}

/// Everything about one job.
public struct JobDetail: Hashable, Sendable {
    /// The list fields.
    public var summary: JobSummary
    /// The arguments as JSON text.
    public var args: String
    /// Progress 0…1, when reported.
    public var progress: Double?
    /// The progress note.
    public var note: String?
    /// Enqueued at, Unix ms.
    public var createdAt: Int64
    /// Failed attempts with their errors, oldest first.
    public var attempts: [JobAttempt]
    /// The event log, oldest first.
    public var events: [JobEventLine]

    /// Creates a detail.
    public init(summary: JobSummary, args: String, progress: Double? = nil, note: String? = nil, createdAt: Int64,
                attempts: [JobAttempt] = [], events: [JobEventLine] = []) {
        self.summary = summary
        self.args = args
        self.progress = progress
        self.note = note
        self.createdAt = createdAt
        self.attempts = attempts
        self.events = events
    }
}
