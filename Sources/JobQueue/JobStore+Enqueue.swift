import Foundation
import GRDB

extension JobStore {
    /// Enqueues one job (durable on return under FULL).
    @discardableResult
    public func enqueue(_ request: JobRequest) throws -> EnqueueResult {
        try enqueue([request])[0]
    }

    /// Enqueues many jobs in one transaction: all are written or none.
    @discardableResult
    public func enqueue(_ requests: [JobRequest]) throws -> [EnqueueResult] {
        guard !requests.isEmpty else { return [] }
        let results = try write { db in try enqueue(in: db, requests) }
        notifyWork(queues: Array(Set(requests.map(\.queue))))
        return results
    }

    /// Enqueues inside the caller's own write transaction on the same database file, so app data
    /// and its jobs commit together (transactional outbox). Call `wake()` after the commit.
    public func enqueue(in db: Database, _ requests: [JobRequest]) throws -> [EnqueueResult] {
        let now = clock.nowMillis()
        var results: [EnqueueResult] = []
        results.reserveCapacity(requests.count)
        var events = EventBatch(type: "enqueued", at: now)
        var lastValidArgs: Data?
        for request in requests {
            try request.validateFields()
            // Batches often repeat the same arguments: parse each distinct run of them once.
            if request.args != lastValidArgs {
                try request.validateArguments()
                lastValidArgs = request.args
            }
            let result = try insert(db, request, cacheKey: try request.cacheKey(), now: now)
            if result.disposition == .inserted { try events.add(db, jobID: result.id, data: result.state.rawValue) }
            results.append(EnqueueResult(id: result.id, disposition: result.disposition))
        }
        try events.flush(db)
        return results
    }

    /// Wakes in-process workers after an `enqueue(in:)` transaction committed.
    public func wake() { notifyWork() }

    private func insert(_ db: Database, _ request: JobRequest, cacheKey: String?,
                        now: Int64) throws -> (id: Int64, disposition: EnqueueDisposition, state: JobState) {
        if let cacheKey, let existing = try cachedOrRunning(db, cacheKey: cacheKey, now: now) {
            return (existing.id, existing.disposition, .available)
        }
        if let uniqueKey = request.uniqueKey,
           let id = try Int64.fetchOne(db, sql: """
               SELECT id FROM job WHERE unique_key = ? AND state NOT IN \(JobState.terminalSQL)
               """, arguments: [uniqueKey]) {
            return (id, .duplicate, .available)
        }
        let pending = try pendingDependencies(db, request.dependsOn)
        let state: JobState = pending > 0 ? .blocked : (request.delayMillis > 0 ? .scheduled : .available)
        let maxAttempts = request.maxAttempts ?? options.defaults(for: request.queue).maxAttempts
        try db.cachedStatement(sql: """
            INSERT INTO job (queue, kind, state, priority, args, max_attempts, scheduled_at, unique_key,
                             cache_key, cache_ttl_ms, timeout_ms, depends_on_count, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [request.queue, request.kind, state.rawValue, request.priority, request.args,
                                     maxAttempts, now + request.delayMillis, request.uniqueKey, cacheKey, request.cacheTTLMillis,
                                     request.timeoutMillis, pending, now])
        let id = db.lastInsertedRowID
        for parent in Set(request.dependsOn) {
            try db.execute(sql: "INSERT INTO job_dep (job_id, depends_on_id) VALUES (?, ?)", arguments: [id, parent])
        }
        return (id, .inserted, state)
    }

    /// A fresh cached result, or an identical job still in flight (single flight).
    private func cachedOrRunning(_ db: Database, cacheKey: String, now: Int64) throws -> EnqueueResult? {
        if let jobID = try Int64.fetchOne(db, sql: """
            SELECT job_id FROM job_result WHERE cache_key = ? AND expires_at > ?
            """, arguments: [cacheKey, now]) {
            try db.execute(sql: "UPDATE job_result SET accessed_at = ? WHERE cache_key = ?", arguments: [now, cacheKey])
            return EnqueueResult(id: jobID, disposition: .cached)
        }
        if let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM job WHERE cache_key = ? AND state NOT IN \(JobState.terminalSQL) LIMIT 1
            """, arguments: [cacheKey]) {
            return EnqueueResult(id: id, disposition: .attached)
        }
        return nil
    }

    /// How many of `parents` have not completed yet; unknown or failed parents are refused.
    private func pendingDependencies(_ db: Database, _ parents: [Int64]) throws -> Int {
        var pending = 0
        for parent in Set(parents) {
            guard let raw = try String.fetchOne(db, sql: "SELECT state FROM job WHERE id = ?", arguments: [parent]),
                  let state = JobState(rawValue: raw) else {
                throw JobQueueError.invalidRequest("unknown dependency \(parent)")
            }
            if state == .cancelled || state == .discarded {
                throw JobQueueError.invalidRequest("dependency \(parent) is \(state.rawValue)")
            }
            if state != .completed { pending += 1 }
        }
        return pending
    }
}
