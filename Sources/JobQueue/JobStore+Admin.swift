import Foundation
import GRDB

/// Which jobs a listing returns.
public struct JobFilter: Sendable, Equatable {
    /// Only jobs in these states (all when empty).
    public var states: [JobState]
    /// Only this queue.
    public var queue: String?
    /// Only this kind.
    public var kind: String?
    /// At most this many rows, newest first.
    public var limit: Int

    /// Creates a filter.
    public init(states: [JobState] = [], queue: String? = nil, kind: String? = nil, limit: Int = 100) {
        self.states = states
        self.queue = queue
        self.kind = kind
        self.limit = limit
    }

    /// The WHERE clause and its arguments.
    func whereClause() -> (String, StatementArguments) {
        var parts: [String] = []
        var arguments: StatementArguments = []
        // One state is spelled `state = '…'` so a partial index on that state (`job_dead`) applies;
        // SQLite does not match `IN (one value)` against a partial index's WHERE.
        if states.count == 1 {
            parts.append("state = '\(states[0].rawValue)'")
        } else if !states.isEmpty {
            parts.append("state IN (\(states.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
        }
        if let queue { parts.append("queue = ?"); arguments += [queue] }
        if let kind { parts.append("kind = ?"); arguments += [kind] }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
    }
}

/// One entry of the append-only event log.
public struct JobEvent: Sendable, Equatable {
    /// The job it concerns.
    public var jobID: Int64
    /// When, Unix ms.
    public var at: Int64
    /// `enqueued`, `started`, `completed`, `retrying`, `snoozed`, `discarded`, `cancelled`, `recovered`, `requeued`…
    public var type: String
    /// Details.
    public var data: String?
}

extension JobStore {
    /// One job, or nil.
    public func job(_ id: Int64) throws -> Job? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM job WHERE id = ?", arguments: [id]).map(Job.init(row:)) }
    }

    /// Jobs matching a filter, newest first.
    public func jobs(_ filter: JobFilter = JobFilter()) throws -> [Job] {
        let (clause, arguments) = filter.whereClause()
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM job WHERE \(clause) ORDER BY id DESC LIMIT \(max(filter.limit, 0))",
                             arguments: arguments).map(Job.init(row:))
        }
    }

    /// A job's event log, oldest first.
    public func events(of jobID: Int64) throws -> [JobEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM job_event WHERE job_id = ? ORDER BY id", arguments: [jobID]).map {
                JobEvent(jobID: $0["job_id"], at: $0["at"], type: $0["type"], data: $0["data"])
            }
        }
    }

    /// Cancels a job: a waiting job at once (returns `.cancelled`); a running job cooperatively
    /// (returns `.running`; its worker stops it and writes `cancelled` after the grace period).
    @discardableResult
    public func cancel(_ id: Int64) throws -> JobState {
        let now = clock.nowMillis()
        return try write { db in
            guard let raw = try String.fetchOne(db, sql: "SELECT state FROM job WHERE id = ?", arguments: [id]),
                  let state = JobState(rawValue: raw) else { throw JobQueueError.jobNotFound(id) }
            if state.isTerminal { throw JobQueueError.invalidState(id: id, state: state, operation: "cancel") }
            if state == .running {
                try db.execute(sql: "UPDATE job SET cancel_requested_at = coalesce(cancel_requested_at, ?) WHERE id = ?",
                               arguments: [now, id])
                try Self.logEvent(db, jobID: id, at: now, type: "cancel_requested")
                return .running
            }
            try db.execute(sql: "UPDATE job SET state = 'cancelled', finalized_at = ? WHERE id = ?", arguments: [now, id])
            try Self.logEvent(db, jobID: id, at: now, type: "cancelled", data: "cancelled while \(state.rawValue)")
            try cascadeCancel(db, parent: id, now: now)
            return .cancelled
        }
    }

    /// Requeues one dead-lettered (or cancelled) job with a fresh set of attempts.
    public func requeue(_ id: Int64) throws {
        let now = clock.nowMillis()
        try write { db in
            guard let raw = try String.fetchOne(db, sql: "SELECT state FROM job WHERE id = ?", arguments: [id]),
                  let state = JobState(rawValue: raw) else { throw JobQueueError.jobNotFound(id) }
            guard state == .discarded || state == .cancelled else {
                throw JobQueueError.invalidState(id: id, state: state, operation: "requeue")
            }
            try requeueRow(db, id: id, now: now)
        }
        notifyWork()
    }

    /// Requeues every dead-lettered job (optionally of one queue), in batches of 1,000.
    @discardableResult
    public func requeueDiscarded(queue: String? = nil) throws -> Int {
        let now = clock.nowMillis()
        var total = 0
        while true {
            let moved = try write { db -> Int in
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT id FROM job WHERE state = 'discarded' AND (? IS NULL OR queue = ?) LIMIT 1000
                    """, arguments: [queue, queue])
                for id in ids { try requeueRow(db, id: id, now: now) }
                return ids.count
            }
            total += moved
            if moved < 1000 { break }
        }
        if total > 0 { notifyWork() }
        return total
    }

    private func requeueRow(_ db: Database, id: Int64, now: Int64) throws {
        do {
            try db.execute(sql: """
                UPDATE job SET state = 'available', attempt = 0, finalized_at = NULL, scheduled_at = ?, retry_tier = 0,
                               cancel_requested_at = NULL, run_epoch = NULL, lease_expires_at = NULL
                WHERE id = ?
                """, arguments: [now, id])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw JobQueueError.invalidRequest("job \(id) has a unique key held by another live job")
        }
        try Self.logEvent(db, jobID: id, at: now, type: "requeued", data: "manual")
    }

    /// Deletes terminal jobs (all terminal states by default) of an optional queue. Returns the count.
    @discardableResult
    public func purge(states: [JobState] = [.completed, .cancelled, .discarded], queue: String? = nil) throws -> Int {
        let terminal = states.filter(\.isTerminal)
        guard !terminal.isEmpty else { return 0 }
        let list = terminal.map { "'\($0.rawValue)'" }.joined(separator: ",")
        var total = 0
        while true {
            let deleted = try write { db -> Int in
                try db.execute(sql: """
                    DELETE FROM job WHERE id IN (SELECT id FROM job WHERE state IN (\(list))
                                                 AND (? IS NULL OR queue = ?) LIMIT 1000)
                    """, arguments: [queue, queue])
                return db.changesCount
            }
            total += deleted
            if deleted < 1000 { return total }
        }
    }
}
