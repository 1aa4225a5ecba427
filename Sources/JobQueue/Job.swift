import Foundation
import GRDB

/// A snapshot of one job row, as the CLI, the TUI and tests read it.
public struct Job: Sendable, Equatable {
    /// Row id.
    public var id: Int64
    /// Named queue.
    public var queue: String
    /// Handler kind.
    public var kind: String
    /// Current state.
    public var state: JobState
    /// 0 (first) … 4 (last).
    public var priority: Int
    /// JSON arguments.
    public var args: Data
    /// Attempts started so far (snoozes and shutdown requeues give theirs back).
    public var attempt: Int
    /// Attempts allowed before dead-lettering.
    public var maxAttempts: Int
    /// Retry tier of the last failure: 0 none, 1 quick, 2 backoff, 3 dead-letter.
    public var retryTier: Int
    /// Not runnable before this time (Unix ms).
    public var scheduledAt: Int64
    /// When the current or last attempt started.
    public var attemptedAt: Int64?
    /// When the job reached its terminal state.
    public var finalizedAt: Int64?
    /// The epoch of the worker process that holds (or last held) the job.
    public var runEpoch: String?
    /// When the current lease lapses unless a heartbeat extends it.
    public var leaseExpiresAt: Int64?
    /// Set when cancellation of a running job was requested.
    public var cancelRequestedAt: Int64?
    /// Dedupe key (non-terminal jobs only).
    public var uniqueKey: String?
    /// Result-cache key.
    public var cacheKey: String?
    /// Timeout of one attempt.
    public var timeoutMillis: Int64?
    /// Dependencies still to complete.
    public var dependsOnCount: Int
    /// Progress fraction 0…1.
    public var progress: Double?
    /// Progress note.
    public var progressNote: String?
    /// When progress was last written.
    public var progressAt: Int64?
    /// The last checkpoint the handler saved; a retry resumes from it.
    public var checkpoint: Data?
    /// Every failed attempt's error.
    public var errors: [JobAttemptError]
    /// How many times a handler was started for this job (duplicates show as > attempts).
    public var executions: Int
    /// When it was enqueued.
    public var createdAt: Int64

    /// Decodes a full `job` row.
    init(row: Row) {
        id = row["id"]
        queue = row["queue"]
        kind = row["kind"]
        state = JobState(rawValue: row["state"] ?? "") ?? .available
        priority = row["priority"]
        args = row["args"] ?? Data()
        attempt = row["attempt"]
        maxAttempts = row["max_attempts"]
        retryTier = row["retry_tier"]
        scheduledAt = row["scheduled_at"]
        attemptedAt = row["attempted_at"]
        finalizedAt = row["finalized_at"]
        runEpoch = row["run_epoch"]
        leaseExpiresAt = row["lease_expires_at"]
        cancelRequestedAt = row["cancel_requested_at"]
        uniqueKey = row["unique_key"]
        cacheKey = row["cache_key"]
        timeoutMillis = row["timeout_ms"]
        dependsOnCount = row["depends_on_count"]
        progress = row["progress"]
        progressNote = row["progress_note"]
        progressAt = row["progress_at"]
        checkpoint = row["checkpoint"]
        let errorText: String = row["errors"] ?? "[]"
        errors = (try? JSONDecoder().decode([JobAttemptError].self, from: Data(errorText.utf8))) ?? []
        executions = row["executions"]
        createdAt = row["created_at"]
    }

    /// Estimated milliseconds left, from the progress slope since the attempt started.
    public func etaMillis(now: Int64) -> Int64? {
        guard state == .running, let progress, progress > 0, progress < 1, let attemptedAt else { return nil }
        let elapsed = Double(max(0, now - attemptedAt))
        return Int64((elapsed * (1 - progress) / progress).rounded())
    }
}
