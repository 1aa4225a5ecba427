import Foundation
import GRDB

extension JobStore {
    /// Largest group of completions written by one statement (bounds SQL variables and the
    /// number of distinct cached statements).
    static let batchChunk = 64

    /// Applies many finished runs in one open transaction. Successful runs share a few
    /// statements per chunk (the group-commit fast path); other outcomes go one by one.
    /// Every write keeps the per-run fence (epoch and attempt).
    func finishBatch(_ db: Database, _ completions: [JobCompletion], now: Int64) throws -> [Bool] {
        var applied = Array(repeating: false, count: completions.count)
        var plain: [String: [Int]] = [:]
        for (index, completion) in completions.enumerated() {
            if case .completed = completion.outcome {
                plain[completion.job.epoch, default: []].append(index)
            } else {
                applied[index] = try finish(db, completion, now: now)
            }
        }
        for indexes in plain.values {
            for start in stride(from: 0, to: indexes.count, by: Self.batchChunk) {
                let part = Array(indexes[start..<min(start + Self.batchChunk, indexes.count)])
                let done = try completePlain(db, part.map { completions[$0] }, now: now)
                for index in part where done.contains(completions[index].job.id) { applied[index] = true }
            }
        }
        return applied
    }

    /// Completes runs of one epoch with one fenced UPDATE … RETURNING; returns the ids applied.
    private func completePlain(_ db: Database, _ completions: [JobCompletion], now: Int64) throws -> Set<Int64> {
        guard let epoch = completions.first?.job.epoch else { return [] }
        let marks = Array(repeating: "?", count: completions.count).joined(separator: ",")
        let whens = Array(repeating: "WHEN ? THEN ?", count: completions.count).joined(separator: " ")
        var arguments: StatementArguments = [now]
        arguments += StatementArguments(completions.map { $0.job.id })
        arguments += [epoch]
        for completion in completions { arguments += [completion.job.id, completion.job.attempt] }
        let done = Set(try Int64.fetchAll(db.cachedStatement(sql: """
            UPDATE job SET state = 'completed', finalized_at = ?, lease_expires_at = NULL,
                           progress = CASE WHEN progress IS NULL THEN NULL ELSE 1.0 END
            WHERE id IN (\(marks)) AND state = 'running' AND run_epoch = ? AND attempt = CASE id \(whens) END
            RETURNING id
            """), arguments: arguments))
        let applied = completions.filter { done.contains($0.job.id) }
        guard !applied.isEmpty else { return done }
        for completion in applied {
            guard case let .completed(result?) = completion.outcome else { continue }
            try storeResult(db, completion.job, result: result, now: now)
        }
        let rows = Array(repeating: "(?, ?, ?, ?)", count: applied.count * 2).joined(separator: ",")
        var eventArguments: StatementArguments = []
        for completion in applied {
            eventArguments += [completion.job.id, completion.job.attemptedAt, "started", String(completion.job.attempt)]
        }
        for completion in applied { eventArguments += [completion.job.id, now, "completed", String(completion.job.attempt)] }
        try db.cachedStatement(sql: "INSERT INTO job_event (job_id, at, type, data) VALUES \(rows)")
            .execute(arguments: eventArguments)
        try unblockDependents(db, of: applied.map(\.job.id), now: now)
        return done
    }

    /// Keeps a completed run's result, and caches it when the job is cacheable.
    func storeResult(_ db: Database, _ job: ClaimedJob, result: Data, now: Int64) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO job_output (job_id, result) VALUES (?, ?)")
            .execute(arguments: [job.id, result])
        if let cacheKey = job.cacheKey {
            try storeCachedResult(db, key: cacheKey, jobID: job.id, result: result,
                                  ttl: job.cacheTTLMillis ?? options.cacheTTLMillis, now: now)
        }
    }

    /// Completed parents release the jobs waiting on them; a child waiting on several parents
    /// that complete together is decremented once per parent.
    func unblockDependents(_ db: Database, of parents: [Int64], now: Int64) throws {
        guard !parents.isEmpty else { return }
        let marks = Array(repeating: "?", count: parents.count).joined(separator: ",")
        let ids = StatementArguments(parents)
        let any = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM job_dep WHERE depends_on_id IN (\(marks)))
            """), arguments: ids) ?? false
        guard any else { return }
        try db.execute(sql: """
            UPDATE job SET depends_on_count = depends_on_count
                - (SELECT count(*) FROM job_dep WHERE job_dep.job_id = job.id AND depends_on_id IN (\(marks)))
            WHERE state = 'blocked' AND id IN (SELECT job_id FROM job_dep WHERE depends_on_id IN (\(marks)))
            """, arguments: ids + ids)
        try db.execute(sql: """
            UPDATE job SET state = CASE WHEN scheduled_at <= ? THEN 'available' ELSE 'scheduled' END
            WHERE state = 'blocked' AND depends_on_count <= 0
              AND id IN (SELECT job_id FROM job_dep WHERE depends_on_id IN (\(marks)))
            """, arguments: [now] + ids)
    }
}
