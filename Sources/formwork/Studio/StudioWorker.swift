import Foundation
import JobQueue
import Studio

/// The studio's in-process worker pool: the same job kinds as `formwork worker`, over the
/// same store the Jobs screen reads. Errors cannot go to stderr while the terminal is in
/// curses mode, so they are kept and printed after the studio gives the terminal back.
final class StudioWorker: @unchecked Sendable {
    private let pool: WorkerPool
    private let lock = NSLock()
    private var errors: [String] = []
    /// Seconds running jobs get to finish on quit before they are released back to the queue
    /// (their attempt given back), so quitting never loses a job and never hangs for long.
    static let shutdownDeadlineMillis: Int64 = 5_000

    private init(pool: WorkerPool) {
        self.pool = pool
    }

    /// Starts a pool over the studio's job service store; nil when the session has no queue.
    static func start(services: StudioServices, workspace: WorkspaceOptions) throws -> StudioWorker? {
        guard let live = services.jobs as? LiveJobService else { return nil }
        var options = WorkerPoolOptions()
        options.concurrency = 2
        let pool = WorkerPool(store: live.store, registry: JobKinds.registry(workspace: try workspace.directory()), options: options)
        let worker = StudioWorker(pool: pool)
        pool.onError = { [weak worker] error in worker?.record(error) }
        try pool.start()
        return worker
    }

    private func record(_ error: Error) {
        lock.lock()
        errors.append(String(describing: error))
        lock.unlock()
    }

    /// The distinct errors kept so far, sorted (each is printed once however often it recurred).
    var keptErrors: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Set(errors).sorted()
    }

    /// Stops claiming, lets running jobs finish or releases them, and reports kept errors
    /// through `print` (stderr by default, once the terminal is back); returns what it printed.
    @discardableResult
    func stop(print: (String) -> Void = CLIFailure.printError) -> [String] {
        pool.shutdown(deadlineMillis: Self.shutdownDeadlineMillis)
        let lines = keptErrors.map { "worker: \($0)" }
        lines.forEach(print)
        return lines
    }
}
