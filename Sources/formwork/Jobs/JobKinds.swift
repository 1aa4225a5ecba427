import Foundation
import JobQueue

/// The job kinds this build of `formwork` can run. Features add their kinds here
/// (`registry.register(kind: "report.render") { ctx, args in ... }`).
enum JobKinds {
    /// A registry with every kind registered.
    static func registry() -> HandlerRegistry {
        HandlerRegistry.withBuiltins()
    }
}
