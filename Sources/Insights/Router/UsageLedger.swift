import Foundation

/// One attempt to call a model, as the usage ledger keeps it.
public struct UsageRecord: Codable, Sendable, Equatable {
    /// When the attempt ended.
    public var date: Date
    /// The deployment's name.
    public var provider: String
    /// The model asked for.
    public var model: String
    /// The report section (fact table) the call was for.
    public var section: String
    /// Input tokens.
    public var inputTokens: Int
    /// Output tokens.
    public var outputTokens: Int
    /// Dollars, from the price table (0 when the model has no price).
    public var cost: Double
    /// Milliseconds the attempt took.
    public var latencyMs: Int
    /// "ok", "retryable-error", "fallback-error", "stopped", "cancelled", "grounding-failed".
    public var outcome: String
    /// The error, one line, if the attempt failed.
    public var detail: String?

    /// A record from its parts.
    public init(date: Date, provider: String, model: String, section: String, inputTokens: Int, outputTokens: Int,
                cost: Double, latencyMs: Int, outcome: String, detail: String? = nil) {
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

/// Where every attempt is recorded. The workspace implements it over its database; a JSON
/// Lines file implementation is in this target for workspaces without one.
public protocol UsageLedger: Sendable {
    /// Appends a record durably.
    func record(_ entry: UsageRecord) throws
    /// The records at or after `since` (all when nil), oldest first.
    func records(since: Date?) throws -> [UsageRecord]
}

/// Tokens and dollars over a period.
public struct UsageTotals: Sendable, Equatable {
    /// Input plus output tokens.
    public var tokens: Int
    /// Dollars.
    public var cost: Double
}

extension UsageLedger {
    /// Totals since a date.
    public func totals(since: Date) throws -> UsageTotals {
        try records(since: since).reduce(UsageTotals(tokens: 0, cost: 0)) {
            UsageTotals(tokens: $0.tokens + $1.inputTokens + $1.outputTokens, cost: $0.cost + $1.cost)
        }
    }
}
