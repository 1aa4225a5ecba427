import Foundation

/// Why a running job is being asked to stop.
public enum StopReason: String, Sendable, Equatable {
    /// Someone cancelled the job.
    case cancelRequested
    /// The attempt ran past its timeout.
    case timeout
    /// The worker pool is shutting down; checkpoint and return.
    case shutdown
}

/// What a handler sees of its run: cancellation, progress, checkpoints and heartbeats.
/// Progress is kept in memory and written by the dispatcher at most 4 times a second.
public final class JobContext: @unchecked Sendable {
    /// The claimed job (id, attempt, arguments, fence).
    public let job: ClaimedJob
    /// A key for external side effects: identical across retries of the same job.
    public var idempotencyKey: String { "job-\(job.id)" }
    private let store: JobStore
    private let lock = NSLock()
    private var reason: StopReason?
    private var savedCheckpoint: Data?
    private var pendingProgress: (fraction: Double, note: String?)?
    private var lastBeat: Int64
    private var shuttingDown = false

    /// Creates the context of one run.
    init(job: ClaimedJob, store: JobStore) {
        self.job = job
        self.store = store
        savedCheckpoint = job.checkpoint
        lastBeat = store.clock.nowMillis()
    }

    /// True once the job should stop (cancelled, timed out, or the pool is shutting down).
    public var isCancelled: Bool { stopReason != nil }

    /// Why the job should stop, if it should.
    public var stopReason: StopReason? {
        lock.lock()
        defer { lock.unlock() }
        return reason
    }

    /// Throws `JobError.cancelled` once the job should stop; call it between units of work.
    public func checkCancellation() throws {
        if isCancelled { throw JobError.cancelled }
    }

    /// Reports progress (fraction clamped to 0…1) and an optional note.
    public func progress(_ fraction: Double, note: String? = nil) {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        lock.lock()
        pendingProgress = (clamped, note)
        lastBeat = store.clock.nowMillis()
        lock.unlock()
    }

    /// The checkpoint saved by this or an earlier attempt; a retry resumes from it.
    public var checkpoint: Data? {
        lock.lock()
        defer { lock.unlock() }
        return savedCheckpoint
    }

    /// Saves a checkpoint durably (with the latest progress). Throws `JobError.cancelled` when
    /// this run no longer holds the job (lease lost), so the handler stops.
    public func saveCheckpoint(_ data: Data, progress fraction: Double? = nil, note: String? = nil) throws {
        guard try store.saveCheckpoint(job, data: data, progress: fraction, note: note) else {
            throw JobError.cancelled
        }
        lock.lock()
        savedCheckpoint = data
        lock.unlock()
    }

    /// Tells the pool the handler is alive (progress calls do this too).
    public func heartbeat() {
        lock.lock()
        lastBeat = store.clock.nowMillis()
        lock.unlock()
    }

    /// When the handler last showed signs of life (progress or heartbeat), Unix ms.
    var lastHeartbeatMillis: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return lastBeat
    }

    /// True once the pool is shutting down: finish soon, or save a checkpoint and throw
    /// `JobError.cancelled` (the job is then requeued without using up an attempt).
    public var isShuttingDown: Bool {
        lock.lock()
        defer { lock.unlock() }
        return shuttingDown || reason == .shutdown
    }

    /// Tells the handler the pool is shutting down.
    func markShuttingDown() {
        lock.lock()
        shuttingDown = true
        lock.unlock()
    }

    /// Asks the handler to stop; the first reason wins.
    func requestStop(_ stop: StopReason) {
        lock.lock()
        if reason == nil { reason = stop }
        lock.unlock()
    }

    /// Takes the progress not yet written.
    func takeProgress() -> (fraction: Double, note: String?)? {
        lock.lock()
        defer { lock.unlock() }
        let value = pendingProgress
        pendingProgress = nil
        return value
    }
}
