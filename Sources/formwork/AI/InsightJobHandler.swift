import Foundation
import HTTP
import Insights

/// Runs one `insight` job (queue `ai`) in a worker: the live services for the workspace, the
/// chain narrowed to the job's provider, cancellation linked to the job's stop flag, and the
/// breakers' cooldowns saved for the next job or process.
enum InsightJobHandler {
    /// The result bytes (`SectionInsights` as JSON) for the job's arguments.
    static func run(arguments: Data, workspace: URL, isCancelled: @escaping @Sendable () -> Bool) throws -> Data {
        let parsed = try InsightJob.decodeArguments(arguments)
        let services = try AIServices(workspace: workspace, provider: parsed.provider)
        defer { services.saveCooldowns() }
        return try InsightJob.run(arguments: parsed, engine: services.engine(), cancellation: CancellationToken(linkedTo: isCancelled))
    }
}
