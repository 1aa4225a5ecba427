import Foundation
import HTTP

/// Turns a fact table into insight paragraphs: cache, then the router, then the grounding
/// check per paragraph; the offline narrator writes whatever a model could not (no provider,
/// every provider down, budget spent, invalid JSON, a paragraph with a wrong number). It never
/// fails: a report always gets insights, and the notes say who wrote which.
public final class InsightEngine: @unchecked Sendable {
    /// The router, or nil for the offline narrator only.
    public let router: InsightRouter?
    let cache: InsightCache?
    let template: PromptTemplate
    let narrator: LocalNarrator
    let maxOutputTokens: Int
    let temperature: Double

    /// An engine; with no router (or an empty chain) it uses the offline narrator.
    public init(router: InsightRouter?, cache: InsightCache? = nil, template: PromptTemplate = PromptTemplates.current,
                narrator: LocalNarrator = LocalNarrator(), maxOutputTokens: Int = 800, temperature: Double = 0.2) {
        self.router = router
        self.cache = cache
        self.template = template
        self.narrator = narrator
        self.maxOutputTokens = maxOutputTokens
        self.temperature = temperature
    }

    /// The insights for one section.
    public func insights(for table: FactTable, cancellation: CancellationToken? = nil) -> SectionInsights {
        let hash = table.contentHash
        guard let router, !router.providers.isEmpty else {
            return local(table, hash: hash, notes: ["no AI provider configured: the local narrator wrote these insights"])
        }
        if let cached = cachedInsights(table, hash: hash, router: router) { return cached }
        let request = InsightPrompt.request(for: table, template: template, maxOutputTokens: maxOutputTokens, temperature: temperature)
        let routed: RoutedCompletion
        do {
            routed = try router.complete(request, section: table.section, cancellation: cancellation)
        } catch {
            return local(table, hash: hash, notes: ["\(error); the local narrator wrote these insights"])
        }
        let source = InsightSource(provider: routed.provider, model: routed.model)
        let drafts: [InsightDraft]
        do {
            drafts = try InsightResponseParser.parse(routed.completion.text)
        } catch {
            return local(table, hash: hash, notes: ["\(source): \(error); the local narrator wrote these insights"])
        }
        guard !drafts.isEmpty else {
            return local(table, hash: hash, notes: ["\(source) found no insight in the facts; the local narrator wrote these"])
        }
        let result = grounded(drafts, table: table, source: source, hash: hash)
        if result.paragraphs.contains(where: { !$0.source.isLocal }) {
            try? cache?.store(result, forKey: InsightCacheKey.make(factsHash: hash, promptVersion: template.version, provider: routed.provider, model: routed.model))
        }
        return result
    }

    /// Accepts each grounded draft; replaces each failing one with the local narrator's
    /// paragraph for the facts it cited (or for the whole table when it cited none that exist).
    func grounded(_ drafts: [InsightDraft], table: FactTable, source: InsightSource, hash: String) -> SectionInsights {
        var paragraphs: [InsightParagraph] = []
        var notes: [String] = []
        for (index, draft) in drafts.enumerated() {
            let issues = GroundingChecker.issues(draft, table: table)
            if issues.isEmpty {
                paragraphs.append(InsightParagraph(text: draft.text, factIDs: draft.factIDs, confidence: draft.confidence, source: source))
                continue
            }
            let reason = issues.map(\.description).joined(separator: "; ")
            notes.append("paragraph \(index + 1) from \(source) rejected (\(reason)); replaced by the local narrator")
            let cited = draft.factIDs.compactMap(table.fact)
            let replacements = cited.isEmpty ? narrator.paragraphs(for: table) : narrator.paragraphs(for: cited, minimumSample: table.minimumSampleForClaims)
            for replacement in replacements where !paragraphs.contains(where: { $0.text == replacement.text }) {
                paragraphs.append(InsightParagraph(text: replacement.text, factIDs: replacement.factIDs, confidence: replacement.confidence,
                                                   source: .local, replaced: reason))
            }
        }
        return SectionInsights(section: table.section, paragraphs: paragraphs, notes: notes, promptVersion: template.version, factsHash: hash)
    }

    private func cachedInsights(_ table: FactTable, hash: String, router: InsightRouter) -> SectionInsights? {
        guard let cache else { return nil }
        for provider in router.providers {
            let key = InsightCacheKey.make(factsHash: hash, promptVersion: template.version, provider: provider.endpoint.name, model: provider.endpoint.model)
            if var hit = cache.insights(forKey: key) {
                hit.notes.append("from the insight cache")
                return hit
            }
        }
        return nil
    }

    private func local(_ table: FactTable, hash: String, notes: [String]) -> SectionInsights {
        let paragraphs = narrator.paragraphs(for: table).map {
            InsightParagraph(text: $0.text, factIDs: $0.factIDs, confidence: $0.confidence, source: .local)
        }
        return SectionInsights(section: table.section, paragraphs: paragraphs, notes: notes, promptVersion: template.version, factsHash: hash)
    }
}
