import Foundation
import GRDB

/// The persisted switches of one queue.
public struct QueueState: Sendable, Equatable {
    /// Queue name.
    public var queue: String
    /// Paused queues are not claimed from (running jobs finish).
    public var paused: Bool
    /// Concurrency override (runtime `scale`), if any.
    public var concurrency: Int?
}

extension JobStore {
    /// Pauses a queue: no new claims, in every process, until resumed (persisted).
    public func pause(queue: String) throws {
        try setQueue(queue, sql: """
            INSERT INTO job_queue_state (queue, paused) VALUES (?, 1) ON CONFLICT(queue) DO UPDATE SET paused = 1
            """)
    }

    /// Resumes a paused queue.
    public func resume(queue: String) throws {
        try setQueue(queue, sql: """
            INSERT INTO job_queue_state (queue, paused) VALUES (?, 0) ON CONFLICT(queue) DO UPDATE SET paused = 0
            """)
        notifyWork()
    }

    /// Sets a queue's concurrency at runtime (persisted); `nil` goes back to the default.
    public func scale(queue: String, concurrency: Int?) throws {
        if let concurrency, concurrency < 0 {
            throw JobQueueError.invalidRequest("concurrency must not be negative")
        }
        try write { db in
            try db.execute(sql: """
                INSERT INTO job_queue_state (queue, concurrency) VALUES (?, ?)
                ON CONFLICT(queue) DO UPDATE SET concurrency = excluded.concurrency
                """, arguments: [queue, concurrency])
        }
        notifyWork()
    }

    private func setQueue(_ queue: String, sql: String) throws {
        guard !queue.isEmpty else { throw JobQueueError.invalidRequest("queue is empty") }
        try write { db in try db.execute(sql: sql, arguments: [queue]) }
    }

    /// Every queue with persisted switches.
    public func queueStates() throws -> [QueueState] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM job_queue_state ORDER BY queue").map {
                QueueState(queue: $0["queue"], paused: ($0["paused"] as Int) != 0, concurrency: $0["concurrency"])
            }
        }
    }

    /// How many jobs of `queue` are running (in any process).
    public func runningCount(queue: String) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM job WHERE state = 'running' AND queue = ?",
                             arguments: [queue]) ?? 0
        }
    }
}
