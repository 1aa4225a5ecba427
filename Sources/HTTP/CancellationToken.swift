import Foundation

/// A flag another thread sets to stop a running request. The transfer loop checks it every
/// poll interval (50 ms), so cancellation takes effect promptly even while the server is silent.
public final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private let linked: (@Sendable () -> Bool)?

    /// A token that is not cancelled.
    public init() {
        linked = nil
    }

    /// A token that also counts as cancelled whenever `condition` returns true — for example a
    /// job context's stop flag — so the owner of the condition needs no thread to forward it.
    public init(linkedTo condition: @escaping @Sendable () -> Bool) {
        linked = condition
    }

    /// Requests cancellation; every transfer using this token stops with `HTTPError.cancelled`.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Whether `cancel()` has been called or the linked condition holds.
    public var isCancelled: Bool {
        lock.lock()
        let flag = cancelled
        lock.unlock()
        return flag || linked?() == true
    }
}
