import Foundation
import GRDB

extension JobStore {
    /// Moves due scheduled/retryable jobs to `available`. Returns how many moved.
    @discardableResult
    func promoteDue(_ db: Database, now: Int64) throws -> Int {
        try db.cachedStatement(sql: """
            UPDATE job SET state = 'available'
            WHERE state IN ('scheduled','retryable') AND scheduled_at <= ?
            """).execute(arguments: [now])
        return db.changesCount
    }

    /// Claims up to `limit` available jobs of `queue` for `epoch` (River's single-UPDATE claim).
    /// Never claims more than asked: the caller passes its free worker slots.
    func claim(_ db: Database, queue: String, limit: Int, epoch: String, now: Int64) throws -> [ClaimedJob] {
        guard limit > 0 else { return [] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            UPDATE job SET state = 'running', attempt = attempt + 1, executions = executions + 1,
                           attempted_at = ?, run_epoch = ?, lease_expires_at = ?, heartbeat_at = ?
            WHERE id IN (SELECT id FROM job WHERE state = 'available' AND queue = ? AND scheduled_at <= ?
                         AND attempt < max_attempts
                         ORDER BY priority, scheduled_at, id LIMIT ?)
            RETURNING id, queue, kind, args, attempt, max_attempts, timeout_ms, checkpoint, cache_key,
                      cache_ttl_ms, attempted_at, scheduled_at, priority
            """), arguments: [now, epoch, now + options.leaseMillis, now, queue, now, limit])
        let jobs: [(Int, ClaimedJob)] = rows.map { row in (row[12], ClaimedJob(row: row, epoch: epoch)) }
        return jobs.sorted { ($0.0, $0.1.scheduledAt, $0.1.id) < ($1.0, $1.1.scheduledAt, $1.1.id) }.map(\.1)
    }

    /// Claims for one or more queues in a single transaction and returns the jobs per queue.
    /// `plan` gives each queue's limit; see `FairShare` for how the limits are chosen.
    public func claim(plan: [(queue: String, limit: Int)], epoch: String) throws -> [ClaimedJob] {
        let now = clock.nowMillis()
        return try write(durable: false) { db in
            try promoteDue(db, now: now)
            return try plan.flatMap { try claim(db, queue: $0.queue, limit: $0.limit, epoch: epoch, now: now) }
        }
    }

    /// Extends the leases of the jobs this process holds and records the worker's heartbeat.
    func heartbeat(_ db: Database, ids: [Int64], epoch: String, now: Int64) throws {
        try db.execute(sql: "UPDATE job_worker SET heartbeat_at = ? WHERE epoch = ?", arguments: [now, epoch])
        let statement = try db.cachedStatement(sql: """
            UPDATE job SET lease_expires_at = ?, heartbeat_at = ? WHERE id = ? AND state = 'running' AND run_epoch = ?
            """)
        for id in ids {
            try statement.execute(arguments: [now + options.leaseMillis, now, id, epoch])
        }
    }

    /// Writes coalesced progress for a held job (fenced; a lost lease writes nothing).
    func writeProgress(_ db: Database, job: ClaimedJob, fraction: Double, note: String?, now: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE job SET progress = ?, progress_note = ?, progress_at = ? WHERE \(ClaimedJob.fenceSQL)
            """).execute(arguments: [fraction, note, now] + job.fenceArguments)
    }

    /// Saves a checkpoint (with the current progress) durably. Returns false when the run no
    /// longer holds the job, in which case the handler should stop.
    public func saveCheckpoint(_ job: ClaimedJob, data: Data, progress: Double?, note: String?) throws -> Bool {
        let now = clock.nowMillis()
        return try write { db in
            try db.execute(sql: """
                UPDATE job SET checkpoint = ?, progress = coalesce(?, progress), progress_note = coalesce(?, progress_note),
                               progress_at = ? WHERE \(ClaimedJob.fenceSQL)
                """, arguments: [data, progress, note, now] + job.fenceArguments)
            return db.changesCount == 1
        }
    }

    /// Ids among `ids` whose cancellation was requested (by this or another process).
    func cancelRequests(_ db: Database, ids: [Int64]) throws -> [Int64] {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(String.init).joined(separator: ",")
        return try Int64.fetchAll(db, sql: """
            SELECT id FROM job WHERE id IN (\(list)) AND cancel_requested_at IS NOT NULL
            """)
    }

    /// Queues that currently hold available jobs (for pools that serve every queue).
    /// Includes queues whose only work is a due scheduled or retryable job.
    func queuesWithWork() throws -> [String] {
        let now = clock.nowMillis()
        return try read { db in
            try String.fetchAll(db, sql: """
                SELECT queue FROM job WHERE state = 'available'
                UNION
                SELECT queue FROM job WHERE state IN ('scheduled','retryable') AND scheduled_at <= ?
                ORDER BY queue
                """, arguments: [now])
        }
    }
}
