import Foundation

/// The offline narrator: writes insight paragraphs from the facts alone, with no model, so a
/// report has insights with zero configuration. It is the default when no provider is set and
/// the replacement for any paragraph that fails the grounding check. Every number it writes is
/// copied from a fact's display text or sample size, so its paragraphs always pass the check.
public struct LocalNarrator: Sendable {
    /// Sentences per paragraph.
    public var sentencesPerParagraph: Int

    /// A narrator writing paragraphs of at most three sentences.
    public init(sentencesPerParagraph: Int = 3) {
        self.sentencesPerParagraph = max(1, sentencesPerParagraph)
    }

    /// Paragraphs covering every fact of the table, in order.
    public func paragraphs(for table: FactTable) -> [InsightDraft] {
        paragraphs(for: table.facts, minimumSample: table.minimumSampleForClaims)
    }

    /// Paragraphs covering the given facts.
    public func paragraphs(for facts: [Fact], minimumSample: Int) -> [InsightDraft] {
        var drafts: [InsightDraft] = []
        var index = 0
        while index < facts.count {
            let group = Array(facts[index..<min(index + sentencesPerParagraph, facts.count)])
            let text = group.map { sentence(for: $0, minimumSample: minimumSample) }.joined(separator: " ")
            let small = group.contains { ($0.sampleSize ?? Int.max) < minimumSample }
            drafts.append(InsightDraft(text: text, factIDs: group.map(\.id), confidence: small ? "low" : "high"))
            index += group.count
        }
        return drafts
    }

    /// One sentence for one fact.
    public func sentence(for fact: Fact, minimumSample: Int) -> String {
        var sentence: String
        switch fact.kind {
        case .count:
            sentence = "There are \(fact.display) \(fact.label)."
        case .top:
            sentence = "The most common answer for \(fact.label) is \(fact.display)."
        case .change:
            let direction = fact.value.map { $0 > 0 ? "an increase" : $0 < 0 ? "a decrease" : "no change" } ?? "a change"
            sentence = "The \(fact.label) is \(fact.display) (\(direction))."
        case .average, .share, .value:
            sentence = "The \(fact.label) is \(fact.display)."
        }
        if let n = fact.sampleSize, n < minimumSample {
            sentence += " This rests on only \(n) responses, so read it with care."
        }
        return Self.capitalizedFirst(sentence)
    }

    private static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
