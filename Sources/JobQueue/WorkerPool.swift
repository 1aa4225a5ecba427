import Foundation

/// A job a worker thread is running (guarded by the pool's condition).
final class RunningJob {
    let job: ClaimedJob
    let context: JobContext
    let startedAt: Int64
    let timeoutMillis: Int64
    /// When the job is finalized even if the handler has not returned (after a stop request).
    var forceAt: Int64?
    /// The job was finalized without its handler; whatever the handler returns is dropped.
    var abandoned = false

    init(job: ClaimedJob, context: JobContext, startedAt: Int64, timeoutMillis: Int64) {
        self.job = job
        self.context = context
        self.startedAt = startedAt
        self.timeoutMillis = timeoutMillis
    }
}

/// An in-process pool of worker threads fed by one dispatcher thread. The dispatcher claims for
/// free slots (per queue and in total) plus a bounded prefetch for queues of short jobs (see
/// `WorkerPool+Prefetch.swift`), shares slots fairly between
/// queues, group-commits completions, and runs heartbeats, lease sweeps, cancellation, timeouts,
/// pruning and cron.
public final class WorkerPool: @unchecked Sendable {
    enum Phase { case created, running, stopping, stopped }

    /// The store the pool works on.
    public let store: JobStore
    /// The handlers it runs.
    public let registry: HandlerRegistry
    /// Its settings.
    public let options: WorkerPoolOptions
    /// This run's epoch: fences every write of jobs claimed by this pool.
    public let epoch = UUID().uuidString
    /// Called with errors the pool recovered from (database hiccups); defaults to stderr.
    public var onError: @Sendable (Error) -> Void = { error in
        FileHandle.standardError.write(Data("formwork worker: \(error)\n".utf8))
    }

    let cond = NSCondition()
    var phase = Phase.created
    var ready: [ClaimedJob] = []
    var running: [Int64: RunningJob] = [:]
    var pending: [JobCompletion] = []
    var inflight: [String: Int] = [:]
    var wakeRequested = false
    var knownQueues: Set<String> = []
    var pausedQueues: Set<String> = []
    var scaledQueues: [String: Int] = [:]
    var dispatcherExited = false
    /// Queues whose latest job ran shorter than `prefetchBelowMillis`: only these prefetch.
    var shortQueues: Set<String> = []
    /// Wakes the dispatcher thread (it never waits on `cond`).
    let dispatcherWake = DispatchSemaphore(value: 0)
    var lastFlush: Int64 = 0
    var rotation = 0
    var wakeToken: UUID?
    let scheduler: Scheduler
    /// Jobs recovered from dead processes when the pool started.
    public private(set) var recoveredAtStart = 0

    /// Creates a pool; call `start()` to run it.
    public init(store: JobStore, registry: HandlerRegistry, options: WorkerPoolOptions = WorkerPoolOptions()) {
        self.store = store
        self.registry = registry
        self.options = options
        scheduler = Scheduler(store: store)
        knownQueues = Set(options.queues ?? [])
    }

    /// Registers the worker, requeues jobs orphaned by dead processes, and starts the threads.
    public func start() throws {
        cond.lock()
        guard phase == .created else { cond.unlock(); return }
        phase = .running
        cond.unlock()
        recoveredAtStart = try store.registerWorker(epoch: epoch)
        lastFlush = store.clock.nowMillis()
        refreshQueueSwitches()
        wakeToken = store.addWakeObserver { [weak self] queues in self?.wake(queues: queues) }
        for index in 0..<max(options.concurrency, 1) {
            let thread = Thread { [self] in workerLoop() }
            thread.name = "formwork-worker-\(index)"
            thread.start()
        }
        let dispatcher = Thread { [self] in dispatchLoop() }
        dispatcher.name = "formwork-dispatcher"
        dispatcher.start()
    }

    /// Wakes the dispatcher (an enqueue happened in this process).
    func wake(queues: [String]) {
        cond.lock()
        if options.queues == nil { knownQueues.formUnion(queues) }
        wakeRequested = true
        cond.unlock()
        dispatcherWake.signal()
    }

