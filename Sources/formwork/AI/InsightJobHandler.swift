import Foundation
import HTTP
import Insights

/// Runs one `insight` job (queue `ai`) in a worker: the live services for the workspace, the
/// chain narrowed to the job's provider, cancellation linked to the job's stop flag, and the
/// breakers' cooldowns saved for the next job or process.
enum InsightJobHandler {
    private static let lock = NSLock()
    /// Services per workspace and provider, shared by every job of this process so that the
    /// breakers and the per-provider pacing see all of the worker's calls.
    nonisolated(unsafe) private static var services: [String: AIServices] = [:]

    /// The result bytes (`SectionInsights` as JSON) for the job's arguments.
    static func run(arguments: Data, workspace: URL, isCancelled: @escaping @Sendable () -> Bool) throws -> Data {
        let parsed = try InsightJob.decodeArguments(arguments)
        let services = try shared(workspace: workspace, provider: parsed.provider)
        defer { services.saveCooldowns() }
        return try InsightJob.run(arguments: parsed, engine: services.engine(), cancellation: CancellationToken(linkedTo: isCancelled))
    }

    private static func shared(workspace: URL, provider: String?) throws -> AIServices {
        lock.lock()
        defer { lock.unlock() }
        let key = workspace.path + "\u{1F}" + (provider ?? "")
        if let existing = services[key] { return existing }
        let created = try AIServices(workspace: workspace, provider: provider)
        services[key] = created
        return created
    }
}
