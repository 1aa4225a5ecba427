import Foundation
import JobQueue

/// `formwork-bench queue`: enqueue and drain throughput of the SQLite job queue, and
/// enqueue-to-start latency on an idle pool. 10,000 no-op jobs, 2 workers; each figure is the
/// median of several runs on a fresh database in a temporary directory.
enum QueueBench {
    static let jobCount = 10_000
    static let runs = 3

    static func run() throws {
        let single = try median { try enqueueSingle(count: 2_000) }
        Measure.report("queue.enqueue_single", single, "jobs/s")
        let batch = try median { try enqueueBatch() }
        Measure.report("queue.enqueue_batch", batch, "jobs/s")
        for durability in [JobDurability.full, .normal] {
            var cpu: [Double] = []
            let rate = try median {
                let (jobsPerSecond, cpuMicros) = try drain(durability)
                cpu.append(cpuMicros)
                return jobsPerSecond
            }
            Measure.report("queue.drain_\(durability.rawValue)", rate, "jobs/s")
            Measure.report("queue.drain_\(durability.rawValue)_cpu", cpu.sorted()[cpu.count / 2], "us/job")
        }
        Measure.report("queue.start_latency", try startLatency(samples: 50), "ms")
    }

    private static func median(_ body: () throws -> Double) rethrows -> Double {
        var values: [Double] = []
        for _ in 0..<runs { values.append(try body()) }
        return values.sorted()[values.count / 2]
    }

    /// A store on a fresh file; the directory is removed by `cleanup`.
    private static func freshStore(_ durability: JobDurability) throws -> (JobStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var options = JobStoreOptions()
        options.durability = durability
        return (try JobStore(path: dir.appendingPathComponent("queue.db").path, options: options), dir)
    }

    private static func cleanup(_ dir: URL) { try? FileManager.default.removeItem(at: dir) }

    private static func perSecond(_ count: Int, since start: UInt64) -> Double {
        Double(count) / (Double(Measure.nanos() - start) / 1e9)
    }

    /// One transaction (and, under the default FULL durability, one fsync) per job.
    private static func enqueueSingle(count: Int) throws -> Double {
        let (store, dir) = try freshStore(.full)
        defer { cleanup(dir) }
        let start = Measure.nanos()
        for _ in 0..<count { try store.enqueue(JobRequest(kind: "noop", queue: "bench")) }
        return perSecond(count, since: start)
    }

    /// 10,000 jobs in batches of 1,000 (FULL durability).
    private static func enqueueBatch() throws -> Double {
        let (store, dir) = try freshStore(.full)
        defer { cleanup(dir) }
        let batch = Array(repeating: JobRequest(kind: "noop", queue: "bench"), count: 1_000)
        let start = Measure.nanos()
        for _ in 0..<(jobCount / batch.count) { try store.enqueue(batch) }
        return perSecond(jobCount, since: start)
    }

    private static func benchPool(_ store: JobStore, registry: HandlerRegistry) -> WorkerPool {
        var options = WorkerPoolOptions()
        options.concurrency = 2
        options.queues = ["bench"]
        options.queueConcurrency = ["bench": 2]
        options.pruneEveryMillis = 0
        options.runsScheduler = false
        return WorkerPool(store: store, registry: registry, options: options)
    }

    /// Process CPU time (user + system) in microseconds; a load-independent cost figure on a
    /// shared machine.
    private static func cpuMicros() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func micros(_ t: timeval) -> Double { Double(t.tv_sec) * 1e6 + Double(t.tv_usec) }
        return micros(usage.ru_utime) + micros(usage.ru_stime)
    }

    /// Start a 2-worker pool on 10,000 waiting no-op jobs; time until every one is durably
    /// completed. Returns jobs/s and CPU microseconds per job.
    private static func drain(_ durability: JobDurability) throws -> (Double, Double) {
        let (store, dir) = try freshStore(durability)
        defer { cleanup(dir) }
        try store.enqueue(Array(repeating: JobRequest(kind: "noop", queue: "bench"), count: jobCount))
        let pool = benchPool(store, registry: .withBuiltins())
        let open = JobFilter(states: [.available, .running], limit: 1)
        let start = Measure.nanos()
        let cpuStart = cpuMicros()
        try pool.start()
        while try !store.jobs(open).isEmpty { usleep(10_000) }
        let rate = perSecond(jobCount, since: start)
        let cpu = (cpuMicros() - cpuStart) / Double(jobCount)
        pool.shutdown()
        return (rate, cpu)
    }

    /// From calling `enqueue` (commit included) to the handler's first line, pool idle.
    private static func startLatency(samples: Int) throws -> Double {
        let (store, dir) = try freshStore(.full)
        defer { cleanup(dir) }
        let started = StartTimes()
        let registry = HandlerRegistry()
        registry.register(kind: "probe") { ctx, _ in
            started.record(ctx.job.id)
            return nil
        }
        let pool = benchPool(store, registry: registry)
        try pool.start()
        var latencies: [Double] = []
        for _ in 0..<samples {
            usleep(20_000)
            let call = Measure.nanos()
            let id = try store.enqueue(JobRequest(kind: "probe", queue: "bench")).id
            guard let at = started.wait(for: id, timeoutSeconds: 5) else { continue }
            latencies.append(Double(Int64(at) - Int64(call)) / 1e6)
        }
        pool.shutdown()
        return latencies.isEmpty ? .nan : latencies.sorted()[latencies.count / 2]
    }
}

/// Handler start times by job id, shared between worker threads and the bench.
final class StartTimes: @unchecked Sendable {
    private let condition = NSCondition()
    private var times: [Int64: UInt64] = [:]

    func record(_ id: Int64) {
        condition.lock()
        times[id] = Measure.nanos()
        condition.broadcast()
        condition.unlock()
    }

    func wait(for id: Int64, timeoutSeconds: Double) -> UInt64? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        condition.lock()
        defer { condition.unlock() }
        while times[id] == nil && condition.wait(until: deadline) {}
        return times[id]
    }
}
