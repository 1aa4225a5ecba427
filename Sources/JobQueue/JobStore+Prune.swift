import Foundation
import GRDB

/// How long finished work is kept.
public struct PrunePolicy: Sendable, Equatable {
    /// Completed jobs (24 h).
    public var completedMillis: Int64 = 86_400_000
    /// Cancelled jobs (24 h).
    public var cancelledMillis: Int64 = 86_400_000
    /// Dead-lettered jobs (7 d).
    public var discardedMillis: Int64 = 7 * 86_400_000
    /// Event log entries (7 d).
    public var eventMillis: Int64 = 7 * 86_400_000
    /// Rows deleted per transaction, so the writer is never held for long.
    public var batchSize: Int = 1_000

    /// Creates the default policy.
    public init() {}
}

/// What one pruning pass deleted.
public struct PruneReport: Sendable, Equatable {
    /// Jobs deleted.
    public var jobs = 0
    /// Events deleted.
    public var events = 0
    /// Expired cached results deleted.
    public var results = 0
}

extension JobStore {
    /// Deletes old finished jobs, old events and expired results, in small batches.
    @discardableResult
    public func prune(_ policy: PrunePolicy = PrunePolicy()) throws -> PruneReport {
        let now = clock.nowMillis()
        var report = PruneReport()
        let ages: [(JobState, Int64)] = [(.completed, policy.completedMillis), (.cancelled, policy.cancelledMillis),
                                         (.discarded, policy.discardedMillis)]
        for (state, age) in ages {
            report.jobs += try batchedDelete(policy.batchSize, sql: """
                DELETE FROM job WHERE id IN (SELECT id FROM job WHERE state = '\(state.rawValue)' AND finalized_at < ?
                                             LIMIT ?)
                """, cutoff: now - age)
        }
        report.events = try pruneEvents(before: now - policy.eventMillis, batchSize: policy.batchSize)
        report.results = try batchedDelete(policy.batchSize, sql: """
            DELETE FROM job_result WHERE cache_key IN (SELECT cache_key FROM job_result WHERE expires_at <= ? LIMIT ?)
            """, cutoff: now)
        return report
    }

    /// Events are appended in time order, so the oldest are the lowest ids: delete from the
    /// front of the log until the first event that is young enough (no index on `at` needed,
    /// which keeps every job write one index page lighter).
    private func pruneEvents(before cutoff: Int64, batchSize: Int) throws -> Int {
        var total = 0
        while true {
            let (deleted, more) = try write { db -> (Int, Bool) in
                let rows = try Row.fetchAll(db, sql: "SELECT id, at FROM job_event ORDER BY id LIMIT ?",
                                            arguments: [max(batchSize, 1)])
                let old = rows.prefix { ($0["at"] as Int64) < cutoff }
                guard let last = old.last else { return (0, false) }
                try db.execute(sql: "DELETE FROM job_event WHERE id <= ?", arguments: [last["id"] as Int64])
                return (old.count, old.count == rows.count && rows.count == max(batchSize, 1))
            }
            total += deleted
            if !more { return total }
        }
    }

    private func batchedDelete(_ batchSize: Int, sql: String, cutoff: Int64) throws -> Int {
        var total = 0
        while true {
            let deleted = try write { db -> Int in
                try db.execute(sql: sql, arguments: [cutoff, max(batchSize, 1)])
                return db.changesCount
            }
            total += deleted
            if deleted < max(batchSize, 1) { return total }
        }
    }
}
