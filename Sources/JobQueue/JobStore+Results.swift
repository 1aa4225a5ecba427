import Foundation
import GRDB

extension JobStore {
    /// Stores a result in the content-addressed cache and evicts least recently used results
    /// beyond the size cap.
    func storeCachedResult(_ db: Database, key: String, jobID: Int64, result: Data, ttl: Int64, now: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO job_result (cache_key, job_id, result, bytes, created_at, expires_at, accessed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [key, jobID, result, result.count, now, now + ttl, now])
        try evictBeyondCap(db)
    }

    /// Deletes least recently used cached results until the cache fits its cap.
    private func evictBeyondCap(_ db: Database) throws {
        var total = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(bytes), 0) FROM job_result") ?? 0
        while total > options.cacheCapBytes {
            guard let row = try Row.fetchOne(db, sql: """
                SELECT cache_key, bytes FROM job_result ORDER BY accessed_at, created_at LIMIT 1
                """) else { return }
            let key: String = row["cache_key"]
            let bytes: Int64 = row["bytes"]
            try db.execute(sql: "DELETE FROM job_result WHERE cache_key = ?", arguments: [key])
            total -= bytes
        }
    }

    /// The fresh cached result for a request with `cacheVersion`, if any.
    public func cachedResult(for request: JobRequest) throws -> Data? {
        guard let key = try request.cacheKey() else { return nil }
        let now = clock.nowMillis()
        return try read { db in
            try Data.fetchOne(db, sql: "SELECT result FROM job_result WHERE cache_key = ? AND expires_at > ?",
                              arguments: [key, now])
        }
    }

    /// The result bytes a completed job returned, if it returned any.
    public func result(of jobID: Int64) throws -> Data? {
        try read { db in
            try Data.fetchOne(db, sql: "SELECT result FROM job_output WHERE job_id = ?", arguments: [jobID])
        }
    }

    /// Total bytes held by the result cache.
    public func cacheBytes() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(sum(bytes), 0) FROM job_result") ?? 0 }
    }
}
