import Foundation

/// One breaker per provider: after `failureThreshold` consecutive failed calls the provider is
/// cooled down for `cooldown` seconds (or until the time a server asked for, whichever is later);
/// after the cooldown one probe call goes through — success closes the breaker, failure opens it
/// again. Re-opening never shortens an existing cooldown. Thread-safe.
public final class CircuitBreaker: @unchecked Sendable {
    /// The state of one provider.
    public enum State: Equatable, Sendable {
        /// Calls go through.
        case closed
        /// Cooling down until the date.
        case open(until: Date)
        /// The cooldown is over; one probe call is in flight or allowed.
        case halfOpen
    }

    /// Consecutive failures that open the breaker.
    public let failureThreshold: Int
    /// Seconds a provider stays cooled down.
    public let cooldown: TimeInterval
    private let lock = NSLock()
    private var failures: [String: Int] = [:]
    private var openUntil: [String: Date] = [:]
    private var probing: Set<String> = []

    /// A breaker: 3 failures, 60 s cooldown unless given.
    public init(failureThreshold: Int = 3, cooldown: TimeInterval = 60) {
        self.failureThreshold = max(1, failureThreshold)
        self.cooldown = cooldown
    }

    /// A breaker from the config's settings.
    public convenience init(_ settings: BreakerSettings?) {
        self.init(failureThreshold: settings?.failureThreshold ?? 3, cooldown: settings?.cooldown ?? 60)
    }

    /// The state of a provider at `now`.
    public func state(_ provider: String, now: Date) -> State {
        lock.lock()
        defer { lock.unlock() }
        guard let until = openUntil[provider] else { return .closed }
        return now < until ? .open(until: until) : .halfOpen
    }

    /// Whether a call may go to the provider now; in the half-open state only one caller is let
    /// through until it reports its result.
    public func allow(_ provider: String, now: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let until = openUntil[provider] else { return true }
        guard now >= until, !probing.contains(provider) else { return false }
        probing.insert(provider)
        return true
    }

    /// Records a successful call: the breaker closes.
    public func recordSuccess(_ provider: String) {
        lock.lock()
        defer { lock.unlock() }
        failures[provider] = 0
        openUntil[provider] = nil
        probing.remove(provider)
    }

    /// Records a failed call; opens the breaker at the threshold or after a failed probe.
    public func recordFailure(_ provider: String, now: Date) {
        lock.lock()
        defer { lock.unlock() }
        let count = (failures[provider] ?? 0) + 1
        failures[provider] = count
        let wasProbe = probing.remove(provider) != nil
        if count >= failureThreshold || wasProbe { extend(provider, to: now.addingTimeInterval(cooldown)) }
    }

    /// Gives back a probe slot without a verdict (the call was cancelled before it was made).
    public func release(_ provider: String) {
        lock.lock()
        defer { lock.unlock() }
        probing.remove(provider)
    }

    /// Opens the breaker at once until `until` (a server asked for a long wait, or a key was refused).
    public func trip(_ provider: String, until: Date) {
        lock.lock()
        defer { lock.unlock() }
        probing.remove(provider)
        extend(provider, to: until)
    }

    /// The cooldown deadlines of every open breaker, for saving between runs.
    public func snapshot() -> [String: Date] {
        lock.lock()
        defer { lock.unlock() }
        return openUntil
    }

    /// Restores deadlines saved by `snapshot()`, keeping the later of two.
    public func restore(_ deadlines: [String: Date]) {
        lock.lock()
        defer { lock.unlock() }
        for (provider, until) in deadlines { extend(provider, to: until) }
    }

    private func extend(_ provider: String, to until: Date) {
        if let current = openUntil[provider], current > until { return }
        openUntil[provider] = until
    }
}
