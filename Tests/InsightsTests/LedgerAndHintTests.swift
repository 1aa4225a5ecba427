import Foundation
import HTTP
@testable import Insights
import XCTest

final class LedgerAndHintTests: XCTestCase {
    func testJSONLinesLedgerAppendsReadsFiltersAndSkipsDamagedLines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ledger = JSONLinesUsageLedger(path: path)
        XCTAssertEqual(try ledger.records(since: nil), [])
        let day = Date(timeIntervalSince1970: 1_795_000_000)
        let old = UsageRecord(date: day.addingTimeInterval(-86_400), provider: "openai", model: "m", section: "a", inputTokens: 1, outputTokens: 2,
                              cost: 0.5, latencyMs: 10, outcome: "ok")
        let new = UsageRecord(date: day, provider: "gemini", model: "g", section: "b", inputTokens: 3, outputTokens: 4, cost: 0.25,
                              latencyMs: 20, outcome: "retryable-error", detail: "gemini g: HTTP 503")
        try ledger.record(old)
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data("{\"truncated\n".utf8))
            handle.closeFile()
        }
        try ledger.record(new)
        XCTAssertEqual(try ledger.records(since: nil), [old, new])
        XCTAssertEqual(try ledger.records(since: day), [new])
        XCTAssertEqual(try ledger.totals(since: day.addingTimeInterval(-100_000)), UsageTotals(tokens: 10, cost: 0.75))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
    }

    func testLedgerInAMissingFolderFails() {
        let ledger = JSONLinesUsageLedger(path: "/nonexistent-folder-\(UUID().uuidString)/usage.jsonl")
        XCTAssertThrowsError(try ledger.record(UsageRecord(date: Date(), provider: "p", model: "m", section: "s", inputTokens: 0, outputTokens: 0,
                                                             cost: 0, latencyMs: 0, outcome: "ok"))) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot open usage ledger"))
        }
        XCTAssertFalse(LedgerError.cannotWrite(path: "p", reason: "r").description.isEmpty)
    }

    func testDurationsAndDates() {
        XCTAssertEqual(RetryHints.duration("37s"), 37)
        XCTAssertEqual(RetryHints.duration("1.2s"), 1.2)
        XCTAssertEqual(RetryHints.duration("12ms"), 0.012)
        XCTAssertEqual(RetryHints.duration("6m0s"), 360)
        XCTAssertEqual(RetryHints.duration("1h2m3.5s"), 3723.5)
        for bad in ["", "s", "12", "3x", "1.2.3s"] { XCTAssertNil(RetryHints.duration(bad), bad) }
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        XCTAssertEqual(RetryHints.delay(from: ["retry-after": "Wed, 18 Nov 2026 11:07:10 GMT"], now: now), 30)
        XCTAssertEqual(RetryHints.delay(from: ["retry-after": "Wed, 18 Nov 2026 11:00:00 GMT"], now: now), 0, "a date in the past means now")
        XCTAssertEqual(RetryHints.delay(from: ["retry-after-ms": "20", "retry-after": "9"], now: now), 0.02)
        XCTAssertNil(RetryHints.delay(from: ["retry-after": "soon"], now: now))
        XCTAssertNil(RetryHints.delay(from: ["retry-after-ms": "-5"], now: now))
        XCTAssertEqual(RetryHints.format(2), "2 s")
        XCTAssertEqual(RetryHints.format(1.5), "1.5 s")
        XCTAssertEqual(RetryHints.format(600), "10 min")
    }

    func testRateLimitHeaders() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let anthropic = RateLimitInfo.anthropic(["anthropic-ratelimit-tokens-remaining": "0", "anthropic-ratelimit-tokens-reset": "2026-11-18T11:07:40Z"], now: now)
        XCTAssertEqual(anthropic, RateLimitInfo(remainingTokens: 0, resetTokens: 60))
        XCTAssertEqual(anthropic?.exhaustedReset, 60)
        XCTAssertNil(RateLimitInfo.openAI([:]))
        XCTAssertNil(RateLimitInfo.anthropic([:]))
        XCTAssertNil(RateLimitInfo(remainingRequests: 3, resetRequests: 1).exhaustedReset)
    }

    func testPricesAndFailureText() {
        let prices = PriceTable(["gpt-4o": ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10), "gpt-4o-mini": ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.6)])
        XCTAssertEqual(prices.price(for: "gpt-4o-mini-2024-07-18")?.inputPerMillion, 0.15, "the longest prefix wins")
        XCTAssertEqual(prices.cost(model: "gpt-4o", usage: TokenUsage(input: 1_000_000, output: 1_000_000)), 12.5)
        XCTAssertEqual(prices.cost(model: "unknown", usage: TokenUsage(input: 5)), 0)
        let failure = ProviderFailure(provider: "openai", model: "m", action: .retry, status: 429, code: "rate_limit_exceeded",
                                      message: "slow\ndown " + String(repeating: "x", count: 400), retryAfter: 2)
        XCTAssertFalse(failure.description.contains("\n"))
        XCTAssertTrue(failure.description.hasPrefix("openai m: HTTP 429 rate_limit_exceeded: slow down"))
        XCTAssertTrue(failure.description.hasSuffix("(retry in 2 s)"))
        XCTAssertEqual([FailureAction.retry, .fallback, .stop].map { ProviderFailure(provider: "p", model: "m", action: $0, message: "").outcome },
                       ["retryable-error", "fallback-error", "stopped"])
        XCTAssertEqual(BudgetGuard.startOfDay(Date(timeIntervalSince1970: 1_795_000_000)), Date(timeIntervalSince1970: 1_794_960_000))
        XCTAssertTrue(RouterError.noProviders.description.contains("OPENAI_API_KEY"))
        XCTAssertEqual(RouterError.cancelled.description, "AI request cancelled")
        XCTAssertTrue(RouterError.unavailable(earliestRetry: nil, reasons: ["a"]).description.hasSuffix("try again later"))
    }

    func testSystemClockSleepsAndHonoursCancellation() throws {
        let clock = SystemClock()
        XCTAssertNoThrow(try clock.sleep(0.01, cancellation: nil))
        let token = CancellationToken()
        token.cancel()
        XCTAssertThrowsError(try clock.sleep(5, cancellation: token)) { XCTAssertEqual($0 as? HTTPError, .cancelled) }
        XCTAssertLessThanOrEqual(abs(clock.now().timeIntervalSinceNow), 1)
    }
}
