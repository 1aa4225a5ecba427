import Foundation
import GRDB

/// A finished run waiting to be written (completions are group-committed).
public struct JobCompletion: Sendable, Equatable {
    /// The run that ended.
    public var job: ClaimedJob
    /// How it ended.
    public var outcome: JobOutcome

    /// Creates a completion record.
    public init(job: ClaimedJob, outcome: JobOutcome) {
        self.job = job
        self.outcome = outcome
    }
}

extension JobStore {
    /// Writes a batch of finished runs in one transaction. Each write is fenced by the run's
    /// epoch and attempt; the returned flags say which were applied (false = lease lost, dropped).
    @discardableResult
    public func finish(_ completions: [JobCompletion]) throws -> [Bool] {
        guard !completions.isEmpty else { return [] }
        let now = clock.nowMillis()
        let applied = try write { db in try finishBatch(db, completions, now: now) }
        notifyWork()
        return applied
    }

    /// Applies one finished run inside an open transaction.
    func finish(_ db: Database, _ completion: JobCompletion, now: Int64) throws -> Bool {
        let job = completion.job
        switch completion.outcome {
        case let .completed(result):
            return try complete(db, job, result: result, now: now)
        case let .failed(error):
            return try fail(db, job, error: error, now: now)
        case let .timedOut(millis):
            return try retryOrDiscard(db, job, kind: "timeout", message: "timed out after \(millis) ms", now: now)
        case .cancelled:
            return try markCancelled(db, job, message: "cancelled while running", now: now)
        case .interrupted:
            return try giveBack(db, job, now: now)
        }
    }

