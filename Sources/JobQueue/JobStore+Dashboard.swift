import Foundation
import GRDB

/// One queue's figures for a monitoring screen.
public struct QueueDashboard: Sendable, Equatable {
    /// Queue name.
    public var queue: String
    /// Jobs per state: unfinished states and `discarded`; `completed` and `cancelled` are
    /// history and not counted here.
    public var counts: [JobState: Int]
    /// Whether the queue is paused.
    public var paused: Bool
    /// Completions per bucket, oldest first, the last bucket ending now.
    public var completions: [Int]
    /// Completions in the last hour.
    public var completedLastHour: Int
    /// Jobs cancelled in the last hour: they keep a queue listed while it has no other job.
    public var cancelledLastHour: Int = 0

    /// The count of `state` (0 when none).
    public func count(_ state: JobState) -> Int { counts[state] ?? 0 }
}

/// What a monitoring screen shows, read in one snapshot transaction.
public struct JobDashboard: Sendable, Equatable {
    /// When it was read (Unix ms).
    public var now: Int64
    /// Width of a throughput bucket, ms.
    public var bucketMillis: Int64
    /// Every queue with unfinished or dead jobs, any job finished (completed or cancelled) in
    /// the last hour, or persisted switches (paused), by name.
    public var queues: [QueueDashboard]
    /// Running jobs, oldest attempt first (at most 100).
    public var running: [Job]
    /// The newest jobs matching the states asked for.
    public var recent: [Job]
}

extension JobStore {
    /// A few aggregate queries, each answered from an index (`job_live`, `job_final`,
    /// `job_lease`) or the newest end of the primary key, so a screen can call this several
    /// times a second while workers drain thousands of jobs. Reads run on a WAL reader and
    /// never block the writer.
    public func dashboard(bucketMillis: Int64 = 10_000, buckets: Int = 60, recentStates: [JobState] = [],
                          recentLimit: Int = 50) throws -> JobDashboard {
        let now = clock.nowMillis()
        let width = max(bucketMillis, 1), count = max(buckets, 1)
        return try read { db in
            var queues = Queues(buckets: count)
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, state, count(*) AS n FROM job WHERE finalized_at IS NULL GROUP BY queue, state
                """) {
                guard let state = JobState(rawValue: row["state"]) else { continue }
                queues.update(row["queue"]) { $0.counts[state] = row["n"] }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, count(*) AS n FROM job WHERE state = 'discarded' AND finalized_at IS NOT NULL GROUP BY queue
                """) {
                queues.update(row["queue"]) { $0.counts[.discarded] = row["n"] }
            }
            try Self.addCompletions(db, now: now, width: width, into: &queues)
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, count(*) AS n FROM job WHERE state = 'cancelled' AND finalized_at IS NOT NULL AND finalized_at > ? GROUP BY queue
                """, arguments: [now - 3_600_000]) {
                queues.update(row["queue"]) { $0.cancelledLastHour = row["n"] }
            }
            for row in try Row.fetchAll(db, sql: "SELECT queue, paused FROM job_queue_state") {
                let paused = (row["paused"] as Int) != 0
                queues.update(row["queue"]) { $0.paused = paused }
            }
            let running = try Row.fetchAll(db, sql: """
                SELECT * FROM job WHERE state = 'running' ORDER BY attempted_at, id LIMIT 100
                """).map(Job.init(row:))
            let (clause, arguments) = JobFilter(states: recentStates).whereClause()
            let recent = try Row.fetchAll(db, sql: "SELECT * FROM job WHERE \(clause) ORDER BY id DESC LIMIT \(max(recentLimit, 0))",
                                          arguments: arguments).map(Job.init(row:))
            return JobDashboard(now: now, bucketMillis: width, queues: queues.byName.values.sorted { $0.queue < $1.queue },
                                running: running, recent: recent)
        }
    }

    /// Completions of the last hour per queue, and per bucket for the newest `count` buckets.
    private static func addCompletions(_ db: Database, now: Int64, width: Int64, into queues: inout Queues) throws {
        let hourAgo = now - 3_600_000
        for row in try Row.fetchAll(db, sql: """
            SELECT queue, (? - finalized_at) / ? AS age, count(*) AS n FROM job
            WHERE state = 'completed' AND finalized_at IS NOT NULL AND finalized_at > ?
            GROUP BY queue, age
            """, arguments: [now, width, hourAgo]) {
            let age: Int64 = row["age"], n: Int = row["n"]
            // Age 0 is the newest bucket (the last slot); finishes stamped a little after `now`
            // by a worker's clock count there too.
            let slot = queues.buckets - 1 - Int(max(0, age))
            queues.update(row["queue"]) { queue in
                queue.completedLastHour += n
                if slot >= 0 { queue.completions[slot] += n }
            }
        }
    }
}

/// Queue figures being gathered, created on first mention.
private struct Queues {
    let buckets: Int
    var byName: [String: QueueDashboard] = [:]

    init(buckets: Int) {
        self.buckets = buckets
    }

    mutating func update(_ name: String, _ change: (inout QueueDashboard) -> Void) {
        change(&byName[name, default: QueueDashboard(queue: name, counts: [:], paused: false,
                                                      completions: Array(repeating: 0, count: buckets), completedLastHour: 0)])
    }
}
