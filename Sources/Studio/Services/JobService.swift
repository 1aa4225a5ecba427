/// Where a job stands, as the Jobs screen names it (the queue's eight states, grouped the way
/// a person reads them).
public enum JobStatus: String, CaseIterable, Hashable, Sendable {
    /// Ready to be claimed.
    case queued
    /// Waiting for its time (delayed or snoozed).
    case scheduled
    /// Waiting for the jobs it depends on.
    case blocked
    /// Claimed by a worker.
    case running
    /// Failed; will run again after its backoff.
    case retrying
    /// Finished successfully.
    case done
    /// Cancelled before or while running.
    case cancelled
    /// Dead-lettered: attempts exhausted or a permanent error.
    case dead

    /// Whether the job can be put back in the queue (`retry`).
    public var isRetryable: Bool { self == .dead || self == .cancelled }
    /// Whether the job can still be cancelled.
    public var isCancellable: Bool { !(self == .done || self == .cancelled || self == .dead) }
}

/// Which jobs the recent list shows.
public enum JobListFilter: String, CaseIterable, Hashable, Sendable {
    /// Every job.
    case all
    /// Jobs that failed at least once and are retrying or dead.
    case failed
    /// Dead-lettered jobs only.
    case dead
    /// Running jobs only.
    case running

    /// The statuses shown (empty = all).
    public var statuses: [JobStatus] {
        switch self {
        case .all: return []
        case .failed: return [.retrying, .dead]
        case .dead: return [.dead]
        case .running: return [.running]
        }
    }
}

/// Why a job operation failed.
public enum JobServiceError: Error, Equatable, CustomStringConvertible {
    /// No job with that id.
    case notFound(Int64)
    /// The job is not in a state the operation applies to.
    case invalidState(id: Int64, status: JobStatus, operation: String)
    /// The queue refused it (storage error, bad request).
    case failed(String)

    /// A one-line description.
    public var description: String {
        switch self {
        case .notFound(let id): return "job \(id) not found"
        case .invalidState(let id, let status, let operation): return "cannot \(operation) job \(id): it is \(status.rawValue)"
        case .failed(let message): return message
        }
    }
}

/// The job queue as the studio sees it: cheap snapshots for a screen refreshed several times a
/// second, one job's detail, and the operator's actions. Implementations are thread-safe.
public protocol JobService: Sendable {
    /// The queues, running jobs and the `limit` newest jobs matching `filter`.
    func snapshot(filter: JobListFilter, limit: Int) throws -> JobsSnapshot
    /// One job with its attempts and events.
    func detail(_ id: Int64) throws -> JobDetail
    /// Puts a dead or cancelled job back in its queue with fresh attempts.
    func retry(_ id: Int64) throws
    /// Cancels a job: a waiting one at once (returns true), a running one cooperatively (false:
    /// its worker stops it shortly).
    func cancel(_ id: Int64) throws -> Bool
    /// Requeues every dead job of `queue`; returns how many.
    func requeueDead(queue: String) throws -> Int
    /// Pauses (no new claims) or resumes `queue`.
    func setPaused(_ paused: Bool, queue: String) throws
}
