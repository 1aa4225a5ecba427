import Foundation
import GRDB

/// One attempt to call an AI model, as the workspace stores it. The Insights target defines the
/// ledger protocol; the formwork target maps its records to these rows (Insights never sees GRDB).
public struct AIUsageEntry: Sendable, Equatable {
    /// When the attempt ended.
    public var date: Date
    /// The provider's name in the chain.
    public var provider: String
    /// The model.
    public var model: String
    /// The report section the call was for.
    public var section: String
    /// Input tokens.
    public var inputTokens: Int
    /// Output tokens.
    public var outputTokens: Int
    /// Dollars.
    public var cost: Double
    /// Milliseconds.
    public var latencyMs: Int
    /// "ok", "retryable-error", "fallback-error", "stopped", "cancelled".
    public var outcome: String
    /// The error line, if any.
    public var detail: String?

    /// An entry from its parts.
    public init(date: Date, provider: String, model: String, section: String, inputTokens: Int, outputTokens: Int,
                cost: Double, latencyMs: Int, outcome: String, detail: String?) {
        self.date = date
        self.provider = provider
        self.model = model
        self.section = section
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cost = cost
        self.latencyMs = latencyMs
        self.outcome = outcome
        self.detail = detail
    }
}

/// The append-only AI usage ledger in `formwork.db` (table `ai_usage`).
public struct AIUsageStore {
    let workspace: Workspace

    /// Appends one entry in its own transaction.
    public func append(_ entry: AIUsageEntry) throws {
        try workspace.write { db in
            try db.execute(sql: """
                INSERT INTO ai_usage (date, provider, model, section, inputTokens, outputTokens, cost, latencyMs, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.date, entry.provider, entry.model, entry.section, entry.inputTokens, entry.outputTokens,
                                 entry.cost, entry.latencyMs, entry.outcome, entry.detail])
        }
    }

    /// The entries at or after `since` (all when nil), oldest first.
    public func entries(since: Date?) throws -> [AIUsageEntry] {
        try workspace.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM ai_usage WHERE date >= ? ORDER BY date, id",
                                        arguments: [since ?? Date(timeIntervalSince1970: 0)])
            return rows.map { row in
                AIUsageEntry(date: row["date"], provider: row["provider"], model: row["model"], section: row["section"],
                             inputTokens: row["inputTokens"], outputTokens: row["outputTokens"], cost: row["cost"],
                             latencyMs: row["latencyMs"], outcome: row["outcome"], detail: row["detail"])
            }
        }
    }
}
