import Foundation

/// How hard each commit is pushed to disk.
public enum JobDurability: String, Sendable, CaseIterable {
    /// WAL + `synchronous=FULL`: a commit is on disk when the call returns (power-loss safe).
    case full
    /// WAL + `synchronous=NORMAL`: never corrupt, survives process crashes; a power loss or OS
    /// crash may roll back the commits since the last WAL checkpoint/fsync.
    case normal
}

/// Per-queue defaults.
public struct QueueDefaults: Sendable, Equatable {
    /// Workers the queue may use at once.
    public var concurrency: Int
    /// Attempts before dead-lettering when a request gives none.
    public var maxAttempts: Int
    /// Timeout of one attempt when neither the request nor the kind sets one.
    public var timeoutMillis: Int64

    /// Creates queue defaults.
    public init(concurrency: Int, maxAttempts: Int, timeoutMillis: Int64 = 600_000) {
        self.concurrency = concurrency
        self.maxAttempts = maxAttempts
        self.timeoutMillis = timeoutMillis
    }
}

/// Settings of a `JobStore`.
public struct JobStoreOptions: Sendable {
    /// Commit durability; FULL by default.
    public var durability: JobDurability = .full
    /// SQLite's busy timeout for one lock wait.
    public var busyTimeoutMillis: Int = 5_000
    /// Total time a write keeps retrying a locked database before failing with `databaseLocked`.
    public var lockWaitLimitMillis: Int64 = 60_000
    /// Lease of a running job; heartbeats extend it.
    public var leaseMillis: Int64 = 30_000
    /// Default time to live of cached results (24 h).
    public var cacheTTLMillis: Int64 = 86_400_000
    /// Size cap of the result cache; least recently used results are evicted beyond it (512 MB).
    public var cacheCapBytes: Int64 = 512 * 1024 * 1024
    /// Defaults per named queue; other queues use `fallbackQueue`.
    public var queues: [String: QueueDefaults] = [
        "reports": QueueDefaults(concurrency: 2, maxAttempts: 10, timeoutMillis: 600_000),
        "ai": QueueDefaults(concurrency: 2, maxAttempts: 8, timeoutMillis: 300_000),
        "exports": QueueDefaults(concurrency: 1, maxAttempts: 5, timeoutMillis: 1_800_000),
    ]
    /// Defaults of queues not listed in `queues`.
    public var fallbackQueue = QueueDefaults(concurrency: 2, maxAttempts: 10)
    /// Backoff between attempts.
    public var retryPolicy = RetryPolicy()

    /// Creates the default options.
    public init() {}

    /// The defaults of one queue.
    public func defaults(for queue: String) -> QueueDefaults {
        queues[queue] ?? fallbackQueue
    }
}
