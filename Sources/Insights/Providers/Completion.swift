import Foundation

/// What the router asks a model for: instructions, the user message and the JSON schema the
/// answer must follow.
public struct CompletionRequest: Sendable {
    /// The system instructions.
    public var system: String
    /// The user message (the facts and the task).
    public var user: String
    /// The JSON schema of the answer, as JSON text.
    public var schema: String
    /// The schema's name (OpenAI requires one).
    public var schemaName: String
    /// The most output tokens to generate.
    public var maxOutputTokens: Int
    /// Sampling temperature; low, because insights must be faithful.
    public var temperature: Double

    /// A request from its parts.
    public init(system: String, user: String, schema: String, schemaName: String = "insights", maxOutputTokens: Int = 800, temperature: Double = 0.2) {
        self.system = system
        self.user = user
        self.schema = schema
        self.schemaName = schemaName
        self.maxOutputTokens = maxOutputTokens
        self.temperature = temperature
    }

    /// Rough prompt size in tokens (four characters a token), for the budget check before a call.
    public var estimatedInputTokens: Int {
        (system.utf8.count + user.utf8.count + schema.utf8.count) / 4 + 16
    }
}

/// Tokens one call consumed.
public struct TokenUsage: Codable, Sendable, Equatable {
    /// Prompt tokens.
    public var input: Int
    /// Generated tokens (including reasoning tokens where the provider counts them there).
    public var output: Int
    /// Prompt tokens served from the provider's cache.
    public var cachedInput: Int
    /// Tokens spent on hidden reasoning.
    public var reasoning: Int

    /// Usage from its parts.
    public init(input: Int = 0, output: Int = 0, cachedInput: Int = 0, reasoning: Int = 0) {
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
        self.reasoning = reasoning
    }

    /// No tokens.
    public static let zero = TokenUsage()
}

/// A model's complete answer.
public struct Completion: Sendable {
    /// The generated text (for insights: JSON).
    public var text: String
    /// Tokens used.
    public var usage: TokenUsage
    /// The model that answered, as the server named it.
    public var model: String
    /// The provider's finish or stop reason.
    public var finishReason: String?
    /// Rate-limit state reported with the response, if any.
    public var rateLimit: RateLimitInfo?

    /// A completion from its parts.
    public init(text: String, usage: TokenUsage, model: String, finishReason: String? = nil, rateLimit: RateLimitInfo? = nil) {
        self.text = text
        self.usage = usage
        self.model = model
        self.finishReason = finishReason
        self.rateLimit = rateLimit
    }
}
