import Foundation
import GRDB

/// Collects event-log rows of one type and writes them with multi-row INSERTs
/// (one statement per 64 rows instead of one per row).
struct EventBatch {
    let type: String
    let at: Int64
    private var rows: [(Int64, String?)] = []

    init(type: String, at: Int64) {
        self.type = type
        self.at = at
    }

    /// Queues one row, writing a full chunk when it is ready.
    mutating func add(_ db: Database, jobID: Int64, data: String?) throws {
        rows.append((jobID, data))
        if rows.count >= JobStore.batchChunk { try flush(db) }
    }

    /// Writes the queued rows.
    mutating func flush(_ db: Database) throws {
        guard !rows.isEmpty else { return }
        let values = Array(repeating: "(?, ?, ?, ?)", count: rows.count).joined(separator: ",")
        var arguments: StatementArguments = []
        for (jobID, data) in rows { arguments += [jobID, at, type, data] }
        try db.cachedStatement(sql: "INSERT INTO job_event (job_id, at, type, data) VALUES \(values)")
            .execute(arguments: arguments)
        rows.removeAll(keepingCapacity: true)
    }
}
