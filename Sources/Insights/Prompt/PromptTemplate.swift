import Foundation

/// A versioned prompt. The version is part of the insight cache key, so editing a template
/// means adding a new version: cached insights from the old wording are never served for it.
public struct PromptTemplate: Sendable, Equatable {
    /// The version id, e.g. "insights-v1".
    public var version: String
    /// The system instructions (constant first, so provider prompt caching applies).
    public var system: String
    /// The user message with `{{title}}`, `{{facts}}` and `{{minimum}}` placeholders.
    public var user: String

    /// A template from its parts.
    public init(version: String, system: String, user: String) {
        self.version = version
        self.system = system
        self.user = user
    }
}

/// The templates in this repository.
public enum PromptTemplates {
    /// Insight paragraphs that cite fact ids (November 2026).
    public static let insightsV1 = PromptTemplate(
        version: "insights-v1",
        system: """
        You write short insight paragraphs for a report on form responses.
        Use only the facts you are given. Never compute new numbers: copy every number exactly \
        from a fact's "display" text. Cite the id of every fact a paragraph uses in "fact_ids". \
        When a fact's sample size "n" is below the minimum for claims, say the sample is small. \
        Do not describe a change as an increase or a decrease unless a change fact says so. \
        If the facts support no insight, return an empty list. Answer with JSON only.
        """,
        user: """
        Section: {{title}}
        Minimum sample for firm claims: {{minimum}}
        Facts (JSON):
        {{facts}}

        Write at most three paragraphs of one to three sentences each, as {"insights":[{"text":…,"fact_ids":[…],"confidence":"high"|"medium"|"low"}]}.
        """)

    /// The template new work uses.
    public static let current = insightsV1

    /// The answer schema shared by every provider: the strictest common subset (every property
    /// required, `additionalProperties: false` on every object, no numeric constraints).
    public static let insightSchema = """
    {"type":"object","additionalProperties":false,"required":["insights"],\
    "properties":{"insights":{"type":"array","items":{"type":"object","additionalProperties":false,\
    "required":["text","fact_ids","confidence"],"properties":{"text":{"type":"string"},\
    "fact_ids":{"type":"array","items":{"type":"string"}},"confidence":{"type":"string","enum":["high","medium","low"]}}}}}}
    """

    /// The tiny schema `formwork ai test` asks for.
    public static let probeSchema = """
    {"type":"object","additionalProperties":false,"required":["ok"],"properties":{"ok":{"type":"boolean"}}}
    """

    /// The one tiny call `formwork ai test` makes to each provider.
    public static let probe = CompletionRequest(
        system: "You are a health check. Answer with JSON only.", user: "Reply with {\"ok\": true}.",
        schema: probeSchema, schemaName: "probe", maxOutputTokens: 20, temperature: 0)
}
