import Foundation
import HTTP

/// Insight work as a job on the `ai` queue: the arguments carry one fact table, the result is
/// the section's insights as JSON. The job queue is generic, so this type only encodes and
/// runs; the `formwork` target registers the kind with the queue.
public enum InsightJob {
    /// The job kind.
    public static let kind = "insight"
    /// The queue AI work runs on.
    public static let queue = "ai"

    /// What one insight job is asked to do.
    public struct Arguments: Codable, Sendable, Equatable {
        /// The facts of one report section.
        public var table: FactTable
        /// Restrict the chain to this provider (a name or a kind), if set.
        public var provider: String?

        /// Arguments from their parts.
        public init(table: FactTable, provider: String? = nil) {
            self.table = table
            self.provider = provider
        }
    }

    /// The JSON arguments of a job for one fact table.
    public static func arguments(for table: FactTable, provider: String? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Arguments(table: table, provider: provider))
    }

    /// Decodes job arguments.
    public static func decodeArguments(_ data: Data) throws -> Arguments {
        try JSONDecoder().decode(Arguments.self, from: data)
    }

    /// The version for the queue's result cache: results differ when the prompt changes.
    public static func cacheVersion(template: PromptTemplate = PromptTemplates.current) -> String {
        template.version
    }

    /// Runs the job: the engine's insights for the table, as JSON. It never fails for an AI
    /// reason — the local narrator covers those — only for cancellation or bad arguments.
    public static func run(arguments: Arguments, engine: InsightEngine, cancellation: CancellationToken?) throws -> Data {
        let insights = engine.insights(for: arguments.table, cancellation: cancellation)
        if cancellation?.isCancelled == true { throw RouterError.cancelled }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(insights)
    }

    /// Decodes a job's result.
    public static func decodeResult(_ data: Data) throws -> SectionInsights {
        try JSONDecoder().decode(SectionInsights.self, from: data)
    }
}
