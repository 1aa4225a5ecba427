import Foundation

/// When to try a deployment again. Server hints win (`retry-after-ms`, `retry-after`, Gemini's
/// `RetryInfo`), but only up to `maxHintDelay`: a longer requested wait means "not now", and the
/// router cools the provider down until then instead of blocking. Without a hint the delay is
/// `min(baseDelay × 2^attempt, maxBackoff)` scaled by a jitter in [0.75, 1], as the official SDKs do.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt, per provider per paragraph.
    public var maxRetries: Int
    /// The first backoff delay.
    public var baseDelay: TimeInterval
    /// The largest backoff delay.
    public var maxBackoff: TimeInterval
    /// The largest server-requested delay the router waits for.
    public var maxHintDelay: TimeInterval
    /// Returns a number in [0, 1); injectable so tests are deterministic.
    public var random: @Sendable () -> Double

    /// A policy with the SDK defaults: 2 retries, 0.5 s doubling to 8 s, hints up to 60 s.
    public init(maxRetries: Int = 2, baseDelay: TimeInterval = 0.5, maxBackoff: TimeInterval = 8, maxHintDelay: TimeInterval = 60,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.maxHintDelay = maxHintDelay
        self.random = random
    }

    /// A policy from the config's settings, defaults for what they leave out.
    public init(_ settings: RetrySettings?) {
        self.init(maxRetries: settings?.maxRetries ?? 2, baseDelay: settings?.baseDelay ?? 0.5,
                  maxBackoff: settings?.maxBackoff ?? 8, maxHintDelay: settings?.maxHintDelay ?? 60)
    }

    /// What to do after failed attempt number `attempt` (0 for the first call).
    public enum Decision: Equatable, Sendable {
        /// Wait this long, then try the same deployment again.
        case wait(TimeInterval)
        /// Stop trying this deployment; if the server named a time, it is not usable before `after` seconds.
        case giveUp(after: TimeInterval?)
    }

    /// The decision for a retryable failure.
    public func decide(attempt: Int, hint: TimeInterval?) -> Decision {
        if let hint, hint > maxHintDelay { return .giveUp(after: hint) }
        guard attempt < maxRetries else { return .giveUp(after: hint) }
        if let hint { return .wait(hint) }
        return .wait(backoff(attempt: attempt))
    }

    /// The jittered exponential delay for an attempt.
    public func backoff(attempt: Int) -> TimeInterval {
        let raw = min(baseDelay * pow(2, Double(max(0, attempt))), maxBackoff)
        return raw * (1 - 0.25 * random())
    }
}
