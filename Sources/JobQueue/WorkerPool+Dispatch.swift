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
    /// The dispatcher thread: sleeps until a wakeup (enqueue, finished job, flush or timer), runs
    /// rounds until nothing is left to claim or write, then does the periodic duties.
    func dispatchLoop() {
        var timers = HousekeepingTimers(now: store.clock.nowMillis())
        while waitForDuty(timers: timers) {
            driveRounds()
            housekeeping(&timers)
        }
        cond.lock()
        dispatcherExited = true
        cond.broadcast()
        cond.unlock()
    }

    /// Blocks until there is something to do; false once the pool has stopped and is flushed.
    /// The dispatcher sleeps on its own semaphore, so a finished job wakes only the dispatcher
    /// and a claim wakes only the workers.
    private func waitForDuty(timers: HousekeepingTimers) -> Bool {
        while true {
            cond.lock()
            let now = store.clock.nowMillis()
            let stopping = phase != .running
            if stopping && pending.isEmpty && ready.isEmpty && !running.values.contains(where: { !$0.abandoned }) {
                cond.unlock()
                return false
            }
            if wakeRequested || flushDue(now: now, stopping: stopping)
                || timers.due(now: now, options: options, heartbeatMillis: heartbeatMillis) {
                cond.unlock()
                return true
            }
            var wait = timers.nextDue(options: options, heartbeatMillis: heartbeatMillis) - now
            if !pending.isEmpty { wait = min(wait, lastFlush + options.flushIntervalMillis - now) }
            cond.unlock()
            _ = dispatcherWake.wait(timeout: .now() + .milliseconds(Int(max(wait, 1))))
        }
    }

    /// Whether pending completions must be written now; lock held. They wait for a group
    /// commit (flush interval or batch size), so claims between flushes stay small transactions.
    private func flushDue(now: Int64, stopping: Bool) -> Bool {
        guard !pending.isEmpty else { return false }
        return stopping || pending.count >= options.maxBatch || now - lastFlush >= options.flushIntervalMillis
    }

    /// Runs rounds on the dispatcher thread until nothing is left to claim or write.
    func driveRounds() {
        cond.lock()
        while true {
            let now = store.clock.nowMillis()
            let stopping = phase != .running
            let snapshot = snapshot(takeCompletions: flushDue(now: now, stopping: stopping), stopping: stopping)
            wakeRequested = false
            cond.unlock()
            var claimed: [ClaimedJob] = []
            var failure: Error?
            do { claimed = try runRound(snapshot) } catch { failure = error }
            cond.lock()
            if let failure {
                pending.insert(contentsOf: snapshot.completions, at: 0)
                wakeRequested = true
                cond.unlock()
                onError(failure)
                usleep(50_000)
                return
            }
            if !snapshot.completions.isEmpty { lastFlush = now }
            accept(claimed)
            let refill = !snapshot.completions.isEmpty && claimed.count < snapshot.freeSlots
            let more = wakeRequested || refill || flushDue(now: store.clock.nowMillis(), stopping: phase != .running)
            if !more {
                cond.broadcast()
                cond.unlock()
                return
            }
            if !claimed.isEmpty { cond.broadcast() }
        }
    }

    /// Free slots per served queue; must be called with the lock held.
    private func snapshot(takeCompletions: Bool, stopping: Bool) -> DispatchSnapshot {
        let completions = takeCompletions ? pending : []
        if takeCompletions { pending.removeAll(keepingCapacity: true) }
        let busy = ready.count + running.count
        let free = stopping ? 0 : max(0, options.concurrency + prefetchBudget - busy)
        var capacity: [(queue: String, free: Int)] = []
        if free > 0 {
            rotation &+= 1
            for queue in FairShare.rotated(knownQueues.sorted(), by: rotation) where !pausedQueues.contains(queue) {
                let limit = runLimit(queue)
                let extra = shortQueues.contains(queue) ? limit : 0
                let open = limit + extra - inflight[queue, default: 0]
                if open > 0 { capacity.append((queue, open)) }
            }
        }
        return DispatchSnapshot(completions: completions, freeSlots: free, capacity: capacity, stopping: stopping)
    }

    /// One transaction: write the completions (fenced), promote due jobs, claim for free slots.
    /// Under FULL durability a round without completions skips the fsync (claims are cheap to lose).
    private func runRound(_ snapshot: DispatchSnapshot) throws -> [ClaimedJob] {
        guard !snapshot.completions.isEmpty || snapshot.freeSlots > 0 else { return [] }
        let now = store.clock.nowMillis()
        var claimed: [ClaimedJob] = []
        try store.write(durable: !snapshot.completions.isEmpty) { db in
            claimed = []
            _ = try store.finishBatch(db, snapshot.completions, now: now)
            guard snapshot.freeSlots > 0 else { return }
            // Promote even when no known queue has room: a due retry may be the only job of a
            // queue this pool has not discovered yet.
            try store.promoteDue(db, now: now)
            guard !snapshot.capacity.isEmpty else { return }
            _ = try FairShare.distribute(free: snapshot.freeSlots, capacity: snapshot.capacity) { queue, limit in
                let jobs = try store.claim(db, queue: queue, limit: limit, epoch: epoch, now: now)
                claimed += jobs
                return jobs.count
            }
        }
        return claimed
    }

    /// How many of `queue`'s jobs may run at once in this pool; lock held.
    func runLimit(_ queue: String) -> Int {
        let limit = options.queueConcurrency[queue] ?? scaledQueues[queue] ?? store.options.defaults(for: queue).concurrency
        return min(limit, options.concurrency)
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
            releaseUnrunnable()
            // A raised limit may make prefetched jobs startable for idle workers.
            cond.broadcast()
            cond.unlock()
        } catch {
            onError(error)
        }
    }
}
