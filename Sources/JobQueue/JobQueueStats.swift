import Foundation
import GRDB

/// Counters and latency figures for monitoring (`formwork jobs stats`).
public struct JobQueueStats: Sendable, Equatable, Codable {
    /// Jobs per state (every state present, zero when none).
    public var states: [String: Int]
    /// Jobs per queue and state.
    public var queues: [String: [String: Int]]
    /// Jobs whose handler started more than once (at-least-once duplicates).
    public var duplicateExecutions: Int
    /// Events per type in the log (completed, retrying, recovered…).
    public var events: [String: Int]
    /// Enqueue-to-start latency over recent completed jobs, ms (p50, p95).
    public var startLatencyP50Millis: Int64?
    /// 95th percentile of enqueue-to-start latency, ms.
    public var startLatencyP95Millis: Int64?
    /// Median run time of recent completed jobs, ms.
    public var runTimeP50Millis: Int64?
    /// 95th percentile run time, ms.
    public var runTimeP95Millis: Int64?
}

extension JobStore {
    /// Computes the current statistics (latencies over the last 1,000 completed jobs).
    public func stats() throws -> JobQueueStats {
        try read { db in
            var states = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0.rawValue, 0) })
            var queues: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT queue, state, count(*) AS n FROM job GROUP BY queue, state") {
                let state: String = row["state"]
                let queue: String = row["queue"]
                let count: Int = row["n"]
                states[state, default: 0] += count
                queues[queue, default: [:]][state] = count
            }
            let duplicates = try Int.fetchOne(db, sql: "SELECT count(*) FROM job WHERE executions > attempt") ?? 0
            var events: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type, count(*) AS n FROM job_event GROUP BY type") {
                events[row["type"]] = row["n"]
            }
            let recent = try Row.fetchAll(db, sql: """
                SELECT attempted_at - scheduled_at AS wait, finalized_at - attempted_at AS run FROM job
                WHERE state = 'completed' AND attempted_at IS NOT NULL ORDER BY finalized_at DESC LIMIT 1000
                """)
            let waits = recent.compactMap { $0["wait"] as Int64? }.sorted()
            let runs = recent.compactMap { $0["run"] as Int64? }.sorted()
            return JobQueueStats(states: states, queues: queues, duplicateExecutions: duplicates, events: events,
                                 startLatencyP50Millis: Self.percentile(waits, 0.5),
                                 startLatencyP95Millis: Self.percentile(waits, 0.95),
                                 runTimeP50Millis: Self.percentile(runs, 0.5),
                                 runTimeP95Millis: Self.percentile(runs, 0.95))
        }
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Int64], _ p: Double) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((Double(sorted.count) * p).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