    private func complete(_ db: Database, _ job: ClaimedJob, result: Data?, now: Int64) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE job SET state = 'completed', finalized_at = ?, lease_expires_at = NULL,
                           progress = CASE WHEN progress IS NULL THEN NULL ELSE 1.0 END
            WHERE \(ClaimedJob.fenceSQL)
            """).execute(arguments: [now] + job.fenceArguments)
        guard db.changesCount == 1 else { return false }
        try Self.logStarted(db, job)
        if let result { try storeResult(db, job, result: result, now: now) }
        try db.cachedStatement(sql: "INSERT INTO job_event (job_id, at, type, data) VALUES (?, ?, 'completed', ?)")
            .execute(arguments: [job.id, now, String(job.attempt)])
        try unblockDependents(db, of: [job.id], now: now)
        return true
    }

    private func fail(_ db: Database, _ job: ClaimedJob, error: JobError, now: Int64) throws -> Bool {
        switch error {
        case let .retryable(message):
            return try retryOrDiscard(db, job, kind: "retryable", message: message, now: now)
        case let .permanent(message):
            return try discard(db, job, kind: "permanent", message: message, now: now)
        case let .snooze(until, reason):
            return try snooze(db, job, until: Int64(until.timeIntervalSince1970 * 1000), reason: reason, now: now)
        case .cancelled:
            return try markCancelled(db, job, message: "handler stopped on cancellation", now: now)
        }
    }

    private func retryOrDiscard(_ db: Database, _ job: ClaimedJob, kind: String, message: String, now: Int64) throws -> Bool {
        let policy = options.retryPolicy
        let tier = policy.tier(attempt: job.attempt, maxAttempts: job.maxAttempts)
        if tier == 3 { return try discard(db, job, kind: kind, message: message, now: now) }
        let delay = policy.delayMillis(attempt: job.attempt, unit: jitter())
        let entry = JobAttemptError(attempt: job.attempt, at: now, kind: kind, message: message)
        try db.cachedStatement(sql: """
            UPDATE job SET state = 'retryable', scheduled_at = ?, retry_tier = ?, lease_expires_at = NULL,
                           errors = json_insert(errors, '$[#]', json(?))
            WHERE \(ClaimedJob.fenceSQL)
            """).execute(arguments: [now + delay, tier, entry.json] + job.fenceArguments)
        guard db.changesCount == 1 else { return false }
        try Self.logStarted(db, job)
        try Self.logEvent(db, jobID: job.id, at: now, type: "retrying", data: "tier \(tier) in \(delay) ms: \(message)")
        return true
    }

    private func discard(_ db: Database, _ job: ClaimedJob, kind: String, message: String, now: Int64) throws -> Bool {
        let entry = JobAttemptError(attempt: job.attempt, at: now, kind: kind, message: message)
        try db.cachedStatement(sql: """
            UPDATE job SET state = 'discarded', finalized_at = ?, retry_tier = 3, lease_expires_at = NULL,
                           errors = json_insert(errors, '$[#]', json(?))
            WHERE \(ClaimedJob.fenceSQL)
            """).execute(arguments: [now, entry.json] + job.fenceArguments)
        guard db.changesCount == 1 else { return false }
        try Self.logStarted(db, job)
        try Self.logEvent(db, jobID: job.id, at: now, type: "discarded", data: message)
        try cascadeCancel(db, parent: job.id, now: now)
        return true
    }

    private func snooze(_ db: Database, _ job: ClaimedJob, until: Int64, reason: String, now: Int64) throws -> Bool {
        let entry = JobAttemptError(attempt: job.attempt, at: now, kind: "snooze", message: reason)
        try db.cachedStatement(sql: """
            UPDATE job SET state = 'scheduled', scheduled_at = ?, attempt = attempt - 1, lease_expires_at = NULL,
                           errors = json_insert(errors, '$[#]', json(?))
            WHERE \(ClaimedJob.fenceSQL)
            """).execute(arguments: [max(until, now), entry.json] + job.fenceArguments)
        guard db.changesCount == 1 else { return false }
        try Self.logStarted(db, job)
        try Self.logEvent(db, jobID: job.id, at: now, type: "snoozed", data: reason)
        return true
    }

    private func markCancelled(_ db: Database, _ job: ClaimedJob, message: String, now: Int64) throws -> Bool {
        let entry = JobAttemptError(attempt: job.attempt, at: now, kind: "cancelled", message: message)
        try db.cachedStatement(sql: """
            UPDATE job SET state = 'cancelled', finalized_at = ?, lease_expires_at = NULL,
                           errors = json_insert(errors, '$[#]', json(?))
            WHERE \(ClaimedJob.fenceSQL)
            """).execute(arguments: [now, entry.json] + job.fenceArguments)
        guard db.changesCount == 1 else { return false }
        try Self.logStarted(db, job)
        try Self.logEvent(db, jobID: job.id, at: now, type: "cancelled", data: message)
        try cascadeCancel(db, parent: job.id, now: now)
        return true
    }

    /// Shutdown requeue: back to `available` with the attempt given back.
    private func giveBack(_ db: Database, _ job: ClaimedJob, now: Int64) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE job SET state = 'available', scheduled_at = ?, attempt = attempt - 1, lease_expires_at = NULL
            WHERE \(ClaimedJob.fenceSQL)
            """).execute(arguments: [now] + job.fenceArguments)
        guard db.changesCount == 1 else { return false }
        try Self.logStarted(db, job)
        try Self.logEvent(db, jobID: job.id, at: now, type: "requeued", data: "shutdown")
        return true
    }

    /// Logs the start of a run. It is written with the run's outcome (in the same group commit,
    /// stamped with the attempt's start time) so that claims stay small transactions; a run lost
    /// to a crash gets it from recovery.
    static func logStarted(_ db: Database, _ job: ClaimedJob) throws {
        try logEvent(db, jobID: job.id, at: job.attemptedAt, type: "started", data: String(job.attempt))
    }

    /// A parent that will never complete cancels everything waiting on it, transitively.
    func cascadeCancel(_ db: Database, parent: Int64, now: Int64) throws {
        var frontier = [parent]
        while let current = frontier.popLast() {
            let children = try Int64.fetchAll(db, sql: """
                SELECT job_id FROM job_dep JOIN job ON job.id = job_dep.job_id
                WHERE depends_on_id = ? AND job.state = 'blocked'
                """, arguments: [current])
            for child in children {
                let entry = JobAttemptError(attempt: 0, at: now, kind: "cancelled",
                                            message: "dependency \(current) will not complete")
                try db.execute(sql: """
                    UPDATE job SET state = 'cancelled', finalized_at = ?, errors = json_insert(errors, '$[#]', json(?))
                    WHERE id = ? AND state = 'blocked'
                    """, arguments: [now, entry.json, child])
                try Self.logEvent(db, jobID: child, at: now, type: "cancelled", data: "dependency \(current)")
                frontier.append(child)
            }
        }
    }
}
