import Foundation
import GRDB

/// A job a worker process holds: enough to run the handler and to fence every later write.
public struct ClaimedJob: Sendable, Equatable {
    /// Row id.
    public var id: Int64
    /// Named queue.
    public var queue: String
    /// Handler kind.
    public var kind: String
    /// JSON arguments.
    public var args: Data
    /// This attempt's number (1-based); part of the fence.
    public var attempt: Int
    /// Attempts allowed.
    public var maxAttempts: Int
    /// The claiming process's epoch; part of the fence.
    public var epoch: String
    /// Per-job timeout, if the request set one.
    public var timeoutMillis: Int64?
    /// The checkpoint saved by an earlier attempt.
    public var checkpoint: Data?
    /// Result-cache key.
    public var cacheKey: String?
    /// Result-cache time to live.
    public var cacheTTLMillis: Int64?
    /// When the attempt started.
    public var attemptedAt: Int64
    /// When the job was due (enqueue-to-start latency = attemptedAt - scheduledAt).
    public var scheduledAt: Int64

    /// Decodes a row returned by the claim statement, by position (the hot path avoids
    /// GRDB's case-insensitive column-name lookups).
    init(row: Row, epoch: String) {
        id = row[0]
        queue = row[1]
        kind = row[2]
        args = row[3] ?? Data()
        attempt = row[4]
        maxAttempts = row[5]
        self.epoch = epoch
        timeoutMillis = row[6]
        checkpoint = row[7]
        cacheKey = row[8]
        cacheTTLMillis = row[9]
        attemptedAt = row[10]
        scheduledAt = row[11]
    }

    /// The SQL fence every terminal write of this run carries, and its arguments.
    static let fenceSQL = "id = ? AND state = 'running' AND run_epoch = ? AND attempt = ?"
    /// Arguments matching `fenceSQL`.
    var fenceArguments: StatementArguments { [id, epoch, attempt] }
}

/// How one run of a job ended.
public enum JobOutcome: Sendable, Equatable {
    /// The handler returned, optionally with result bytes.
    case completed(Data?)
    /// The handler threw; the error decides retry, dead-letter or snooze.
    case failed(JobError)
    /// The attempt ran past its timeout (counts as an attempt).
    case timedOut(Int64)
    /// The job was cancelled while running.
    case cancelled
    /// Shutdown stopped the run before it finished; the attempt is given back.
    case interrupted
}
