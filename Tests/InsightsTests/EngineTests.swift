import Foundation
import HTTP
import HTTPTestSupport
@testable import Insights
import XCTest

final class EngineTests: XCTestCase {
    let table = Fixture.table()
    let clock = FakeClock()

    func engine(_ providers: [CompletionProvider], cache: InsightCache? = nil, ledger: UsageLedger? = nil) -> InsightEngine {
        let router = InsightRouter(providers: providers, policy: RetryPolicy(random: { 0 }), ledger: ledger, clock: clock)
        return InsightEngine(router: router, cache: cache)
    }

    static func openAIAnswer(_ json: String) -> String {
        #"{"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":\#(Fixture.quoted(json))},"finish_reason":"stop"}],"usage":{"prompt_tokens":300,"completion_tokens":60}}"#
    }

    func testFakeProvidersParagraphsAreAccepted() throws {
        let answer = Fixture.insightsJSON([("Satisfaction averaged 4.1 across 212 responses.", ["F1", "F2"]), ("It rose by +0.3.", ["F3"])])
        let server = try LoopbackServer { _ in .json(200, Self.openAIAnswer(answer)) }
        defer { server.stop() }
        let ledger = MemoryLedger()
        let result = engine([Fixture.provider(Fixture.endpoint(.openai, server: server))], ledger: ledger).insights(for: table)
        XCTAssertEqual(result.paragraphs.map(\.text), ["Satisfaction averaged 4.1 across 212 responses.", "It rose by +0.3."])
        XCTAssertEqual(result.sources, [InsightSource(provider: "openai", model: "gpt-4o-mini")])
        XCTAssertEqual(result.notes, [])
        XCTAssertEqual(result.promptVersion, "insights-v1")
        XCTAssertEqual(try ledger.records(since: nil).map(\.inputTokens), [300])
    }

    func testWrongNumberParagraphIsReplacedByTheLocalNarrator() throws {
        let answer = Fixture.insightsJSON([("Satisfaction averaged 4.6 across 212 responses.", ["F1", "F2"]), ("38.7% found it very easy.", ["F4"])])
        let server = try LoopbackServer { _ in .json(200, Self.openAIAnswer(answer)) }
        defer { server.stop() }
        let result = engine([Fixture.provider(Fixture.endpoint(.openai, server: server))]).insights(for: table)
        XCTAssertEqual(result.paragraphs.count, 2)
        XCTAssertEqual(result.paragraphs[0].source, .local)
        XCTAssertEqual(result.paragraphs[0].text, "There are 212 responses. The mean satisfaction (1-5) is 4.1.")
        XCTAssertEqual(result.paragraphs[0].replaced, "number 4.6 is not in the cited facts")
        XCTAssertEqual(result.paragraphs[1].source.provider, "openai")
        XCTAssertEqual(result.sources.map(\.description), ["local narrator", "openai gpt-4o-mini"])
        XCTAssertEqual(result.notes, ["paragraph 1 from openai gpt-4o-mini rejected (number 4.6 is not in the cited facts); replaced by the local narrator"])
    }

    func testParagraphCitingNothingRealIsReplacedByTheWholeNarrative() {
        let provider = ScriptedProvider("openai", script: [.answer(Fixture.insightsJSON([("Up 9%.", ["F7"])]), .zero)])
        let result = engine([provider]).insights(for: table)
        XCTAssertTrue(result.paragraphs.allSatisfy { $0.source.isLocal })
        XCTAssertEqual(result.paragraphs.flatMap(\.factIDs), ["F1", "F2", "F3", "F4"])
    }

    func testNoProviderMeansTheLocalNarrator() {
        for engine in [InsightEngine(router: nil), self.engine([])] {
            let result = engine.insights(for: table)
            XCTAssertTrue(result.paragraphs.allSatisfy { $0.source == .local })
            XCTAssertEqual(result.paragraphs.first?.text, "There are 212 responses. The mean satisfaction (1-5) is 4.1. The change in mean vs previous period is +0.3 (an increase).")
            XCTAssertEqual(result.notes, ["no AI provider configured: the local narrator wrote these insights"])
            XCTAssertEqual(result.factsHash, table.contentHash)
        }
    }

    func testRouterFailureInvalidJSONAndEmptyAnswerFallBackToLocal() {
        let cases: [(ScriptedProvider.Step, String)] = [
            (.fail(.stop, retryAfter: nil, status: 401), "needs attention"),
            (.answer("I think it went well", .zero), "answer is not insight JSON"),
            (.answer(#"{"insights":[]}"#, .zero), "found no insight"),
        ]
        for (step, note) in cases {
            let result = engine([ScriptedProvider("openai", script: [step])]).insights(for: table)
            XCTAssertTrue(result.paragraphs.allSatisfy { $0.source.isLocal })
            XCTAssertTrue(result.notes.first?.contains(note) ?? false, "\(result.notes)")
        }
    }

    func testCacheServesTheSameFactsPromptAndModelWithoutACall() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insight-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = FileInsightCache(directory: directory)
        let answer = Fixture.insightsJSON([("There were 212 responses.", ["F1"])])
        let provider = ScriptedProvider("openai", model: "gpt-4o-mini", script: [.answer(answer, .zero), .answer(answer, .zero)])
        let first = engine([provider], cache: cache).insights(for: table)
        let second = engine([provider], cache: cache).insights(for: table)
        XCTAssertEqual(provider.calls, 1)
        XCTAssertEqual(second.paragraphs, first.paragraphs)
        XCTAssertEqual(second.notes, ["from the insight cache"])
        var changed = table
        changed.facts[0].display = "213"
        _ = engine([provider], cache: cache).insights(for: changed)
        XCTAssertEqual(provider.calls, 2, "other facts, other key")
        XCTAssertNil(cache.insights(forKey: "missing"))
    }
}
