import Foundation

/// How a handler's failure is treated. Handlers throw `JobError` directly, or throw their own
/// error types conforming to `JobErrorClassifying`; any other error counts as retryable.
public enum JobError: Error, Equatable, CustomStringConvertible {
    /// A transient failure: retried with backoff until attempts run out.
    case retryable(String)
    /// A failure that will not go away: the job is dead-lettered at once.
    case permanent(String)
    /// Come back later (e.g. a 429 with Retry-After); does not use up an attempt.
    case snooze(until: Date, reason: String)
    /// The handler stopped because its context reported cancellation.
    case cancelled

    /// One-line description stored in the job's error history.
    public var description: String {
        switch self {
        case let .retryable(message): return message
        case let .permanent(message): return message
        case let .snooze(until, reason):
            return "snoozed until \(ISO8601DateFormatter().string(from: until)): \(reason)"
        case .cancelled: return "cancelled"
        }
    }

    /// Classifies any error thrown by a handler.
    public static func classify(_ error: Error) -> JobError {
        if let jobError = error as? JobError { return jobError }
        if let classifying = error as? JobErrorClassifying { return classifying.jobErrorClass }
        if error is CancellationError { return .cancelled }
        return .retryable(String(describing: error))
    }
}

/// Lets a library's own error type say how the queue should treat it
/// (an HTTP client maps 429 to `.snooze`, 400 to `.permanent`, timeouts to `.retryable`).
public protocol JobErrorClassifying: Error {
    /// The queue's treatment of this error.
    var jobErrorClass: JobError { get }
}

/// One entry of a job's error history: every failed attempt is kept with the job.
public struct JobAttemptError: Codable, Equatable, Sendable {
    /// The attempt number that failed (1-based).
    public var attempt: Int
    /// When it failed, Unix milliseconds.
    public var at: Int64
    /// `retryable`, `permanent`, `snooze`, `timeout`, `lost` (lease lapsed or process died) or `cancelled`.
    public var kind: String
    /// The error's one-line description.
    public var message: String

    /// Creates an error entry.
    public init(attempt: Int, at: Int64, kind: String, message: String) {
        self.attempt = attempt
        self.at = at
        self.kind = kind
        self.message = message
    }

    /// The entry as a JSON object string, for `json_insert` into the `errors` column.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
