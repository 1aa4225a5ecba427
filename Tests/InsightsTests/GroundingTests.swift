import Foundation
@testable import Insights
import XCTest

final class GroundingTests: XCTestCase {
    let table = Fixture.table()

    func testNumberExtraction() {
        let tokens = NumberExtractor.numbers(in: "Of 1,234 responses, 38.7% chose it; the mean rose by +0.3 (\u{2212}2 in Q3, H2O) to 4.")
        XCTAssertEqual(tokens.map(\.text), ["1,234", "38.7%", "+0.3", "\u{2212}2", "4"])
        XCTAssertEqual(tokens.map(\.value), [1234, 38.7, 0.3, -2, 4])
        XCTAssertEqual(tokens.map(\.isPercent), [false, true, false, false, false])
        XCTAssertEqual(tokens.map(\.decimals), [0, 1, 1, 0, 0])
    }

    func testGroundedParagraphPasses() {
        let draft = InsightDraft(text: "Across 212 responses the mean satisfaction (1-5) was 4.1, up +0.3 on the previous period; 38.7% (about 39%) found it very easy.",
                                 factIDs: ["F1", "F2", "F3", "F4"])
        XCTAssertEqual(GroundingChecker.issues(draft, table: table), [])
    }

    func testWrongNumberIsCaught() {
        let draft = InsightDraft(text: "The mean satisfaction was 4.6 across 212 responses.", factIDs: ["F1", "F2"])
        XCTAssertEqual(GroundingChecker.issues(draft, table: table), [.unsupportedNumber("4.6")])
    }

    func testNumberFromAnUncitedFactIsCaught() {
        let draft = InsightDraft(text: "There were 212 responses and 38.7% chose 'Very easy'.", factIDs: ["F1"])
        XCTAssertEqual(GroundingChecker.issues(draft, table: table), [.unsupportedNumber("38.7%")])
    }

    func testUnknownFactsMissingCitationsEmptyTextAndDirection() {
        XCTAssertEqual(GroundingChecker.issues(InsightDraft(text: "Fine.", factIDs: ["F9"]), table: table), [.unknownFact("F9")])
        XCTAssertEqual(GroundingChecker.issues(InsightDraft(text: "There were 212.", factIDs: []), table: table), [.noCitation, .unsupportedNumber("212")])
        XCTAssertEqual(GroundingChecker.issues(InsightDraft(text: "  ", factIDs: ["F1"]), table: table), [.emptyText])
        XCTAssertEqual(GroundingChecker.issues(InsightDraft(text: "The mean fell by 0.3.", factIDs: ["F3"]), table: table), [.wrongDirection(factID: "F3")])
        XCTAssertEqual(GroundingChecker.issues(InsightDraft(text: "Satisfaction is high overall.", factIDs: ["F2"]), table: table), [])
        for issue in [GroundingIssue.emptyText, .unknownFact("F9"), .noCitation, .unsupportedNumber("4"), .wrongDirection(factID: "F3")] {
            XCTAssertFalse(issue.description.isEmpty)
        }
    }

    func testParserAcceptsFencesAndRejectsBadShapes() throws {
        let fenced = "```json\n" + Fixture.insightsJSON([("There were 212 responses.", ["F1"])]) + "\n```"
        XCTAssertEqual(try InsightResponseParser.parse(fenced), [InsightDraft(text: "There were 212 responses.", factIDs: ["F1"], confidence: "high")])
        XCTAssertEqual(try InsightResponseParser.parse(#"{"insights":[{"text":" a ","fact_ids":["F1",3],"confidence":"sure"}]}"#),
                       [InsightDraft(text: "a", factIDs: ["F1"], confidence: "medium")])
        for bad in ["nope", #"{"paragraphs":[]}"#, #"{"insights":{}}"#, #"{"insights":[{"fact_ids":[]}]}"#, #"{"insights":[{"text":"a"}]}"#] {
            XCTAssertThrowsError(try InsightResponseParser.parse(bad)) { error in
                XCTAssertTrue("\(error)".hasPrefix("answer is not insight JSON"))
            }
        }
    }

    func testLocalNarratorAlwaysPassesItsOwnCheck() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            var facts: [Fact] = []
            for index in 0..<Int.random(in: 1...7, using: &generator) {
                let kind = FactKind.allCases.randomElement(using: &generator) ?? .value
                let value = Double(Int.random(in: -5000...5000, using: &generator)) / 100
                let display = kind == .share ? String(format: "%.1f%%", abs(value)) : kind == .change ? String(format: "%+.1f", value) : String(format: "%.2f", value)
                facts.append(Fact(id: "F\(index)", label: "measure \(index) of round \(round)", value: kind == .share ? abs(value) / 100 : value,
                                  display: display, kind: kind, sampleSize: Int.random(in: 1...400, using: &generator)))
            }
            let table = FactTable(section: "s", title: "T", facts: facts)
            for draft in LocalNarrator().paragraphs(for: table) {
                XCTAssertEqual(GroundingChecker.issues(draft, table: table), [], draft.text)
            }
        }
    }

    func testLocalNarratorSentences() {
        let narrator = LocalNarrator(sentencesPerParagraph: 2)
        let drafts = narrator.paragraphs(for: table)
        XCTAssertEqual(drafts.map(\.factIDs), [["F1", "F2"], ["F3", "F4"]])
        XCTAssertEqual(drafts[0].text, "There are 212 responses. The mean satisfaction (1-5) is 4.1.")
        XCTAssertEqual(drafts[1].text, "The change in mean vs previous period is +0.3 (an increase). The share choosing 'Very easy' is 38.7%.")
        let small = Fact(id: "F1", label: "answer", value: nil, display: "Yes", kind: .top, sampleSize: 12)
        XCTAssertEqual(narrator.sentence(for: small, minimumSample: 30),
                       "The most common answer for answer is Yes. This rests on only 12 responses, so read it with care.")
        XCTAssertEqual(narrator.paragraphs(for: [small], minimumSample: 30).first?.confidence, "low")
        let flat = Fact(id: "F2", label: "change", value: 0, display: "0.0", kind: .change)
        XCTAssertEqual(narrator.sentence(for: flat, minimumSample: 30), "The change is 0.0 (no change).")
    }

    func testFactTableHashIsStableAndSensitive() {
        var other = table
        XCTAssertEqual(table.contentHash, other.contentHash)
        other.facts[1].display = "4.2"
        XCTAssertNotEqual(table.contentHash, other.contentHash)
        XCTAssertEqual(StableHash.hex(of: ""), "cbf29ce484222325")
        XCTAssertEqual(table.fact("F2")?.display, "4.1")
        XCTAssertNil(table.fact("nope"))
    }

    func testPromptCarriesFactsAndVersionedInstructions() throws {
        let request = InsightPrompt.request(for: table, maxOutputTokens: 400, temperature: 0)
        XCTAssertTrue(request.user.contains("Section: Satisfaction"))
        XCTAssertTrue(request.user.contains(#""display":"38.7%""#))
        XCTAssertTrue(request.user.contains(#""n_min_for_claims":30"#))
        XCTAssertTrue(request.system.contains("copy every number"))
        XCTAssertEqual(request.maxOutputTokens, 400)
        XCTAssertEqual(PromptTemplates.current.version, "insights-v1")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(PromptTemplates.insightSchema.utf8)))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(PromptTemplates.probeSchema.utf8)))
        XCTAssertGreaterThan(request.estimatedInputTokens, 100)
    }
}
