import Foundation

/// The eight states of a job row. Terminal states are written exactly once per run,
/// fenced by the run's epoch and attempt.
public enum JobState: String, CaseIterable, Sendable, Codable {
    /// Waiting for its `scheduled_at` (delayed, snoozed or cron-fired in the future).
    case scheduled
    /// Ready to be claimed.
    case available
    /// Claimed by a worker; holds a lease.
    case running
    /// Failed with a retryable error; becomes available at `scheduled_at`.
    case retryable
    /// Waiting for the jobs it depends on.
    case blocked
    /// Finished successfully (terminal).
    case completed
    /// Cancelled before or while running (terminal).
    case cancelled
    /// Dead-lettered: attempts exhausted or a permanent error (terminal).
    case discarded

    /// Whether the state is final (until an explicit requeue from the dead-letter state).
    public var isTerminal: Bool {
        self == .completed || self == .cancelled || self == .discarded
    }

    /// States a job can be cancelled from without a worker's cooperation.
    public static let waitingStates: [JobState] = [.scheduled, .available, .retryable, .blocked]

    /// The SQL list literal of the terminal states, for queries.
    static let terminalSQL = "('completed','cancelled','discarded')"
}
