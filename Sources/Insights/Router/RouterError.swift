import Foundation

/// Why the router produced no completion.
public enum RouterError: Error, Equatable, CustomStringConvertible {
    /// No provider is configured.
    case noProviders
    /// A provider refused in a way a person must fix (bad key, no quota): the chain stops.
    case stopped(provider: String, reason: String)
    /// Every provider failed or is cooling down; the earliest time one may work again, if known.
    case unavailable(earliestRetry: Date?, reasons: [String])
    /// The daily budget does not allow the call.
    case budgetExceeded(String)
    /// The caller cancelled.
    case cancelled

    /// One line saying what happened and what to do.
    public var description: String {
        switch self {
        case .noProviders:
            return "no AI provider configured (set OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, OPENAI_BASE_URL or OLLAMA_HOST)"
        case .stopped(let provider, let reason):
            return "\(provider) refused the request and needs attention: \(reason)"
        case .unavailable(let earliest, let reasons):
            let when = earliest.map { "; earliest retry at \(Self.timestamp($0))" } ?? "; try again later"
            return "no AI provider available: " + reasons.joined(separator: "; ") + when
        case .budgetExceeded(let detail):
            return "daily AI budget reached: \(detail)"
        case .cancelled:
            return "AI request cancelled"
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
