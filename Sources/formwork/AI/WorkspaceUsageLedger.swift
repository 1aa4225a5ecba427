import Foundation
import Insights
import Workspace

/// The usage ledger in the workspace database: Insights defines the protocol, Workspace owns
/// the table, and this adapter is the only place that knows both.
struct WorkspaceUsageLedger: UsageLedger, @unchecked Sendable {
    let workspace: Workspace

    func record(_ entry: UsageRecord) throws {
        try workspace.aiUsage.append(AIUsageEntry(
            date: entry.date, provider: entry.provider, model: entry.model, section: entry.section, inputTokens: entry.inputTokens,
            outputTokens: entry.outputTokens, cost: entry.cost, latencyMs: entry.latencyMs, outcome: entry.outcome, detail: entry.detail))
    }

    func records(since: Date?) throws -> [UsageRecord] {
        try workspace.aiUsage.entries(since: since).map { entry in
            UsageRecord(date: entry.date, provider: entry.provider, model: entry.model, section: entry.section, inputTokens: entry.inputTokens,
                        outputTokens: entry.outputTokens, cost: entry.cost, latencyMs: entry.latencyMs, outcome: entry.outcome, detail: entry.detail)
        }
    }
}
