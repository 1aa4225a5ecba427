import Foundation
import JobQueue

/// `queue-crash-child MODE DB [N]`: a small process the JobQueue tests start, kill and restart.
///   work DB N   run a pool and keep enqueueing (until the database holds N jobs) until killed
///   multi DB N  enqueue N jobs while working, exit 0 once no job is left open
///   drain DB    work until no job is left open, then shut down cleanly
/// Kinds: `noop`, `sleep`, `flaky` (fails one attempt in three), `cached` (cacheable result).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("queue-crash-child: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: queue-crash-child work|multi|drain DB [N]") }
let mode = arguments[1]
let limit = arguments.count > 3 ? Int(arguments[3]) ?? 0 : 0
var storeOptions = JobStoreOptions()
storeOptions.durability = ProcessInfo.processInfo.environment["JOBQUEUE_SYNC"] == "full" ? .full : .normal
storeOptions.leaseMillis = 2_000
storeOptions.retryPolicy.quickBaseMillis = 5
storeOptions.retryPolicy.quickCapMillis = 20
storeOptions.retryPolicy.backoffBaseMillis = 20
storeOptions.retryPolicy.backoffCapMillis = 40

let store: JobStore
do { store = try JobStore(path: arguments[2], options: storeOptions) } catch { fail("\(error)") }

let registry = HandlerRegistry.withBuiltins()
registry.register(kind: "flaky") { ctx, _ in
    if (ctx.job.id + Int64(ctx.job.attempt)) % 3 == 0 { throw JobError.retryable("flaky failure") }
    return Data("ok \(ctx.job.id)".utf8)
}
registry.register(kind: "cached") { ctx, _ in Data("cached \(ctx.job.id)".utf8) }

var poolOptions = WorkerPoolOptions()
poolOptions.concurrency = 3
poolOptions.idlePollMillis = 20
poolOptions.cancelPollMillis = 20
poolOptions.sweepMillis = 200
poolOptions.pruneEveryMillis = 0
let pool = WorkerPool(store: store, registry: registry, options: poolOptions)
do { try pool.start() } catch { fail("\(error)") }

/// A mixed batch, so kills land in enqueue, claim and completion transactions alike.
func batch(_ round: Int, size: Int, kinds: [String]) -> [JobRequest] {
    (0..<size).map { i in
        let kind = kinds[(round + i) % kinds.count]
        return JobRequest(kind: kind, args: Data("{\"ms\": 1, \"n\": \(round * size + i)}".utf8),
                          queue: ["reports", "ai", "exports"][i % 3], maxAttempts: 3,
                          cacheVersion: kind == "cached" ? "v1" : nil)
    }
}

switch mode {
case "work":
    var round = 0
    while true {
        if let count = try? store.jobs(JobFilter(limit: 1)).first?.id, count >= Int64(limit) {
            usleep(5_000)
            continue
        }
        _ = try? store.enqueue(batch(round, size: 5, kinds: ["noop", "sleep", "flaky", "cached"]))
        round += 1
        usleep(2_000)
    }
case "multi":
    var sent = 0
    var round = 0
    while sent < limit {
        let size = min(10, limit - sent)
        do { try store.enqueue(batch(round, size: size, kinds: ["noop", "sleep"])) } catch { fail("\(error)") }
        sent += size
        round += 1
        usleep(1_000)
    }
    guard (try? pool.waitUntilIdle(timeoutMillis: 120_000)) == true else { fail("did not go idle: \((try? store.stats().states) ?? [:])") }
    pool.shutdown()
case "drain":
    guard (try? pool.waitUntilIdle(timeoutMillis: 120_000)) == true else { fail("did not go idle: \((try? store.stats().states) ?? [:])") }
    pool.shutdown()
default:
    fail("unknown mode \(mode)")
}
