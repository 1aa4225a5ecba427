import Foundation
import HTTP
import Reports

/// The AI-backed `InsightWriter` for reports: the report model's statistics become fact tables,
/// each table goes through the insight engine (router, grounding check, local narrator for what
/// fails), and the accepted paragraphs become the report's insights. A last report-level
/// sentence says which provider wrote which paragraphs, so a reader knows what a model wrote.
public struct AIInsightWriter: InsightWriter, @unchecked Sendable {
    /// The engine that writes each section.
    public let engine: InsightEngine
    /// Sections written at the same time (AI calls wait on the network, not the CPU).
    public let concurrency: Int
    /// Called with each section's insights as it is done (progress, logging).
    public let onSection: (@Sendable (SectionInsights) -> Void)?

    /// A writer over an engine.
    public init(engine: InsightEngine, concurrency: Int = 4, onSection: (@Sendable (SectionInsights) -> Void)? = nil) {
        self.engine = engine
        self.concurrency = max(1, concurrency)
        self.onSection = onSection
    }

    /// The insights of every section, in report order, then the provenance sentence.
    public func insights(for model: ReportModel) -> [Insight] {
        let sections = write(ReportFacts.tables(for: model))
        var insights: [Insight] = []
        for section in sections {
            let key = section.section == ReportFacts.overview ? nil : section.section
            insights += section.paragraphs.map { Insight(fieldKey: key, text: $0.text) }
        }
        if let note = Self.provenance(sections) { insights.append(Insight(fieldKey: nil, text: note)) }
        return insights
    }

    /// Runs the engine over the tables, `concurrency` at a time, keeping their order.
    public func write(_ tables: [FactTable]) -> [SectionInsights] {
        let results = ResultSlots(count: tables.count)
        let gate = DispatchSemaphore(value: concurrency)
        let group = DispatchGroup()
        for (index, table) in tables.enumerated() {
            gate.wait()
            group.enter()
            DispatchQueue.global().async {
                defer {
                    gate.signal()
                    group.leave()
                }
                let section = engine.insights(for: table)
                onSection?(section)
                results.set(index, section)
            }
        }
        group.wait()
        return results.values
    }

    /// "Insights: 7 paragraphs by openai gpt-4o-mini, 2 by the local narrator (a number was not in the facts)."
    public static func provenance(_ sections: [SectionInsights]) -> String? {
        let paragraphs = sections.flatMap(\.paragraphs)
        guard !paragraphs.isEmpty, paragraphs.contains(where: { !$0.source.isLocal }) || sections.contains(where: { !$0.notes.isEmpty }) else { return nil }
        var order: [InsightSource] = []
        for paragraph in paragraphs where !order.contains(paragraph.source) { order.append(paragraph.source) }
        let parts = order.map { source -> String in
            let count = paragraphs.filter { $0.source == source }.count
            let replaced = paragraphs.filter { $0.source == source && $0.replaced != nil }.count
            let why = replaced > 0 ? " (\(replaced) replacing model paragraphs that failed the fact check)" : ""
            let who = source.isLocal ? "the local narrator" : source.description
            return "\(count) paragraph\(count == 1 ? "" : "s") by \(who)\(why)"
        }
        return "Insights: " + parts.joined(separator: ", ") + "."
    }
}

/// Results written from several threads into their slots.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SectionInsights?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: SectionInsights) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [SectionInsights] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
