import Foundation

/// When each periodic duty of the dispatcher last ran.
struct HousekeepingTimers {
    var heartbeat: Int64
    var sweep: Int64
    var cancelPoll: Int64
    var idle: Int64
    var progress: Int64
    var prune: Int64
    var cron: Int64

    init(now: Int64) {
        heartbeat = now
        sweep = now
        cancelPoll = now
        idle = now
        progress = now
        prune = now
        cron = now - 1_000
    }

    /// The earliest time any duty is due.
    func nextDue(options: WorkerPoolOptions, heartbeatMillis: Int64) -> Int64 {
        var next = min(heartbeat + heartbeatMillis, sweep + options.sweepMillis,
                       cancelPoll + options.cancelPollMillis, idle + options.idlePollMillis,
                       progress + options.progressFlushMillis)
        if options.pruneEveryMillis > 0 { next = min(next, prune + options.pruneEveryMillis) }
        if options.runsScheduler { next = min(next, cron + 1_000) }
        return next
    }

    /// Whether any duty is due.
    func due(now: Int64, options: WorkerPoolOptions, heartbeatMillis: Int64) -> Bool {
        nextDue(options: options, heartbeatMillis: heartbeatMillis) <= now
    }
}

extension WorkerPool {
    /// The heartbeat interval actually used: at most a third of the lease, so a live worker's
    /// leases never lapse between beats.
    var heartbeatMillis: Int64 { max(1, min(options.heartbeatMillis, store.options.leaseMillis / 3)) }

    /// Runs the periodic duties that are due. Failures are reported, never fatal.
    func housekeeping(_ timers: inout HousekeepingTimers) {
        let now = store.clock.nowMillis()
        if now - timers.cancelPoll >= options.cancelPollMillis {
            timers.cancelPoll = now
            attempt { try pollStops(now: now) }
        }
        if now - timers.progress >= options.progressFlushMillis {
            timers.progress = now
            attempt { try flushProgress(now: now) }
        }
        if now - timers.heartbeat >= heartbeatMillis {
            timers.heartbeat = now
            attempt { try beat(now: now) }
        }
        if now - timers.sweep >= options.sweepMillis {
            timers.sweep = now
            attempt { _ = try store.sweepExpiredLeases() }
        }
        if now - timers.idle >= options.idlePollMillis {
            timers.idle = now
            refreshQueueSwitches()
            wake(queues: [])
        }
        if options.pruneEveryMillis > 0 && now - timers.prune >= options.pruneEveryMillis {
            timers.prune = now
            attempt { _ = try store.prune(options.prunePolicy) }
        }
        if options.runsScheduler && now - timers.cron >= 1_000 {
            timers.cron = now
            attempt { if try !scheduler.tick().isEmpty { wake(queues: []) } }
        }
    }

    private func attempt(_ body: () throws -> Void) {
        do { try body() } catch { onError(error) }
    }

    /// Picks up cancellation requests, fires timeouts, and finalizes jobs whose grace ran out.
    private func pollStops(now: Int64) throws {
        cond.lock()
        let ids = running.values.filter { !$0.abandoned }.map(\.job.id)
        cond.unlock()
        guard !ids.isEmpty else { return }
        let cancelled = Set(try store.read { db in try store.cancelRequests(db, ids: ids) })
        cond.lock()
        defer { cond.unlock() }
        for entry in running.values where !entry.abandoned {
            if cancelled.contains(entry.job.id) { stop(entry, .cancelRequested, now: now) }
            if now - entry.startedAt >= entry.timeoutMillis { stop(entry, .timeout, now: now) }
            if let forceAt = entry.forceAt, now >= forceAt { abandon(entry, now: now) }
        }
    }

    /// Asks a handler to stop and starts its grace period; lock held.
    private func stop(_ entry: RunningJob, _ reason: StopReason, now: Int64) {
        guard entry.forceAt == nil else { return }
        entry.context.requestStop(reason)
        entry.forceAt = now + options.stopGraceMillis
    }

    /// Finalizes a job whose handler did not return in time; its late result will be dropped.
    /// The thread stays busy (its slot is not reused) until the handler returns. Lock held.
    private func abandon(_ entry: RunningJob, now: Int64) {
        entry.abandoned = true
        let outcome: JobOutcome
        switch entry.context.stopReason {
        case .timeout?: outcome = .timedOut(now - entry.startedAt)
        case .shutdown?: outcome = .interrupted
        default: outcome = .cancelled
        }
        pending.append(JobCompletion(job: entry.job, outcome: outcome))
        wakeRequested = true
    }

    /// Writes progress reported since the last flush (fenced per job).
    private func flushProgress(now: Int64) throws {
        cond.lock()
        let updates = running.values.filter { !$0.abandoned }.compactMap { entry in
            entry.context.takeProgress().map { (entry.job, $0) }
        }
        cond.unlock()
        guard !updates.isEmpty else { return }
        try store.write(durable: false) { db in
            for (job, progress) in updates {
                try store.writeProgress(db, job: job, fraction: progress.fraction, note: progress.note, now: now)
            }
        }
    }

    /// Extends the leases of every job this pool holds.
    private func beat(now: Int64) throws {
        cond.lock()
        let ids = running.values.filter { !$0.abandoned }.map(\.job.id) + ready.map(\.id) + pending.map(\.job.id)
        cond.unlock()
        try store.write(durable: false) { db in try store.heartbeat(db, ids: ids, epoch: epoch, now: now) }
    }
}
