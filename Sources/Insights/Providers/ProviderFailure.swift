import Foundation

/// What the router does about a failed call.
public enum FailureAction: String, Codable, Sendable {
    /// Try the same deployment again after a delay (408, 409, 429 rate limits, 5xx, timeouts,
    /// streams that broke off).
    case retry
    /// Move on to the next provider: retrying cannot help (context too long, model not found,
    /// truncated or refused output, bad request).
    case fallback
    /// Stop and tell the user: a person has to act (401/403, exhausted quota or credit,
    /// a daily quota).
    case stop
}

/// A failed call to a provider, classified. Its message comes from the provider's error body
/// with any key redacted; it never holds request headers.
public struct ProviderFailure: Error, Sendable, CustomStringConvertible {
    /// The deployment's name.
    public var provider: String
    /// The model asked for.
    public var model: String
    /// What to do next.
    public var action: FailureAction
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// The provider's error code or type, e.g. "rate_limit_exceeded", "overloaded_error".
    public var code: String?
    /// The provider's message, one line.
    public var message: String
    /// How long the server asked us to wait, if it said.
    public var retryAfter: TimeInterval?
    /// Tokens the failed call still consumed (a stream that broke off after its usage chunk).
    public var usage: TokenUsage

    /// A failure from its parts; the message is cut to one line of at most 300 characters.
    public init(provider: String, model: String, action: FailureAction, status: Int? = nil, code: String? = nil,
                message: String, retryAfter: TimeInterval? = nil, usage: TokenUsage = .zero) {
        self.provider = provider
        self.model = model
        self.action = action
        self.status = status
        self.code = code
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        self.message = line.count > 300 ? String(line.prefix(300)) + "…" : line
        self.retryAfter = retryAfter
        self.usage = usage
    }

    /// "openai gpt-4o-mini: HTTP 429 rate_limit_exceeded: Rate limit reached (retry in 2 s)".
    public var description: String {
        var parts = ["\(provider) \(model):"]
        if let status { parts.append("HTTP \(status)") }
        if let code, !code.isEmpty { parts.append("\(code):") }
        parts.append(message)
        if let retryAfter { parts.append("(retry in \(RetryHints.format(retryAfter)))") }
        return parts.joined(separator: " ")
    }

    /// The outcome name used in the usage ledger.
    public var outcome: String {
        switch action {
        case .retry: return "retryable-error"
        case .fallback: return "fallback-error"
        case .stop: return "stopped"
        }
    }
}
