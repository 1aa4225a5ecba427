import Foundation

/// Errors raised by the queue itself (as opposed to errors thrown by job handlers).
public enum JobQueueError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The database stayed locked by another connection for longer than the lock wait limit.
    case databaseLocked(path: String, waitedMillis: Int64)
    /// The disk (or the database's page limit) is full; the write was rolled back.
    case diskFull(path: String)
    /// Any other SQLite failure, with SQLite's message.
    case database(String)
    /// No job has this id.
    case jobNotFound(Int64)
    /// The operation is not allowed in the job's current state.
    case invalidState(id: Int64, state: JobState, operation: String)
    /// A request was malformed (bad priority, unknown dependency, bad JSON…).
    case invalidRequest(String)
    /// A cron expression could not be parsed.
    case invalidCron(expression: String, reason: String)
    /// No schedule has this name.
    case scheduleNotFound(String)
    /// No handler is registered for the kind.
    case unknownKind(String)

    /// One-line description for logs and the CLI.
    public var description: String {
        switch self {
        case let .databaseLocked(path, waited):
            return "database \(path) is locked by another process (waited \(waited) ms)"
        case let .diskFull(path):
            return "disk full while writing \(path); nothing was written"
        case let .database(message):
            return "database error: \(message)"
        case let .jobNotFound(id):
            return "no job with id \(id)"
        case let .invalidState(id, state, operation):
            return "cannot \(operation) job \(id): it is \(state.rawValue)"
        case let .invalidRequest(message):
            return "invalid job request: \(message)"
        case let .invalidCron(expression, reason):
            return "invalid cron expression '\(expression)': \(reason)"
        case let .scheduleNotFound(name):
            return "no schedule named '\(name)'"
        case let .unknownKind(kind):
            return "no handler registered for job kind '\(kind)'"
        }
    }

    /// Same as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}
