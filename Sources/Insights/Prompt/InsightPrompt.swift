import Foundation

/// Builds the completion request for one fact table.
public enum InsightPrompt {
    /// The request: the template filled with the section title, the minimum sample and the
    /// facts as JSON (id, label, value, display, kind, n).
    public static func request(for table: FactTable, template: PromptTemplate = PromptTemplates.current,
                               maxOutputTokens: Int = 800, temperature: Double = 0.2) -> CompletionRequest {
        let user = template.user
            .replacingOccurrences(of: "{{title}}", with: table.title)
            .replacingOccurrences(of: "{{minimum}}", with: String(table.minimumSampleForClaims))
            .replacingOccurrences(of: "{{facts}}", with: factsJSON(table))
        return CompletionRequest(system: template.system, user: user, schema: PromptTemplates.insightSchema,
                                 schemaName: "insights", maxOutputTokens: maxOutputTokens, temperature: temperature)
    }

    /// The facts as the model sees them.
    public static func factsJSON(_ table: FactTable) -> String {
        let facts: [[String: Any]] = table.facts.map { fact in
            var entry: [String: Any] = ["id": fact.id, "label": fact.label, "display": fact.display, "kind": fact.kind.rawValue]
            if let value = fact.value, value.isFinite { entry["value"] = value }
            if let n = fact.sampleSize { entry["n"] = n }
            return entry
        }
        let object: [String: Any] = ["facts": facts, "n_min_for_claims": table.minimumSampleForClaims]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
