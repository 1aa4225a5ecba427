import Foundation
import HTTP

/// Time for the router: the wall clock and waiting. Tests substitute a clock that advances
/// instantly, so retry delays never make a test slow.
public protocol RouterClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Waits, returning early with `HTTPError.cancelled` when the token is cancelled.
    func sleep(_ seconds: TimeInterval, cancellation: CancellationToken?) throws
}

/// The real clock: sleeps in 50 ms steps so cancellation is noticed promptly.
public struct SystemClock: RouterClock {
    /// The system clock.
    public init() {}

    /// `Date()`.
    public func now() -> Date { Date() }

    /// Sleeps for `seconds`, checking the token every 50 ms.
    public func sleep(_ seconds: TimeInterval, cancellation: CancellationToken?) throws {
        let deadline = ProcessInfo.processInfo.systemUptime + max(0, seconds)
        while true {
            if cancellation?.isCancelled == true { throw HTTPError.cancelled }
            let left = deadline - ProcessInfo.processInfo.systemUptime
            if left <= 0 { return }
            Thread.sleep(forTimeInterval: min(0.05, left))
        }
    }
}
