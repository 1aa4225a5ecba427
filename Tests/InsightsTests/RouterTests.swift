import Foundation
import HTTP
import HTTPTestSupport
@testable import Insights
import XCTest

final class RouterTests: XCTestCase {
    let clock = FakeClock()
    let ledger = MemoryLedger()
    let ok = ScriptedProvider.Step.answer("{}", TokenUsage(input: 100, output: 50))

    func router(_ providers: [CompletionProvider], breaker: CircuitBreaker = CircuitBreaker(failureThreshold: 3, cooldown: 60),
                budget: BudgetLimits? = nil, prices: [String: ModelPrice] = [:]) -> InsightRouter {
        InsightRouter(providers: providers, policy: RetryPolicy(maxRetries: 2, baseDelay: 0.5, maxBackoff: 8, maxHintDelay: 60, random: { 0 }),
                      breaker: breaker, budget: BudgetGuard(limits: budget, prices: PriceTable(prices)), ledger: ledger, clock: clock)
    }

    func testRetriesWithServerHintThenBackoffAndRecordsEveryAttempt() throws {
        let primary = ScriptedProvider("openai", model: "gpt-4o-mini", script: [.fail(.retry, retryAfter: 2, status: 429), .fail(.retry, retryAfter: nil, status: 503), ok])
        let routed = try router([primary], prices: ["gpt-4o-mini": ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.6)])
            .complete(Fixture.request, section: "s1")
        XCTAssertEqual(routed.provider, "openai")
        XCTAssertEqual(routed.attempts, 3)
        XCTAssertEqual(clock.sleeps, [2, 1], "the hint first, then 0.5 × 2^1 without jitter")
        let records = try ledger.records(since: nil)
        XCTAssertEqual(records.map(\.outcome), ["retryable-error", "retryable-error", "ok"])
        XCTAssertEqual(records.map(\.section), ["s1", "s1", "s1"])
        XCTAssertEqual(records.last?.inputTokens, 100)
        XCTAssertEqual(records.last?.cost ?? 0, (100 * 0.15 + 50 * 0.6) / 1_000_000, accuracy: 1e-12)
        XCTAssertTrue(records.first?.detail?.contains("HTTP 429") ?? false)
    }

    func testPrimaryCooledDownFallbackUsed() throws {
        let breaker = CircuitBreaker(failureThreshold: 3, cooldown: 60)
        breaker.trip("openai", until: clock.now().addingTimeInterval(30))
        let primary = ScriptedProvider("openai", script: [ok])
        let fallback = ScriptedProvider("anthropic", script: [ok])
        let routed = try router([primary, fallback], breaker: breaker).complete(Fixture.request, section: "s")
        XCTAssertEqual(routed.provider, "anthropic")
        XCTAssertEqual(primary.calls, 0)
        XCTAssertEqual(try ledger.records(since: nil).map(\.provider), ["anthropic"])
    }

    func testAllDownGivesOneErrorWithTheEarliestRetryTime() throws {
        let breaker = CircuitBreaker(failureThreshold: 1, cooldown: 60)
        breaker.trip("openai", until: clock.now().addingTimeInterval(300))
        let anthropic = ScriptedProvider("anthropic", script: [.fail(.retry, retryAfter: nil, status: 529)])
        let gemini = ScriptedProvider("gemini", script: [.fail(.retry, retryAfter: 600, status: 429)])
        let start = clock.now()
        XCTAssertThrowsError(try router([ScriptedProvider("openai", script: [ok]), anthropic, gemini], breaker: breaker).complete(Fixture.request, section: "s")) { error in
            guard case .unavailable(let earliest, let reasons)? = error as? RouterError else { return XCTFail("\(error)") }
            XCTAssertEqual(earliest, start.addingTimeInterval(60), "anthropic's cooldown ends first")
            XCTAssertEqual(reasons.count, 3)
            XCTAssertTrue(reasons[0].hasPrefix("openai cooling down until"))
            XCTAssertTrue("\(error)".contains("earliest retry at"))
        }
        XCTAssertEqual(clock.sleeps, [], "a hint above the cap is not slept on")
        if case .open(let until) = breaker.state("gemini", now: clock.now()) {
            XCTAssertEqual(until, start.addingTimeInterval(600))
        } else {
            XCTFail("gemini should cool down until its hint")
        }
    }

    func testStopEndsTheChainAndSaysSo() throws {
        let primary = ScriptedProvider("openai", script: [.fail(.stop, retryAfter: nil, status: 401)])
        let fallback = ScriptedProvider("anthropic", script: [ok])
        XCTAssertThrowsError(try router([primary, fallback]).complete(Fixture.request, section: "s")) { error in
            guard case .stopped(let provider, let reason)? = error as? RouterError else { return XCTFail("\(error)") }
            XCTAssertEqual(provider, "openai")
            XCTAssertTrue(reason.contains("HTTP 401"))
            XCTAssertTrue("\(error)".contains("needs attention"))
        }
        XCTAssertEqual(fallback.calls, 0)
        XCTAssertEqual(try ledger.records(since: nil).map(\.outcome), ["stopped"])
    }

    func testFallbackErrorMovesOnWithoutRetrying() throws {
        let primary = ScriptedProvider("openai", script: [.fail(.fallback, retryAfter: nil, status: 400), ok])
        let fallback = ScriptedProvider("anthropic", script: [ok])
        let routed = try router([primary, fallback]).complete(Fixture.request, section: "s")
        XCTAssertEqual(routed.provider, "anthropic")
        XCTAssertEqual(primary.calls, 1)
        XCTAssertEqual(clock.sleeps, [])
    }

    func testRetriesExhaustedFallsBack() throws {
        let primary = ScriptedProvider("openai", script: Array(repeating: .fail(.retry, retryAfter: nil, status: 500), count: 3))
        let fallback = ScriptedProvider("gemini", script: [ok])
        let breaker = CircuitBreaker(failureThreshold: 10, cooldown: 60)
        let routed = try router([primary, fallback], breaker: breaker).complete(Fixture.request, section: "s")
        XCTAssertEqual(routed.provider, "gemini")
        XCTAssertEqual(primary.calls, 3)
        XCTAssertEqual(clock.sleeps, [0.5, 1])
    }

    func testBudgetExceededBeforeTheCall() throws {
        let provider = ScriptedProvider("openai", model: "gpt-4o-mini", script: [ok])
        try ledger.record(UsageRecord(date: clock.now(), provider: "openai", model: "gpt-4o-mini", section: "old", inputTokens: 900, outputTokens: 0,
                                      cost: 0.9, latencyMs: 1, outcome: "ok"))
        XCTAssertThrowsError(try router([provider], budget: BudgetLimits(tokensPerDay: 1000)).complete(Fixture.request, section: "s")) { error in
            guard case .budgetExceeded(let detail)? = error as? RouterError else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("900 of 1000 tokens"))
        }
        let prices = ["gpt-4o-mini": ModelPrice(inputPerMillion: 1000, outputPerMillion: 1000)]
        XCTAssertThrowsError(try router([provider], budget: BudgetLimits(dollarsPerDay: 1), prices: prices).complete(Fixture.request, section: "s")) { error in
            XCTAssertTrue("\(error)".hasPrefix("daily AI budget reached: $0.9000 of $1.00"))
        }
        XCTAssertEqual(provider.calls, 0)
        clock.advance(86_400)
        XCTAssertNoThrow(try router([provider], budget: BudgetLimits(tokensPerDay: 1000)).complete(Fixture.request, section: "s"), "a new day, a new budget")
    }

    func testBreakerOpensAfterRepeatedFailuresAndProbesAfterCooldown() throws {
        let breaker = CircuitBreaker(failureThreshold: 2, cooldown: 60)
        let flaky = ScriptedProvider("openai", script: [.fail(.retry, retryAfter: nil, status: 500), .fail(.retry, retryAfter: nil, status: 500), ok, ok])
        let backup = ScriptedProvider("anthropic", script: [ok, ok])
        let router = router([flaky, backup], breaker: breaker)
        XCTAssertEqual(try router.complete(Fixture.request, section: "a").provider, "anthropic")
        XCTAssertEqual(flaky.calls, 2, "the breaker opened after two failures; no third try")
        XCTAssertEqual(try router.complete(Fixture.request, section: "b").provider, "anthropic", "still cooling down")
        XCTAssertEqual(flaky.calls, 2)
        clock.advance(61)
        XCTAssertEqual(breaker.state("openai", now: clock.now()), .halfOpen)
        XCTAssertEqual(try router.complete(Fixture.request, section: "c").provider, "openai", "the probe succeeds")
        XCTAssertEqual(breaker.state("openai", now: clock.now()), .closed)
    }

    func testBreakerHalfOpenAllowsOneProbeAndNeverShortensCooldown() {
        let breaker = CircuitBreaker(failureThreshold: 1, cooldown: 10)
        let now = Date(timeIntervalSince1970: 0)
        breaker.trip("p", until: now.addingTimeInterval(100))
        breaker.recordFailure("p", now: now)
        XCTAssertEqual(breaker.state("p", now: now), .open(until: now.addingTimeInterval(100)), "a shorter cooldown does not replace a longer one")
        XCTAssertFalse(breaker.allow("p", now: now.addingTimeInterval(50)))
        XCTAssertTrue(breaker.allow("p", now: now.addingTimeInterval(100)))
        XCTAssertFalse(breaker.allow("p", now: now.addingTimeInterval(100)), "one probe at a time")
        breaker.release("p")
        XCTAssertTrue(breaker.allow("p", now: now.addingTimeInterval(100)))
        breaker.recordFailure("p", now: now.addingTimeInterval(100))
        XCTAssertEqual(breaker.state("p", now: now.addingTimeInterval(100)), .open(until: now.addingTimeInterval(110)))
        let restored = CircuitBreaker(BreakerSettings(failureThreshold: 1, cooldown: 5))
        restored.restore(breaker.snapshot())
        XCTAssertEqual(restored.snapshot(), breaker.snapshot())
    }

    func testNoProvidersAndCancellation() throws {
        XCTAssertThrowsError(try router([]).complete(Fixture.request, section: "s")) { XCTAssertEqual($0 as? RouterError, .noProviders) }
        let cancelled = ScriptedProvider("openai", script: [.cancel])
        XCTAssertThrowsError(try router([cancelled]).complete(Fixture.request, section: "s")) { XCTAssertEqual($0 as? RouterError, .cancelled) }
        XCTAssertEqual(try ledger.records(since: nil).last?.outcome, "cancelled")
        let token = CancellationToken()
        token.cancel()
        let retrying = ScriptedProvider("openai", script: [.fail(.retry, retryAfter: 1, status: 429)])
        XCTAssertThrowsError(try router([retrying]).complete(Fixture.request, section: "s", cancellation: token)) { XCTAssertEqual($0 as? RouterError, .cancelled) }
    }

    func testPacingSpacesCallsToOneDeployment() throws {
        var endpoint = ProviderEndpoint(name: "local", kind: .ollama, model: "m", baseURL: URL(string: "http://127.0.0.1:1")!)
        endpoint.requestsPerMinute = 30
        let paced = PacedProvider(endpoint: endpoint)
        let router = router([paced])
        for _ in 0..<3 { _ = try router.complete(Fixture.request, section: "s") }
        XCTAssertEqual(clock.sleeps, [2, 2])
    }

    func testRouterOverRealHTTPHonoursRetryAfterMsThenSucceeds() throws {
        let server = try LoopbackServer { request in
            request.index == 0
                ? .json(429, #"{"error":{"message":"slow down","type":"requests","code":"rate_limit_exceeded"}}"#, headers: [("retry-after-ms", "250")])
                : .json(200, OpenAIProviderTests.success)
        }
        defer { server.stop() }
        let provider = Fixture.provider(Fixture.endpoint(.openai, server: server, path: "/v1"))
        let routed = try router([provider]).complete(Fixture.request, section: "s")
        XCTAssertEqual(routed.attempts, 2)
        XCTAssertEqual(clock.sleeps, [0.25])
        XCTAssertEqual(try ledger.records(since: nil).map(\.outcome), ["retryable-error", "ok"])
        XCTAssertEqual(try ledger.records(since: nil).last?.outputTokens, 482)
    }

    func testRetryPolicyDecisions() {
        let policy = RetryPolicy(RetrySettings(maxRetries: 1, baseDelay: 1, maxBackoff: 4, maxHintDelay: 30))
        XCTAssertEqual(policy.decide(attempt: 0, hint: 31), .giveUp(after: 31))
        XCTAssertEqual(policy.decide(attempt: 0, hint: 3), .wait(3))
        XCTAssertEqual(policy.decide(attempt: 1, hint: 3), .giveUp(after: 3))
        for attempt in 0..<6 {
            let delay = policy.backoff(attempt: attempt)
            let cap = min(pow(2, Double(attempt)), 4)
            XCTAssertTrue(delay <= cap && delay >= cap * 0.75, "jitter stays within [0.75, 1] of the capped delay")
        }
    }
}

/// Always answers; used to observe pacing.
struct PacedProvider: CompletionProvider {
    let endpoint: ProviderEndpoint

    func complete(_ request: CompletionRequest, cancellation: CancellationToken?) throws -> Completion {
        Completion(text: "{}", usage: .zero, model: endpoint.model)
    }
}
