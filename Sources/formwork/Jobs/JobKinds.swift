import Foundation
import JobQueue

/// The job kinds this build of `formwork` can run. Features add their kinds here
/// (`registry.register(kind: "report.render") { ctx, args in ... }`).
enum JobKinds {
    /// A registry with every kind registered; kinds that work on the workspace's data
    /// (`sheets.pull`, `sheets.push`) are added when the worker serves a workspace.
    static func registry(workspace: URL? = nil) -> HandlerRegistry {
        let registry = HandlerRegistry.withBuiltins()
        if let workspace { SheetsJobHandler.register(in: registry, workspace: workspace) }
        return registry
    }
}
