import Foundation

/// Who wrote an accepted paragraph.
public struct InsightSource: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The provider name, or "local" for the offline narrator.
    public var provider: String
    /// The model, nil for the offline narrator.
    public var model: String?

    /// A source from its parts.
    public init(provider: String, model: String?) {
        self.provider = provider
        self.model = model
    }

    /// The offline narrator.
    public static let local = InsightSource(provider: "local", model: nil)

    /// Whether the offline narrator wrote it.
    public var isLocal: Bool { provider == "local" }

    /// "openai gpt-4o-mini" or "local narrator".
    public var description: String { model.map { "\(provider) \($0)" } ?? "local narrator" }
}

/// An accepted insight paragraph with its provenance.
public struct InsightParagraph: Codable, Sendable, Equatable {
    /// The paragraph.
    public var text: String
    /// The facts it cites.
    public var factIDs: [String]
    /// "high", "medium" or "low".
    public var confidence: String
    /// Who wrote it.
    public var source: InsightSource
    /// When the local narrator replaced a model's paragraph: why the model's was rejected.
    public var replaced: String?

    /// A paragraph from its parts.
    public init(text: String, factIDs: [String], confidence: String, source: InsightSource, replaced: String? = nil) {
        self.text = text
        self.factIDs = factIDs
        self.confidence = confidence
        self.source = source
        self.replaced = replaced
    }
}

/// The insights of one report section.
public struct SectionInsights: Codable, Sendable, Equatable {
    /// The fact table's section id.
    public var section: String
    /// The paragraphs, in order.
    public var paragraphs: [InsightParagraph]
    /// What happened on the way, for the report's provenance note ("openai: HTTP 429 …; used
    /// the local narrator").
    public var notes: [String]
    /// The prompt version used (also for local paragraphs, so caches stay comparable).
    public var promptVersion: String
    /// The hash of the fact table.
    public var factsHash: String

    /// Insights from their parts.
    public init(section: String, paragraphs: [InsightParagraph], notes: [String], promptVersion: String, factsHash: String) {
        self.section = section
        self.paragraphs = paragraphs
        self.notes = notes
        self.promptVersion = promptVersion
        self.factsHash = factsHash
    }

    /// The distinct sources of the paragraphs, in order of first use: what the report lists.
    public var sources: [InsightSource] {
        var seen: [InsightSource] = []
        for paragraph in paragraphs where !seen.contains(paragraph.source) { seen.append(paragraph.source) }
        return seen
    }
}
