import Foundation
import HTTP

/// A completion and who produced it.
public struct RoutedCompletion: Sendable {
    /// The answer.
    public var completion: Completion
    /// The deployment that answered.
    public var provider: String
    /// The model asked for.
    public var model: String
    /// Attempts made across the chain, this one included.
    public var attempts: Int
}

/// The one retry loop: providers in order; per provider, retries with server hints or
/// jittered backoff; a circuit breaker per provider; a budget check before every call; every
/// attempt written to the usage ledger. A completion always comes whole from one provider.
public final class InsightRouter: @unchecked Sendable {
    /// The chain, in order.
    public let providers: [CompletionProvider]
    let policy: RetryPolicy
    /// The breakers, shared by all calls through this router.
    public let breaker: CircuitBreaker
    let budget: BudgetGuard
    let ledger: UsageLedger?
    let clock: RouterClock
    private let pacer = RequestPacer()

    /// A router over a chain of providers.
    public init(providers: [CompletionProvider], policy: RetryPolicy = RetryPolicy(), breaker: CircuitBreaker = CircuitBreaker(),
                budget: BudgetGuard = BudgetGuard(limits: nil, prices: PriceTable()), ledger: UsageLedger? = nil,
                clock: RouterClock = SystemClock()) {
        self.providers = providers
        self.policy = policy
        self.breaker = breaker
        self.budget = budget
        self.ledger = ledger
        self.clock = clock
    }

    /// Runs the chain for one request. `section` labels the ledger records.
    public func complete(_ request: CompletionRequest, section: String, cancellation: CancellationToken? = nil) throws -> RoutedCompletion {
        guard !providers.isEmpty else { throw RouterError.noProviders }
        var reasons: [String] = []
        var earliest: Date?
        var attempts = 0
        for provider in providers {
            let endpoint = provider.endpoint
            try budget.check(request, model: endpoint.model, ledger: ledger, now: clock.now())
            let outcome: ProviderOutcome
            if breaker.allow(endpoint.name, now: clock.now()) {
                outcome = try run(provider, request, section: section, cancellation: cancellation, attempts: &attempts)
            } else {
                let until = openDeadline(endpoint.name)
                outcome = .moveOn(endpoint.name + " cooling down" + (until.map { " until \(RouterError.timestamp($0))" } ?? ""), until: until)
            }
            switch outcome {
            case .done(let completion):
                return RoutedCompletion(completion: completion, provider: endpoint.name, model: endpoint.model, attempts: attempts)
            case .moveOn(let reason, let until):
                reasons.append(reason)
                if let until { earliest = min(earliest ?? until, until) }
            }
        }
        throw RouterError.unavailable(earliestRetry: earliest, reasons: reasons)
    }

    /// How one provider's turn ended.
    private enum ProviderOutcome {
        case done(Completion)
        case moveOn(String, until: Date?)
    }

    /// One provider's turn: attempts with retries until success, a reason to move on, or a stop.
    private func run(_ provider: CompletionProvider, _ request: CompletionRequest, section: String,
                     cancellation: CancellationToken?, attempts: inout Int) throws -> ProviderOutcome {
        let endpoint = provider.endpoint
        var attempt = 0
        while true {
            attempts += 1
            let failure: ProviderFailure
            switch try call(provider, request, section: section, cancellation: cancellation) {
            case .success(let completion): return .done(completion)
            case .failure(let error): failure = error
            }
            switch failure.action {
            case .stop:
                breaker.trip(endpoint.name, until: clock.now().addingTimeInterval(max(breaker.cooldown, failure.retryAfter ?? 0)))
                throw RouterError.stopped(provider: endpoint.name, reason: failure.description)
            case .fallback:
                return .moveOn(failure.description, until: nil)
            case .retry:
                breaker.recordFailure(endpoint.name, now: clock.now())
                let decision = policy.decide(attempt: attempt, hint: failure.retryAfter)
                if case .giveUp(let after?) = decision {
                    // The server named a time: the provider is of no use before it.
                    breaker.trip(endpoint.name, until: clock.now().addingTimeInterval(after))
                }
                if let until = openDeadline(endpoint.name) { return .moveOn(failure.description + "; cooling down", until: until) }
                guard case .wait(let delay) = decision else { return .moveOn(failure.description, until: nil) }
                try sleep(delay, cancellation: cancellation)
                try budget.check(request, model: endpoint.model, ledger: ledger, now: clock.now())
                attempt += 1
            }
        }
    }

    private func openDeadline(_ name: String) -> Date? {
        if case .open(let until) = breaker.state(name, now: clock.now()) { return until }
        return nil
    }

    private func sleep(_ seconds: TimeInterval, cancellation: CancellationToken?) throws {
        do {
            try clock.sleep(seconds, cancellation: cancellation)
        } catch {
            throw RouterError.cancelled
        }
    }

    /// One attempt: pace, call, record. Cancellation ends the whole route.
    private func call(_ provider: CompletionProvider, _ request: CompletionRequest, section: String,
                      cancellation: CancellationToken?) throws -> Result<Completion, ProviderFailure> {
        let endpoint = provider.endpoint
        do {
            try pacer.wait(for: endpoint, clock: clock, cancellation: cancellation)
        } catch {
            breaker.release(endpoint.name)
            throw RouterError.cancelled
        }
        let started = clock.now()
        do {
            let completion = try provider.complete(request, cancellation: cancellation)
            breaker.recordSuccess(endpoint.name)
            try record(endpoint, section: section, usage: completion.usage, started: started, outcome: "ok", detail: nil)
            return .success(completion)
        } catch let failure as ProviderFailure {
            try record(endpoint, section: section, usage: failure.usage, started: started, outcome: failure.outcome, detail: failure.description)
            return .failure(failure)
        } catch {
            // Only cancellation reaches here: providers turn every other error into a ProviderFailure.
            breaker.release(endpoint.name)
            try record(endpoint, section: section, usage: .zero, started: started, outcome: "cancelled", detail: nil)
            throw RouterError.cancelled
        }
    }

    private func record(_ endpoint: ProviderEndpoint, section: String, usage: TokenUsage, started: Date, outcome: String, detail: String?) throws {
        guard let ledger else { return }
        let now = clock.now()
        try ledger.record(UsageRecord(
            date: now, provider: endpoint.name, model: endpoint.model, section: section,
            inputTokens: usage.input, outputTokens: usage.output, cost: budget.prices.cost(model: endpoint.model, usage: usage),
            latencyMs: Int((now.timeIntervalSince(started) * 1000).rounded()), outcome: outcome, detail: detail))
    }
}
