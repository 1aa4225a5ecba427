import Foundation

/// The source of wall-clock time for the queue, in Unix milliseconds.
///
/// Every timestamp the queue writes (scheduling, leases, backoff, cron slots) comes from one
/// clock, so tests can inject a manual clock and step time deterministically.
public protocol JobClock: AnyObject, Sendable {
    /// The current time in milliseconds since 1970-01-01T00:00:00Z.
    func nowMillis() -> Int64
}

/// The real wall clock.
public final class SystemClock: JobClock, @unchecked Sendable {
    /// Creates a clock reading the system time.
    public init() {}

    /// The current system time in Unix milliseconds.
    public func nowMillis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
