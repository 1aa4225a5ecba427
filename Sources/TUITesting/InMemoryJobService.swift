import Foundation
import Studio

/// A `JobService` held in memory, for tests and benchmarks: counts, lists and the operator's
/// actions follow the same rules as the SQLite queue (retry only dead or cancelled jobs,
/// cancel a running job cooperatively), with a clock the test sets.
public final class InMemoryJobService: JobService, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [Int64: JobDetail] = [:]
    private var stopping: Set<Int64> = []
    private var paused: Set<String> = []
    private var throughput: [String: [Int]] = [:]
    private var nextID: Int64 = 1
    private var clock: Int64
    /// Every action taken (`retry 3`, `pause reports`), in order.
    public private(set) var log: [String] = []
    /// Buckets in the throughput history.
    public static let buckets = 60

    /// An empty queue whose clock reads `now` (Unix ms).
    public init(now: Int64 = 1_800_000_000_000) {
        clock = now
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The clock (Unix ms); setting it ages every job.
    public var now: Int64 {
        get { locked { clock } }
        set { locked { clock = newValue } }
    }

    /// Adds a job and returns its id. `changedAt` defaults to now; for a running job it is
    /// the start of its attempt.
    @discardableResult
    public func add(kind: String, queue: String = "default", status: JobStatus = .queued, attempt: Int = 0, maxAttempts: Int = 3,
                    progress: Double? = nil, note: String? = nil, args: String = "{}", attempts: [JobAttempt] = [],
                    changedAt: Int64? = nil) -> Int64 {
        locked {
            let id = nextID
            nextID += 1
            let at = changedAt ?? clock
            let summary = JobSummary(id: id, kind: kind, queue: queue, status: status, attempt: attempt, maxAttempts: maxAttempts,
                                     updatedAt: at, lastError: attempts.last?.message)
            jobs[id] = JobDetail(summary: summary, args: args, progress: progress, note: note, createdAt: at, attempts: attempts,
                                 events: [JobEventLine(at: at, type: "enqueued")])
            return id
        }
    }

    /// Sets a queue's completions per 10-second bucket, oldest first.
    public func setThroughput(_ values: [Int], queue: String) {
        locked { throughput[queue] = values }
    }

    /// Sets a running job's progress.
    public func setProgress(_ id: Int64, _ fraction: Double, note: String? = nil) {
        locked {
            jobs[id]?.progress = fraction
            jobs[id]?.note = note
        }
    }

    /// Moves a job to `status`, as a worker would (claiming, finishing or dead-lettering it).
    public func setStatus(_ id: Int64, _ status: JobStatus) {
        locked { jobs[id]?.summary.status = status }
    }

    /// A job's current status.
    public func status(of id: Int64) -> JobStatus? { locked { jobs[id]?.summary.status } }

    /// Whether a queue is paused.
    public func isPaused(_ queue: String) -> Bool { locked { paused.contains(queue) } }

    public func snapshot(filter: JobListFilter, limit: Int) throws -> JobsSnapshot {
        locked {
            let all = jobs.values.sorted { $0.summary.id > $1.summary.id }
            let names = Set(all.map(\.summary.queue)).union(paused).union(throughput.keys).sorted()
            let queues = names.map { name -> JobQueueSummary in
                let mine = all.map(\.summary).filter { $0.queue == name }
                func count(_ statuses: JobStatus...) -> Int { mine.filter { statuses.contains($0.status) }.count }
                let history = throughput[name] ?? []
                return JobQueueSummary(name: name, queued: count(.queued), running: count(.running),
                                       waiting: count(.retrying, .scheduled, .blocked), dead: count(.dead),
                                       doneLastHour: mine.filter { $0.status == .done && $0.updatedAt > clock - 3_600_000 }.count,
                                       paused: paused.contains(name),
                                       throughput: Array(repeating: 0, count: max(0, Self.buckets - history.count)) + history.suffix(Self.buckets))
            }
            let running = all.filter { $0.summary.status == .running }.reversed().map { job in
                RunningJob(id: job.summary.id, kind: job.summary.kind, queue: job.summary.queue, progress: job.progress, note: job.note,
                           startedAt: job.summary.updatedAt, cancelRequested: stopping.contains(job.summary.id))
            }
            let shown = all.map(\.summary).filter { filter.statuses.isEmpty || filter.statuses.contains($0.status) }
            return JobsSnapshot(now: clock, queues: queues, running: Array(running), recent: Array(shown.prefix(max(0, limit))))
        }
    }

    public func detail(_ id: Int64) throws -> JobDetail {
        try locked {
            guard let job = jobs[id] else { throw JobServiceError.notFound(id) }
            return job
        }
    }

    public func retry(_ id: Int64) throws {
        try locked {
            log.append("retry \(id)")
            let job = try existing(id)
            guard job.summary.status.isRetryable else { throw JobServiceError.invalidState(id: id, status: job.summary.status, operation: "requeue") }
            move(id, to: .queued, event: "requeued")
            jobs[id]?.summary.attempt = 0
        }
    }

    public func cancel(_ id: Int64) throws -> Bool {
        try locked {
            log.append("cancel \(id)")
            let job = try existing(id)
            guard job.summary.status.isCancellable else { throw JobServiceError.invalidState(id: id, status: job.summary.status, operation: "cancel") }
            if job.summary.status == .running {
                stopping.insert(id)
                return false
            }
            move(id, to: .cancelled, event: "cancelled")
            return true
        }
    }

    public func requeueDead(queue: String) throws -> Int {
        locked {
            log.append("requeue dead \(queue)")
            let dead = jobs.values.filter { $0.summary.queue == queue && $0.summary.status == .dead }.map(\.summary.id)
            for id in dead {
                move(id, to: .queued, event: "requeued")
                jobs[id]?.summary.attempt = 0
            }
            return dead.count
        }
    }

    public func setPaused(_ paused: Bool, queue: String) throws {
        locked {
            log.append("\(paused ? "pause" : "resume") \(queue)")
            if paused { self.paused.insert(queue) } else { self.paused.remove(queue) }
        }
    }

    /// A worker acknowledged a cancellation: the running job becomes cancelled.
    public func finishCancellation(_ id: Int64) {
        locked {
            guard stopping.remove(id) != nil else { return }
            move(id, to: .cancelled, event: "cancelled")
        }
    }

    private func existing(_ id: Int64) throws -> JobDetail {
        guard let job = jobs[id] else { throw JobServiceError.notFound(id) }
        return job
    }

    private func move(_ id: Int64, to status: JobStatus, event: String) {
        jobs[id]?.summary.status = status
        jobs[id]?.summary.updatedAt = clock
        jobs[id]?.events.append(JobEventLine(at: clock, type: event))
    }
}
