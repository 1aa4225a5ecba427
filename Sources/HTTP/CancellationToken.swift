import Foundation

/// A flag another thread sets to stop a running request. The transfer loop checks it every
/// poll interval (50 ms), so cancellation takes effect promptly even while the server is silent.
public final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// A token that is not cancelled.
    public init() {}

    /// Requests cancellation; every transfer using this token stops with `HTTPError.cancelled`.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Whether `cancel()` has been called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
