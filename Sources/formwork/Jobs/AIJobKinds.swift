import Foundation
import Insights
import JobQueue

/// The `insight` kind on the `ai` queue: one fact table in, the section's insights (JSON) out.
enum AIJobKinds {
    /// An insight job may wait on slow providers and their retry hints, but not forever.
    static let timeoutMillis: Int64 = 10 * 60 * 1000

    /// Registers the kinds for a worker serving `workspace`.
    static func register(in registry: HandlerRegistry, workspace: URL) {
        registry.register(kind: InsightJob.kind, timeoutMillis: timeoutMillis) { context, args in
            do {
                return try InsightJobHandler.run(arguments: args.data, workspace: workspace, isCancelled: { context.isCancelled })
            } catch RouterError.cancelled {
                throw JobError.cancelled
            } catch let error as DecodingError {
                throw JobError.permanent("bad insight job arguments: \(error)")
            } catch let error as AIConfigError {
                // A person has to fix the config file; retrying cannot help.
                throw JobError.permanent(error.description)
            }
        }
    }
}
