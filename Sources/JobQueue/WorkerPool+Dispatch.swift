import Foundation
import GRDB

/// One dispatcher round's view of the pool, taken under the lock.
struct DispatchSnapshot {
    var completions: [JobCompletion]
    var freeSlots: Int
    var capacity: [(queue: String, free: Int)]
    var stopping: Bool
}

extension WorkerPool {
    /// The dispatcher: waits for a wakeup, a finished job or a timer, then runs one round.
    func dispatchLoop() {
        var timers = HousekeepingTimers(now: store.clock.nowMillis())
        var lastFlush = store.clock.nowMillis()
        var spin = false
        while true {
            guard let snapshot = nextRound(timers: timers, lastFlush: lastFlush, spin: spin) else { break }
            spin = false
            do {
                let claimed = try runRound(snapshot)
                if !snapshot.completions.isEmpty {
                    lastFlush = store.clock.nowMillis()
                    spin = true
                }
                hand(claimed)
            } catch {
                onError(error)
                requeuePending(snapshot.completions)
                usleep(50_000)
            }
            housekeeping(&timers)
        }
        cond.lock()
        dispatcherExited = true
        cond.broadcast()
        cond.unlock()
    }

    /// Blocks until there is something to do and takes a snapshot; nil when the pool is done.
    private func nextRound(timers: HousekeepingTimers, lastFlush: Int64, spin: Bool) -> DispatchSnapshot? {
        cond.lock()
        defer { cond.unlock() }
        let fullSync = store.options.durability == .full
        while true {
            let now = store.clock.nowMillis()
            let stopping = phase != .running
            if stopping && pending.isEmpty && ready.isEmpty && !running.values.contains(where: { !$0.abandoned }) {
                return nil
            }
            let flushDue = !pending.isEmpty
                && (!fullSync || stopping || pending.count >= options.maxBatch
                    || now - lastFlush >= options.flushIntervalMillis)
            if wakeRequested || flushDue || spin || timers.due(now: now, options: options) {
                wakeRequested = false
                return snapshot(takeCompletions: flushDue, stopping: stopping)
            }
            var wait = timers.nextDue(options: options) - now
            if !pending.isEmpty { wait = min(wait, lastFlush + options.flushIntervalMillis - now) }
            _ = cond.wait(until: Date().addingTimeInterval(Double(max(wait, 1)) / 1000))
        }
    }

    /// Free slots per served queue; must be called with the lock held.
    private func snapshot(takeCompletions: Bool, stopping: Bool) -> DispatchSnapshot {
        let completions = takeCompletions ? pending : []
        if takeCompletions { pending.removeAll(keepingCapacity: true) }
        let busy = ready.count + running.count
        let free = stopping ? 0 : max(0, options.concurrency - busy)
        var capacity: [(queue: String, free: Int)] = []
        if free > 0 {
            rotation &+= 1
            for queue in FairShare.rotated(knownQueues.sorted(), by: rotation) where !pausedQueues.contains(queue) {
                let limit = options.queueConcurrency[queue] ?? scaledQueues[queue]
                    ?? store.options.defaults(for: queue).concurrency
                let open = min(limit, options.concurrency) - inflight[queue, default: 0]
                if open > 0 { capacity.append((queue, open)) }
            }
        }
        return DispatchSnapshot(completions: completions, freeSlots: free, capacity: capacity, stopping: stopping)
    }

    /// One transaction: write the completions (fenced), promote due jobs, claim for free slots.
    /// Under FULL durability a round without completions skips the fsync (claims are cheap to lose).
    private func runRound(_ snapshot: DispatchSnapshot) throws -> [ClaimedJob] {
        guard !snapshot.completions.isEmpty || (snapshot.freeSlots > 0 && !snapshot.capacity.isEmpty) else { return [] }
        let now = store.clock.nowMillis()
        var claimed: [ClaimedJob] = []
        try store.write(durable: !snapshot.completions.isEmpty) { db in
            claimed = []
            for completion in snapshot.completions { _ = try store.finish(db, completion, now: now) }
            guard snapshot.freeSlots > 0, !snapshot.capacity.isEmpty else { return }
            try store.promoteDue(db, now: now)
            _ = try FairShare.distribute(free: snapshot.freeSlots, capacity: snapshot.capacity) { queue, limit in
                let jobs = try store.claim(db, queue: queue, limit: limit, epoch: epoch, now: now)
                claimed += jobs
                return jobs.count
            }
        }
        return claimed
    }

    /// Gives claimed jobs to the worker threads.
    private func hand(_ claimed: [ClaimedJob]) {
        guard !claimed.isEmpty else { return }
        cond.lock()
        for job in claimed { inflight[job.queue, default: 0] += 1 }
        ready.append(contentsOf: claimed)
        cond.broadcast()
        cond.unlock()
    }

    /// Puts completions back after a failed write, so the next round retries them.
    private func requeuePending(_ completions: [JobCompletion]) {
        guard !completions.isEmpty else { return }
        cond.lock()
        pending.insert(contentsOf: completions, at: 0)
        cond.unlock()
    }

    /// Reloads paused queues, runtime concurrency and (when serving every queue) queue names.
    func refreshQueueSwitches() {
        do {
            let states = try store.queueStates()
            let discovered = options.queues == nil ? try store.queuesWithWork() : []
            cond.lock()
            pausedQueues = Set(states.filter(\.paused).map(\.queue))
            scaledQueues = Dictionary(states.compactMap { state in state.concurrency.map { (state.queue, $0) } },
                                      uniquingKeysWith: { first, _ in first })
            knownQueues.formUnion(discovered)
            cond.unlock()
        } catch {
            onError(error)
        }
    }
}
