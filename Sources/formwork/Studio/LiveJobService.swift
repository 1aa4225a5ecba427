import Foundation
import JobQueue
import Studio

/// `JobService` over the workspace's SQLite job queue. Snapshots are one read transaction of a
/// few index-backed aggregates (`JobStore.dashboard`), so the Jobs screen can refresh at 4 Hz
/// beside a worker pool draining the same database, in this process or another.
final class LiveJobService: JobService, @unchecked Sendable {
    // JobStore is thread-safe (a GRDB pool); the studio calls from its effect queue.
    let store: JobStore
    /// Throughput history: 60 buckets of 10 s, the last ten minutes.
    static let bucketSeconds = 10
    static let buckets = 60

    init(store: JobStore) {
        self.store = store
    }

    func snapshot(filter: JobListFilter, limit: Int) throws -> JobsSnapshot {
        let states = filter.statuses.flatMap(Self.states(of:))
        let board = try mapped {
            try store.dashboard(bucketMillis: Int64(Self.bucketSeconds) * 1000, buckets: Self.buckets,
                                recentStates: states, recentLimit: limit)
        }
        let queues = board.queues.map { queue in
            JobQueueSummary(name: queue.queue, queued: queue.count(.available), running: queue.count(.running),
                            waiting: queue.count(.retryable) + queue.count(.scheduled) + queue.count(.blocked),
                            dead: queue.count(.discarded), doneLastHour: queue.completedLastHour,
                            paused: queue.paused, throughput: queue.completions)
        }
        let running = board.running.map { job in
            RunningJob(id: job.id, kind: job.kind, queue: job.queue, progress: job.progress, note: job.progressNote,
                       startedAt: job.attemptedAt ?? job.createdAt, cancelRequested: job.cancelRequestedAt != nil)
        }
        return JobsSnapshot(now: board.now, queues: queues, running: running, recent: board.recent.map(Self.summary),
                            bucketSeconds: Self.bucketSeconds)
    }

    func detail(_ id: Int64) throws -> JobDetail {
        try mapped {
            guard let job = try store.job(id) else { throw JobServiceError.notFound(id) }
            let attempts = job.errors.map { JobAttempt(number: $0.attempt, at: $0.at, kind: $0.kind, message: $0.message) }
            let events = try store.events(of: id).map { JobEventLine(at: $0.at, type: $0.type, data: $0.data) }
            return JobDetail(summary: Self.summary(job), args: String(decoding: job.args, as: UTF8.self),
                             progress: job.progress, note: job.progressNote, createdAt: job.createdAt,
                             attempts: attempts, events: events)
        }
    }

    func retry(_ id: Int64) throws {
        try mapped { try store.requeue(id) }
    }

    func cancel(_ id: Int64) throws -> Bool {
        try mapped { try store.cancel(id) == .cancelled }
    }

    func requeueDead(queue: String) throws -> Int {
        try mapped { try store.requeueDiscarded(queue: queue) }
    }

    func setPaused(_ paused: Bool, queue: String) throws {
        try mapped { paused ? try store.pause(queue: queue) : try store.resume(queue: queue) }
    }

    /// The queue's state names for a screen status.
    static func states(of status: JobStatus) -> [JobState] {
        switch status {
        case .queued: return [.available]
        case .scheduled: return [.scheduled]
        case .blocked: return [.blocked]
        case .running: return [.running]
        case .retrying: return [.retryable]
        case .done: return [.completed]
        case .cancelled: return [.cancelled]
        case .dead: return [.discarded]
        }
    }

    /// The screen status of a queue state.
    static func status(of state: JobState) -> JobStatus {
        switch state {
        case .available: return .queued
        case .scheduled: return .scheduled
        case .blocked: return .blocked
        case .running: return .running
        case .retryable: return .retrying
        case .completed: return .done
        case .cancelled: return .cancelled
        case .discarded: return .dead
        }
    }

    static func summary(_ job: Job) -> JobSummary {
        JobSummary(id: job.id, kind: job.kind, queue: job.queue, status: status(of: job.state), attempt: job.attempt,
                   maxAttempts: job.maxAttempts, updatedAt: job.finalizedAt ?? job.attemptedAt ?? job.createdAt,
                   lastError: job.errors.last?.message)
    }

    /// Queue errors become `JobServiceError`s with the same one-line descriptions.
    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as JobServiceError {
            throw error
        } catch let error as JobQueueError {
            switch error {
            case .jobNotFound(let id): throw JobServiceError.notFound(id)
            case .invalidState(let id, let state, let operation):
                throw JobServiceError.invalidState(id: id, status: Self.status(of: state), operation: operation)
            default: throw JobServiceError.failed(String(describing: error))
            }
        } catch {
            throw JobServiceError.failed(String(describing: error))
        }
    }
}
