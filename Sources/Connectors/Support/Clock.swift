import Foundation

/// Time as the connectors see it: the current date and a way to wait. Tests pass a clock whose
/// `sleep` only moves `now`, so polling and backoff run instantly and deterministically.
public struct ConnectorClock: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// Blocks for the given number of seconds.
    public var sleep: @Sendable (TimeInterval) -> Void

    /// A clock from its two functions.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (TimeInterval) -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The wall clock and a real sleep.
    public static let system = ConnectorClock(now: { Date() }, sleep: { Thread.sleep(forTimeInterval: $0) })
}
