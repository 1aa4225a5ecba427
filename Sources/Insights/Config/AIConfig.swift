import Foundation

/// The AI settings file (`ai.json`): the provider chain, prices, budget, retry and breaker
/// settings. Every field is optional; without a file the chain comes from the environment.
public struct AIConfig: Codable, Sendable, Equatable {
    /// The providers in the order they are tried; nil means "from the environment".
    public var providers: [ProviderConfig]?
    /// Prices per model id, in dollars per million tokens.
    public var prices: [String: ModelPrice]
    /// Daily limits.
    public var budget: BudgetLimits?
    /// Retry settings.
    public var retry: RetrySettings?
    /// Circuit-breaker settings.
    public var breaker: BreakerSettings?
    /// The most output tokens per insight call.
    public var maxOutputTokens: Int?
    /// Sampling temperature.
    public var temperature: Double?

    /// A configuration from its parts.
    public init(providers: [ProviderConfig]? = nil, prices: [String: ModelPrice] = [:], budget: BudgetLimits? = nil,
                retry: RetrySettings? = nil, breaker: BreakerSettings? = nil, maxOutputTokens: Int? = nil, temperature: Double? = nil) {
        self.providers = providers
        self.prices = prices
        self.budget = budget
        self.retry = retry
        self.breaker = breaker
        self.maxOutputTokens = maxOutputTokens
        self.temperature = temperature
    }

    /// Decodes with every top-level field optional.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        providers = try container.decodeIfPresent([ProviderConfig].self, forKey: .providers)
        prices = try container.decodeIfPresent([String: ModelPrice].self, forKey: .prices) ?? [:]
        budget = try container.decodeIfPresent(BudgetLimits.self, forKey: .budget)
        retry = try container.decodeIfPresent(RetrySettings.self, forKey: .retry)
        breaker = try container.decodeIfPresent(BreakerSettings.self, forKey: .breaker)
        maxOutputTokens = try container.decodeIfPresent(Int.self, forKey: .maxOutputTokens)
        temperature = try container.decodeIfPresent(Double.self, forKey: .temperature)
    }
}

/// One provider in the chain.
public struct ProviderConfig: Codable, Sendable, Equatable {
    /// The name in the ledger and the report; defaults to the kind.
    public var name: String?
    /// The wire format.
    public var kind: ProviderKind
    /// The model; defaults to the kind's default model.
    public var model: String?
    /// The base URL; defaults to the kind's environment variable, then its SDK default.
    public var baseURL: String?
    /// The key; defaults to the kind's environment variable.
    public var apiKey: Secret?
    /// Whether to stream (default true).
    public var stream: Bool?
    /// Seconds: `connect`, `total`, `idle`.
    public var timeouts: TimeoutSettings?
    /// Pacing for this deployment.
    public var requestsPerMinute: Double?
    /// Extra request headers, e.g. `OpenAI-Project` or a gateway's routing header.
    public var headers: [String: String]?

    /// A provider entry from its parts.
    public init(name: String? = nil, kind: ProviderKind, model: String? = nil, baseURL: String? = nil, apiKey: Secret? = nil,
                stream: Bool? = nil, timeouts: TimeoutSettings? = nil, requestsPerMinute: Double? = nil, headers: [String: String]? = nil) {
        self.name = name
        self.kind = kind
        self.model = model
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.stream = stream
        self.timeouts = timeouts
        self.requestsPerMinute = requestsPerMinute
        self.headers = headers
    }
}

/// Per-call time limits in seconds.
public struct TimeoutSettings: Codable, Sendable, Equatable {
    /// Connect limit.
    public var connect: Double?
    /// Whole-call limit.
    public var total: Double?
    /// Longest silence, including before the first byte.
    public var idle: Double?

    /// Settings from their parts.
    public init(connect: Double? = nil, total: Double? = nil, idle: Double? = nil) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }
}

/// A model's price in dollars per million tokens.
public struct ModelPrice: Codable, Sendable, Equatable {
    /// Dollars per million input tokens.
    public var inputPerMillion: Double
    /// Dollars per million output tokens.
    public var outputPerMillion: Double

    /// A price from its parts.
    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    /// The cost of some usage.
    public func cost(of usage: TokenUsage) -> Double {
        (Double(usage.input) * inputPerMillion + Double(usage.output) * outputPerMillion) / 1_000_000
    }
}

/// Daily spending limits, counted from midnight UTC.
public struct BudgetLimits: Codable, Sendable, Equatable {
    /// Most tokens (input + output) per day.
    public var tokensPerDay: Int?
    /// Most dollars per day, priced from the price table.
    public var dollarsPerDay: Double?

    /// Limits from their parts.
    public init(tokensPerDay: Int? = nil, dollarsPerDay: Double? = nil) {
        self.tokensPerDay = tokensPerDay
        self.dollarsPerDay = dollarsPerDay
    }
}

/// Retry settings; see `RetryPolicy`.
public struct RetrySettings: Codable, Sendable, Equatable {
    /// Retries per provider after the first attempt.
    public var maxRetries: Int?
    /// The first backoff delay in seconds.
    public var baseDelay: Double?
    /// The largest backoff delay in seconds.
    public var maxBackoff: Double?
    /// The largest server-requested delay honoured; a longer one cools the provider down instead.
    public var maxHintDelay: Double?

    /// Settings from their parts.
    public init(maxRetries: Int? = nil, baseDelay: Double? = nil, maxBackoff: Double? = nil, maxHintDelay: Double? = nil) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.maxHintDelay = maxHintDelay
    }
}

/// Circuit-breaker settings; see `CircuitBreaker`.
public struct BreakerSettings: Codable, Sendable, Equatable {
    /// Consecutive failed calls that open the breaker.
    public var failureThreshold: Int?
    /// Seconds a provider stays cooled down before one probe call is let through.
    public var cooldown: Double?

    /// Settings from their parts.
    public init(failureThreshold: Int? = nil, cooldown: Double? = nil) {
        self.failureThreshold = failureThreshold
        self.cooldown = cooldown
    }
}
