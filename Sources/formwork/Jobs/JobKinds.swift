import Foundation
import JobQueue

/// The job kinds this build of `formwork` can run. Features add their kinds here
/// (`registry.register(kind: "report.render") { ctx, args in ... }`).
enum JobKinds {
    /// A registry with every kind registered, for a worker serving `workspace`.
    static func registry(workspace: URL) -> HandlerRegistry {
        let registry = HandlerRegistry.withBuiltins()
        AIJobKinds.register(in: registry, workspace: workspace)
        SheetsJobHandler.register(in: registry, workspace: workspace)
        ReportJobs.register(in: registry, workspace: workspace)
        return registry
    }
}
