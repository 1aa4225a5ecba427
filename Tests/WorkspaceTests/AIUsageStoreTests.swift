import Foundation
import GRDB
import XCTest
@testable import Workspace

final class AIUsageStoreTests: WorkspaceTestCase {
    func testAppendReadSinceAndAppendOnly() throws {
        let workspace = try openWorkspace()
        let day = Date(timeIntervalSince1970: 1_795_000_000)
        let old = AIUsageEntry(date: day.addingTimeInterval(-3600), provider: "openai", model: "gpt-4o-mini", section: "q1",
                               inputTokens: 300, outputTokens: 60, cost: 0.0001, latencyMs: 812, outcome: "ok", detail: nil)
        let new = AIUsageEntry(date: day, provider: "anthropic", model: "claude-sonnet-4-5", section: "q2", inputTokens: 0,
                               outputTokens: 0, cost: 0, latencyMs: 15, outcome: "retryable-error", detail: "anthropic: HTTP 529")
        try workspace.aiUsage.append(old)
        try workspace.aiUsage.append(new)
        XCTAssertEqual(try openWorkspace().aiUsage.entries(since: nil), [old, new], "durable across connections")
        XCTAssertEqual(try workspace.aiUsage.entries(since: day), [new])
        XCTAssertThrowsError(try workspace.pool.write { db in try db.execute(sql: "UPDATE ai_usage SET cost = 0") })
    }
}
