import ArgumentParser
import Foundation
import Insights
import Reports

/// `--ai`, `--provider`, `--no-wait-ai` for commands that write reports.
struct AIOptions: ParsableArguments {
    @Flag(name: .long, help: "Let an AI model write the insights; every number is checked and the local narrator covers what fails.")
    var ai = false

    @Option(name: .long, help: "With --ai: use only this provider (a name such as 'openai' or a kind).")
    var provider: String?

    @Flag(name: .customLong("no-wait-ai"), help: "Do not wait for AI insights: the local narrator writes them now.")
    var noWaitAI = false

    func validate() throws {
        if provider != nil && !ai { throw ValidationError("--provider needs --ai") }
    }

    /// Copies the choice into an export's settings (`--no-wait-ai` turns `--ai` off, said on stderr).
    func apply(to setup: inout ExportSetup) {
        guard ai else { return }
        if noWaitAI {
            printError("note: --no-wait-ai: the local narrator writes the insights")
            return
        }
        setup.ai = true
        setup.provider = provider
    }
}

/// Builds the insight writer reports use.
enum AIInsights {
    /// The AI-backed writer, or nil to keep the report's offline narrator (no `ai`, or no provider
    /// configured — said on stderr, since AI was asked for).
    static func writer(ai: Bool, provider: String?, workspace: URL, environment: [String: String]) throws -> InsightWriter? {
        guard ai else { return nil }
        let services = try AIServices(workspace: workspace, provider: provider, environment: environment)
        if services.endpoints.isEmpty {
            let skipped = services.skipped.map(\.description).joined(separator: "; ")
            printError("note: no AI provider configured\(skipped.isEmpty ? "" : " (\(skipped))"); the local narrator writes the insights")
            return nil
        }
        return AIInsightWriter(engine: services.engine(), onSection: { _ in services.saveCooldowns() })
    }
}
