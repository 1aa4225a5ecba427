import ArgumentParser
import Foundation
import HTTP
import Insights

/// `formwork ai test`: one tiny call to each configured provider, then what works.
struct AITestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check each configured provider with one tiny call and say what works.",
        discussion: "Exit status: 0 when a provider works (or none is configured: the local narrator needs none), 1 when none works."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "Check only this provider (a name or a kind).")
    var provider: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try guarded {
            let services = try AIServices(workspace: try workspace.directory(), provider: provider)
            var rows: [[String: Any]] = []
            for provider in services.providers {
                rows.append(Self.probe(provider, ledger: services.ledger))
            }
            rows += services.skipped.map { ["provider": $0.name, "ok": false, "status": "skipped", "detail": $0.reason] }
            rows.append(["provider": "local", "ok": true, "status": "ok", "detail": "offline narrator, always available"])
            if json {
                let data = try JSONSerialization.data(withJSONObject: ["providers": rows], options: [.sortedKeys, .withoutEscapingSlashes])
                output([String(decoding: data, as: UTF8.self)])
            } else {
                output(rows.map(Self.line))
            }
            let configured = services.providers.count + services.skipped.count
            let working = rows.filter { ($0["ok"] as? Bool) == true && ($0["provider"] as? String) != "local" }.count
            if configured > 0 && working == 0 { throw Exit.invalid }
        }
    }

    static func probe(_ provider: CompletionProvider, ledger: UsageLedger) -> [String: Any] {
        let endpoint = provider.endpoint
        let started = Date()
        var row: [String: Any] = ["provider": endpoint.name, "kind": endpoint.kind.rawValue, "model": endpoint.model]
        var usage = TokenUsage.zero
        var outcome = "ok"
        var detail: String?
        do {
            let completion = try provider.complete(PromptTemplates.probe, cancellation: nil)
            usage = completion.usage
            row["ok"] = true
            row["status"] = "ok"
            let isJSON = (try? JSONSerialization.jsonObject(with: Data(completion.text.utf8))) != nil
            detail = isJSON ? "answered \(completion.model)" : "answered, but not with JSON: small models may need a schema-capable server"
        } catch let failure as ProviderFailure {
            usage = failure.usage
            outcome = failure.outcome
            row["ok"] = false
            row["status"] = failure.action.rawValue
            detail = failure.description
        } catch {
            outcome = "cancelled"
            row["ok"] = false
            row["status"] = "error"
            detail = "\(error)"
        }
        let latency = Int((Date().timeIntervalSince(started) * 1000).rounded())
        row["latencyMs"] = latency
        row["inputTokens"] = usage.input
        row["outputTokens"] = usage.output
        row["detail"] = detail ?? ""
        try? ledger.record(UsageRecord(date: Date(), provider: endpoint.name, model: endpoint.model, section: "ai-test", inputTokens: usage.input,
                                       outputTokens: usage.output, cost: 0, latencyMs: latency, outcome: outcome, detail: detail))
        return row
    }

    static func line(_ row: [String: Any]) -> String {
        let ok = (row["ok"] as? Bool) == true
        var parts = [ok ? "ok  " : "FAIL", (row["provider"] as? String ?? "").padding(toLength: 12, withPad: " ", startingAt: 0)]
        if let model = row["model"] as? String { parts.append(model) }
        if let latency = row["latencyMs"] as? Int { parts.append("\(latency) ms") }
        if let input = row["inputTokens"] as? Int, let output = row["outputTokens"] as? Int, input + output > 0 { parts.append("\(input)+\(output) tokens") }
        if let detail = row["detail"] as? String, !detail.isEmpty { parts.append("— " + detail) }
        return parts.joined(separator: "  ")
    }
}