    /// Stops claiming, lets running jobs finish until `deadlineMillis`, then requeues the rest
    /// (their attempt is given back), writes every pending completion and unregisters.
    public func shutdown(deadlineMillis: Int64 = 10_000) {
        cond.lock()
        guard phase == .running else { cond.unlock(); return }
        phase = .stopping
        for job in ready {
            pending.append(JobCompletion(job: job, outcome: .interrupted))
            inflight[job.queue, default: 1] -= 1
        }
        ready.removeAll()
        for entry in running.values { entry.context.markShuttingDown() }
        let deadline = Date().addingTimeInterval(Double(deadlineMillis) / 1000)
        while running.values.contains(where: { !$0.abandoned }) && cond.wait(until: deadline) {}
        for entry in running.values where !entry.abandoned {
            entry.context.requestStop(.shutdown)
            entry.abandoned = true
            pending.append(JobCompletion(job: entry.job, outcome: .interrupted))
        }
        wakeRequested = true
        cond.broadcast()
        dispatcherWake.signal()
        while !dispatcherExited { cond.wait() }
        phase = .stopped
        cond.unlock()
        if let wakeToken { store.removeWakeObserver(wakeToken) }
        do {
            try store.unregisterWorker(epoch: epoch)
            try store.optimize()
        } catch {
            onError(error)
        }
    }

    /// Pauses `queue` (persisted) and waits until none of its jobs run anywhere. Returns false
    /// on timeout.
    public func drain(queue: String, timeoutMillis: Int64) throws -> Bool {
        try store.pause(queue: queue)
        wake(queues: [])
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeoutMillis, 0)) * 1_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            cond.lock()
            let local = inflight[queue, default: 0] + pending.filter { $0.job.queue == queue }.count
            cond.unlock()
            if local == 0, try store.runningCount(queue: queue) == 0 { return true }
            usleep(20_000)
        }
        return false
    }

    /// Blocks until no job is waiting or running (in any queue), or the timeout passes.
    public func waitUntilIdle(timeoutMillis: Int64) throws -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeoutMillis, 0)) * 1_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let states = try store.stats().states
            let open = ["available", "running", "scheduled", "retryable", "blocked"].reduce(0) { $0 + (states[$1] ?? 0) }
            cond.lock()
            let local = ready.count + running.count + pending.count
            cond.unlock()
            if open == 0 && local == 0 { return true }
            usleep(10_000)
        }
        return false
    }

    /// The jobs this pool is running right now.
    public var runningJobs: [ClaimedJob] {
        cond.lock()
        defer { cond.unlock() }
        return running.values.filter { !$0.abandoned }.map(\.job).sorted { $0.id < $1.id }
    }

    /// Running jobs whose handler has shown no sign of life (progress or heartbeat) for
    /// `millis`: likely stuck threads, for the monitor to report.
    public func stalledJobs(silentForMillis millis: Int64) -> [ClaimedJob] {
        let now = store.clock.nowMillis()
        cond.lock()
        defer { cond.unlock() }
        return running.values.filter { !$0.abandoned && now - $0.context.lastHeartbeatMillis >= millis }
            .map(\.job).sorted { $0.id < $1.id }
    }

    // MARK: - Worker threads

    private func workerLoop() {
        while let (job, context) = nextJob() {
            let outcome = execute(job, context: context)
            cond.lock()
            if let entry = running.removeValue(forKey: job.id) {
                inflight[job.queue, default: 1] -= 1
                if !entry.abandoned { pending.append(JobCompletion(job: job, outcome: outcome)) }
                noteDuration(of: entry)
            }
            wakeRequested = true
            if phase != .running { cond.broadcast() }
            cond.unlock()
            dispatcherWake.signal()
        }
    }

    /// Waits for a claimed job; nil once the pool stops.
    private func nextJob() -> (ClaimedJob, JobContext)? {
        cond.lock()
        defer { cond.unlock() }
        while phase == .running && startableIndex() == nil { cond.wait() }
        guard phase == .running, let index = startableIndex() else { return nil }
        let job = ready.remove(at: index)
        let context = JobContext(job: job, store: store)
        let timeout = job.timeoutMillis ?? registry.entry(for: job.kind)?.timeoutMillis
            ?? store.options.defaults(for: job.queue).timeoutMillis
        running[job.id] = RunningJob(job: job, context: context, startedAt: store.clock.nowMillis(), timeoutMillis: timeout)
        return (job, context)
    }

    /// Runs the handler and turns its return or error into an outcome.
    private func execute(_ job: ClaimedJob, context: JobContext) -> JobOutcome {
        guard let entry = registry.entry(for: job.kind) else {
            return .failed(.permanent(JobQueueError.unknownKind(job.kind).description))
        }
        do {
            return .completed(try entry.handler(context, JobArgs(job.args)))
        } catch {
            let classified = JobError.classify(error)
            switch context.stopReason {
            case .cancelRequested?: return .cancelled
            case .timeout?: return .timedOut(store.clock.nowMillis() - job.attemptedAt)
            case .shutdown?: return .interrupted
            case nil: return context.isShuttingDown && classified == .cancelled ? .interrupted : .failed(classified)
            }
        }
    }
}
