import Foundation

/// The three retry tiers, each with full jitter (a uniform delay in [0, cap]):
/// tier 1, the first `quickRetries` retries, caps at 1 s, 2 s, 4 s… up to `quickCapMillis`;
/// tier 2 doubles from `backoffBaseMillis` up to `backoffCapMillis`;
/// tier 3 is the dead-letter state once attempts run out.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries in tier 1.
    public var quickRetries: Int = 3
    /// First tier-1 cap.
    public var quickBaseMillis: Int64 = 1_000
    /// Largest tier-1 cap.
    public var quickCapMillis: Int64 = 5_000
    /// First tier-2 cap.
    public var backoffBaseMillis: Int64 = 15_000
    /// Largest tier-2 cap (6 h).
    public var backoffCapMillis: Int64 = 6 * 3_600_000

    /// Creates the default policy.
    public init() {}

    /// The tier a failure of `attempt` (1-based) falls in, given the attempts allowed.
    public func tier(attempt: Int, maxAttempts: Int) -> Int {
        if attempt >= maxAttempts { return 3 }
        return attempt <= quickRetries ? 1 : 2
    }

    /// The upper bound of the delay before retrying after failed `attempt`.
    public func capMillis(attempt: Int) -> Int64 {
        if attempt <= quickRetries {
            return min(quickCapMillis, quickBaseMillis << Int64(min(max(attempt - 1, 0), 20)))
        }
        let step = min(attempt - quickRetries - 1, 30)
        let cap = backoffBaseMillis.multipliedReportingOverflow(by: Int64(1) << Int64(step))
        return cap.overflow ? backoffCapMillis : min(backoffCapMillis, cap.partialValue)
    }

    /// A full-jitter delay: uniform in [0, cap]. `unit` is a random number in [0, 1).
    public func delayMillis(attempt: Int, unit: Double) -> Int64 {
        let clamped = min(max(unit, 0), 1)
        return Int64((Double(capMillis(attempt: attempt)) * clamped).rounded(.down))
    }
}
