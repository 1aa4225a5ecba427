import Foundation
import HTTP

/// Spaces calls to each deployment at least 60 / requestsPerMinute seconds apart, across all
/// threads: the per-provider rate limit of the `ai` queue.
final class RequestPacer: @unchecked Sendable {
    private let lock = NSLock()
    private var nextSlot: [String: Date] = [:]

    /// Waits until the provider may be called and reserves the slot.
    func wait(for endpoint: ProviderEndpoint, clock: RouterClock, cancellation: CancellationToken?) throws {
        guard let perMinute = endpoint.requestsPerMinute, perMinute > 0 else { return }
        let spacing = 60 / perMinute
        lock.lock()
        let now = clock.now()
        let slot = max(now, nextSlot[endpoint.name] ?? now)
        nextSlot[endpoint.name] = slot.addingTimeInterval(spacing)
        lock.unlock()
        let delay = slot.timeIntervalSince(now)
        if delay > 0 { try clock.sleep(delay, cancellation: cancellation) }
    }
}
