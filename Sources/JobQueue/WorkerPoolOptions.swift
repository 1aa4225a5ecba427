import Foundation

/// Settings of a `WorkerPool`.
public struct WorkerPoolOptions: Sendable {
    /// Worker threads (the global slot count).
    public var concurrency: Int = 4
    /// Queues served; `nil` serves every queue that has work.
    public var queues: [String]?
    /// Per-queue concurrency overrides (else the persisted `scale`, else the store defaults).
    public var queueConcurrency: [String: Int] = [:]
    /// How often leases are extended (10 s; the lease is 30 s). Capped at a third of the lease.
    public var heartbeatMillis: Int64 = 10_000
    /// How often lapsed leases are swept (5 s, so a lost job is found within lease + 5 s + 10 s).
    public var sweepMillis: Int64 = 5_000
    /// How often cancellation requests from other processes are picked up.
    public var cancelPollMillis: Int64 = 200
    /// Time a cancelled or timed-out handler gets to return before its job is finalized anyway.
    public var stopGraceMillis: Int64 = 10_000
    /// Completions wait at most this long for a group commit (they are reported done only
    /// once it is committed).
    public var flushIntervalMillis: Int64 = 5
    /// A group commit is forced once this many completions wait.
    public var maxBatch: Int = 512
    /// How often the pool looks for work enqueued by other processes or coming due.
    public var idlePollMillis: Int64 = 250
    /// How often progress is written (at most 4 times a second per job).
    public var progressFlushMillis: Int64 = 250
    /// How often finished work is pruned (0 disables pruning).
    public var pruneEveryMillis: Int64 = 60_000
    /// What pruning keeps.
    public var prunePolicy = PrunePolicy()
    /// Whether this pool fires cron schedules.
    public var runsScheduler: Bool = true

    /// Creates the default options.
    public init() {}
}
