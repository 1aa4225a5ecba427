import Foundation
import HTTP

/// The rate-limit state a provider reports in its response headers.
public struct RateLimitInfo: Sendable, Equatable {
    /// Requests left in the current window.
    public var remainingRequests: Int?
    /// Tokens left in the current window.
    public var remainingTokens: Int?
    /// Seconds until the request limit resets.
    public var resetRequests: TimeInterval?
    /// Seconds until the token limit resets.
    public var resetTokens: TimeInterval?

    /// Info from its parts.
    public init(remainingRequests: Int? = nil, remainingTokens: Int? = nil, resetRequests: TimeInterval? = nil, resetTokens: TimeInterval? = nil) {
        self.remainingRequests = remainingRequests
        self.remainingTokens = remainingTokens
        self.resetRequests = resetRequests
        self.resetTokens = resetTokens
    }

    /// The longer of the two resets that are exhausted, as a fallback retry hint.
    public var exhaustedReset: TimeInterval? {
        let waits = [remainingRequests == 0 ? resetRequests : nil, remainingTokens == 0 ? resetTokens : nil].compactMap { $0 }
        return waits.max()
    }

    /// OpenAI's `x-ratelimit-*` headers (resets are durations such as "6m0s").
    public static func openAI(_ headers: HTTPHeaders) -> RateLimitInfo? {
        let info = RateLimitInfo(
            remainingRequests: headers["x-ratelimit-remaining-requests"].flatMap { Int($0) },
            remainingTokens: headers["x-ratelimit-remaining-tokens"].flatMap { Int($0) },
            resetRequests: headers["x-ratelimit-reset-requests"].flatMap(RetryHints.duration),
            resetTokens: headers["x-ratelimit-reset-tokens"].flatMap(RetryHints.duration))
        return info.isEmpty ? nil : info
    }

    /// Anthropic's `anthropic-ratelimit-*` headers (resets are RFC 3339 times).
    public static func anthropic(_ headers: HTTPHeaders, now: Date = Date()) -> RateLimitInfo? {
        func reset(_ name: String) -> TimeInterval? {
            guard let text = headers[name], let date = ISO8601DateFormatter().date(from: text) else { return nil }
            return max(0, date.timeIntervalSince(now))
        }
        let info = RateLimitInfo(
            remainingRequests: headers["anthropic-ratelimit-requests-remaining"].flatMap { Int($0) },
            remainingTokens: headers["anthropic-ratelimit-tokens-remaining"].flatMap { Int($0) },
            resetRequests: reset("anthropic-ratelimit-requests-reset"),
            resetTokens: reset("anthropic-ratelimit-tokens-reset"))
        return info.isEmpty ? nil : info
    }

    private var isEmpty: Bool {
        remainingRequests == nil && remainingTokens == nil && resetRequests == nil && resetTokens == nil
    }
}
