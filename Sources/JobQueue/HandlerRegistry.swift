import Foundation

/// A job handler: runs on a worker thread, reports through its context, returns optional
/// result bytes (cached when the request asked for caching) or throws (see `JobError`).
public typealias JobHandler = (JobContext, JobArgs) throws -> Data?

/// The open registry of job kinds. Features register their kinds at startup:
/// `registry.register(kind: "report.render") { ctx, args in ... }`.
public final class HandlerRegistry: @unchecked Sendable {
    /// A registered kind.
    public struct Entry {
        /// The handler.
        public var handler: JobHandler
        /// The kind's default timeout of one attempt.
        public var timeoutMillis: Int64?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Creates an empty registry.
    public init() {}

    /// A registry with the built-in `noop` and `sleep` kinds (for tests and benchmarks).
    public static func withBuiltins() -> HandlerRegistry {
        let registry = HandlerRegistry()
        BuiltinKinds.register(in: registry)
        return registry
    }

    /// Registers (or replaces) the handler of `kind`.
    public func register(kind: String, timeoutMillis: Int64? = nil, _ handler: @escaping JobHandler) {
        lock.lock()
        entries[kind] = Entry(handler: handler, timeoutMillis: timeoutMillis)
        lock.unlock()
    }

    /// The entry of `kind`, if registered.
    public func entry(for kind: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[kind]
    }

    /// Registered kinds, sorted.
    public var kinds: [String] {
        lock.lock()
        defer { lock.unlock() }
        return entries.keys.sorted()
    }
}

/// The kinds every registry can carry: `noop` returns at once; `sleep` waits `{"ms": N}`
/// milliseconds in small slices, reporting progress and honouring cancellation.
public enum BuiltinKinds {
    /// Registers `noop` and `sleep`.
    public static func register(in registry: HandlerRegistry) {
        registry.register(kind: "noop") { _, _ in nil }
        registry.register(kind: "sleep") { ctx, args in
            let total = max(0, args.int("ms") ?? 0)
            var slept = 0
            while slept < total {
                try ctx.checkCancellation()
                let slice = min(10, total - slept)
                usleep(UInt32(slice) * 1000)
                slept += slice
                ctx.progress(Double(slept) / Double(max(total, 1)), note: "slept \(slept) ms")
            }
            return nil
        }
    }
}
