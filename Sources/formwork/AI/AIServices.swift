import Foundation
import HTTP
import Insights
import Workspace

/// The live AI services for one invocation: the configuration, the provider chain, the
/// breakers (with cooldowns kept between runs in the workspace), the usage ledger, the cache
/// and the engine.
struct AIServices {
    let config: AIConfig
    let endpoints: [ProviderEndpoint]
    let skipped: [SkippedProvider]
    let workspace: URL
    let ledger: UsageLedger
    let breaker: CircuitBreaker
    let http: HTTPClient
    /// One router per services value, so its pacing spans every call made through them.
    let router: InsightRouter

    /// Reads the config (refusing one others can read), resolves the chain, and narrows it to
    /// `provider` (a name or a kind) when given.
    init(workspace: URL, provider: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let path = AIConfigLoader.defaultPath(environment: environment)
        config = try AIConfigLoader.load(path: path)
        var (endpoints, skipped) = try ProviderResolver.resolve(config, environment: environment)
        if let provider {
            let chosen = endpoints.filter { $0.name == provider || $0.kind.rawValue == provider }
            guard !chosen.isEmpty else {
                let known = endpoints.map(\.name) + skipped.map { "\($0.name) (skipped: \($0.reason))" }
                throw AICommandError.unknownProvider(provider, known: known)
            }
            endpoints = chosen
            skipped = skipped.filter { $0.name == provider }
        }
        self.endpoints = endpoints
        self.skipped = skipped
        self.workspace = workspace
        ledger = WorkspaceUsageLedger(workspace: try Workspace.open(at: workspace))
        breaker = CircuitBreaker(config.breaker)
        breaker.restore(Self.loadCooldowns(workspace))
        let client = CurlHTTPClient(environment: environment)
        http = client
        router = InsightRouter(providers: endpoints.map { ProviderFactory.provider(for: $0, http: client) }, policy: RetryPolicy(config.retry),
                               breaker: breaker, budget: BudgetGuard(limits: config.budget, prices: PriceTable(config.prices)), ledger: ledger)
    }

    /// The providers of the chain.
    var providers: [CompletionProvider] { router.providers }

    /// The engine; `localOnly` skips every model (the `--no-wait-ai` and keyless path).
    func engine(localOnly: Bool = false, useCache: Bool = true) -> InsightEngine {
        InsightEngine(router: localOnly ? nil : router,
                      cache: useCache ? FileInsightCache(directory: workspace.appendingPathComponent("cache/insights")) : nil,
                      maxOutputTokens: config.maxOutputTokens ?? 800, temperature: config.temperature ?? 0.2)
    }

    /// Saves the breakers' cooldowns so the next run does not hammer a rate-limited provider.
    func saveCooldowns() {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(breaker.snapshot()) else { return }
        try? data.write(to: workspace.appendingPathComponent("ai-cooldowns.json"), options: .atomic)
    }

    private static func loadCooldowns(_ workspace: URL) -> [String: Date] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = try? Data(contentsOf: workspace.appendingPathComponent("ai-cooldowns.json")) else { return [:] }
        return (try? decoder.decode([String: Date].self, from: data)) ?? [:]
    }
}

/// Errors of the `ai` commands.
enum AICommandError: Error, CustomStringConvertible {
    /// `--provider` names nothing configured.
    case unknownProvider(String, known: [String])
    /// `--since` could not be read.
    case badSince(String)
    /// A facts file could not be read.
    case badFacts(path: String, reason: String)

    var description: String {
        switch self {
        case .unknownProvider(let name, let known):
            return "no provider '\(name)' is configured" + (known.isEmpty ? " (none are)" : "; configured: " + known.joined(separator: ", "))
        case .badSince(let text): return "--since '\(text)': use a duration (30m, 24h, 7d) or a date (2026-11-01 or ISO 8601)"
        case .badFacts(let path, let reason): return "\(path): \(reason)"
        }
    }
}
