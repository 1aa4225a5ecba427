import Foundation

/// Bounded prefetch. With claims limited to free slots, a pool of short jobs spends its time
/// on claim transactions of one or two jobs, each a dispatcher round trip while the workers
/// wait. A queue whose latest job ran shorter than `prefetchBelowMillis` may therefore hold up
/// to its run limit again in claimed-but-not-started jobs (`ready`), and the pool as a whole at
/// most `concurrency` of them, so workers start their next job at once and claims come in
/// larger batches. Queues of long jobs never prefetch, so their waiting jobs stay available to
/// other processes. A prefetched job is `running` in the database under this pool's epoch and
/// lease, heartbeated like a running one, given back on shutdown, and recovered like a running
/// one after a crash. Per-queue limits still bound what *runs*: a worker starts only a ready job
/// whose queue is below its limit.
extension WorkerPool {
    /// A job that ran at least this long turns prefetch off for its queue.
    static let prefetchBelowMillis: Int64 = 20

    /// Extra claimed jobs the pool may hold beyond its worker slots (the per-queue caps decide
    /// which queues may use it). Being at least `concurrency - 1`, and not depending on which
    /// queues are short, guarantees that prefetched jobs blocked by their queue's limit never use
    /// up the claim budget while a worker is idle: they number at most the running jobs.
    var prefetchBudget: Int { max(options.concurrency, 1) }

    /// Index of the first ready job whose queue is below its run limit; lock held.
    func startableIndex() -> Int? {
        guard !ready.isEmpty else { return nil }
        var runningPerQueue: [String: Int] = [:]
        for entry in running.values { runningPerQueue[entry.job.queue, default: 0] += 1 }
        return ready.firstIndex { runningPerQueue[$0.queue, default: 0] < runLimit($0.queue) }
    }

    /// Records whether the job's queue runs short jobs (prefetch on) or not; lock held.
    func noteDuration(of entry: RunningJob) {
        if store.clock.nowMillis() - entry.startedAt < Self.prefetchBelowMillis {
            shortQueues.insert(entry.job.queue)
        } else {
            shortQueues.remove(entry.job.queue)
        }
    }

    /// Gives back (attempt returned, like on shutdown) prefetched jobs of queues scaled down to
    /// zero: they could never start here, and should not stay held by this pool; lock held.
    func releaseUnrunnable() {
        let release = ready.filter { runLimit($0.queue) <= 0 }
        guard !release.isEmpty else { return }
        ready.removeAll { runLimit($0.queue) <= 0 }
        for job in release {
            pending.append(JobCompletion(job: job, outcome: .interrupted))
            inflight[job.queue, default: 1] -= 1
        }
        wakeRequested = true
    }

    /// Hands claimed jobs to the worker threads; lock held. Jobs claimed by a round that raced
    /// with shutdown (which has already given back `ready`) are given back the same way, as
    /// interrupted completions, instead of being stranded in `ready`.
    func accept(_ claimed: [ClaimedJob]) {
        guard phase == .running else {
            pending.append(contentsOf: claimed.map { JobCompletion(job: $0, outcome: .interrupted) })
            if !claimed.isEmpty { wakeRequested = true }
            return
        }
        for job in claimed { inflight[job.queue, default: 0] += 1 }
        ready.append(contentsOf: claimed)
    }
}
