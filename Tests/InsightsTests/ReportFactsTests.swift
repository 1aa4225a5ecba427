import FormCore
import Foundation
import HTTP
@testable import Insights
import Reports
import XCTest

final class ReportFactsTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    func model(insights: InsightWriter = OfflineNarrator()) throws -> ReportModel {
        let form = try FormFile.load(path: Self.samples.appendingPathComponent("customer-survey.form.json").path)
        var stream = try ResponseFileSource(url: Self.samples.appendingPathComponent("customer-survey.csv"), form: form).open()
        return try ReportBuilder(form: form).build(from: &stream, insights: insights)
    }

    func testTablesCoverTheReportAndEveryAnsweredField() throws {
        let model = try model()
        let tables = ReportFacts.tables(for: model)
        XCTAssertEqual(tables.first?.section, ReportFacts.overview)
        XCTAssertEqual(tables.first?.facts.first?.display, String(model.responseCount))
        let answered = model.fields.filter { $0.answered > 0 }.map(\.key)
        XCTAssertEqual(tables.dropFirst().map(\.section), answered)
        for field in model.fields {
            guard case .number(let summary) = field.statistics, let mean = summary.mean,
                  let table = tables.first(where: { $0.section == field.key }) else { continue }
            XCTAssertEqual(table.facts.first { $0.label == "mean" }?.display, ReportNumber.format(mean), "the report's own formatting")
        }
        for table in tables {
            XCTAssertEqual(Set(table.facts.map(\.id)).count, table.facts.count, "ids are unique in \(table.section)")
            for draft in LocalNarrator().paragraphs(for: table) {
                XCTAssertEqual(GroundingChecker.issues(draft, table: table), [], draft.text)
            }
        }
    }

    func testWriterMapsSectionsToFieldsAndSaysWhoWroteWhat() throws {
        let provider = FactQuotingProvider()
        let router = InsightRouter(providers: [provider], policy: RetryPolicy(maxRetries: 0), clock: FakeClock())
        let seen = LockedCounter()
        let writer = AIInsightWriter(engine: InsightEngine(router: router), concurrency: 3, onSection: { _ in seen.increment() })
        let model = try model(insights: writer)
        let tables = ReportFacts.tables(for: model)
        XCTAssertEqual(seen.value, tables.count)
        XCTAssertEqual(model.insights.first?.fieldKey, nil)
        XCTAssertTrue(model.insights.first?.text.hasPrefix("Quoted: the responses is") ?? false)
        let keyed = model.insights.compactMap(\.fieldKey)
        XCTAssertEqual(Array(NSOrderedSet(array: keyed)) as? [String], tables.dropFirst().map(\.section), "report order is kept")
        XCTAssertEqual(model.insights.last?.text, "Insights: \(tables.count) paragraphs by quoting m.")
    }

    func testProvenanceNamesReplacementsAndStaysQuietForThePlainLocalNarrator() {
        let local = InsightParagraph(text: "a", factIDs: ["F1"], confidence: "high", source: .local)
        let model = InsightParagraph(text: "b", factIDs: ["F1"], confidence: "high", source: InsightSource(provider: "openai", model: "gpt-4o-mini"))
        var replaced = local
        replaced.replaced = "number 4.6 is not in the cited facts"
        let plain = SectionInsights(section: "s", paragraphs: [local], notes: [], promptVersion: "v", factsHash: "h")
        XCTAssertNil(AIInsightWriter.provenance([plain]))
        let mixed = SectionInsights(section: "s", paragraphs: [model, replaced], notes: ["paragraph 2 rejected"], promptVersion: "v", factsHash: "h")
        XCTAssertEqual(AIInsightWriter.provenance([mixed]),
                       "Insights: 1 paragraph by openai gpt-4o-mini, 1 paragraph by the local narrator (1 replacing model paragraphs that failed the fact check).")
    }
}

/// A provider that quotes the first fact of the prompt it is given.
struct FactQuotingProvider: CompletionProvider {
    let endpoint = ProviderEndpoint(name: "quoting", kind: .openai, model: "m", baseURL: URL(string: "http://127.0.0.1:9/v1")!)

    func complete(_ request: CompletionRequest, cancellation: CancellationToken?) throws -> Completion {
        guard let start = request.user.range(of: "Facts (JSON):\n"), let end = request.user.range(of: "\n\nWrite", range: start.upperBound..<request.user.endIndex),
              let json = try JSONSerialization.jsonObject(with: Data(request.user[start.upperBound..<end.lowerBound].utf8)) as? [String: Any],
              let fact = (json["facts"] as? [[String: Any]])?.first, let id = fact["id"] as? String else {
            return Completion(text: #"{"insights":[]}"#, usage: .zero, model: "m")
        }
        let text = Fixture.insightsJSON([("Quoted: the \(fact["label"] ?? "") is \(fact["display"] ?? "").", [id])])
        return Completion(text: text, usage: TokenUsage(input: 10, output: 5), model: "m")
    }
}

/// A thread-safe counter.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
}
