@testable import Connectors
import FormCore
import ConnectorsTestSupport
import HTTPTestSupport
import Foundation
import XCTest

final class SheetPushTests: XCTestCase {
    var fake: FakeSheets!
    var client: SheetsClient!

    override func setUpWithError() throws {
        fake = try FakeSheets()
        client = SheetsClient(baseURL: fake.baseURL, sender: testSender("Google Sheets", clock: FakeClock()), token: { "sheets-token" })
    }

    override func tearDown() {
        fake.server.stop()
    }

    private let responses = [
        PushResponse(id: "1", submittedAt: "2026-11-20T10:00:00Z", answers: Answers(values: [
            "name": .string("=cmd|' /C calc'!A0"), "score": .number(42), "topics": .list([.string("Food"), .string("Rooms")]), "again": .bool(true),
        ])),
        PushResponse(id: "2", submittedAt: nil, answers: Answers(values: ["name": .string("Kwame"), "score": .number(37), "topics": .list([.string("Food")])])),
    ]

    func testCreatesTheSpreadsheetAndWritesResponsesAndSummaryInOneRawBatch() throws {
        var progress: [(Int, Int)] = []
        let result = try SheetPusher(client: client).push(form: SheetsFixtures.form, responses: responses, to: .create(title: "Survey"),
                                                          progress: { progress.append(($0, $1)) })
        XCTAssertEqual(result.spreadsheetID, "created-1")
        XCTAssertEqual(result.responseRows, 2)
        XCTAssertEqual(result.writeRequests, 1)
        XCTAssertEqual(progress.map(\.0), [1])
        XCTAssertEqual(fake.state.read(\.valueInputOptions), ["RAW"])
        let rows = fake.rows("created-1", sheet: "Responses")
        XCTAssertEqual(rows[0].compactMap { $0 as? String }, ["response_id", "submitted_at", "name", "score", "visited", "topics", "again"])
        XCTAssertEqual(rows[1][2] as? String, "=cmd|' /C calc'!A0")
        XCTAssertEqual(rows[1][3] as? Int, 42)
        XCTAssertEqual(rows[1][5] as? String, "Food;Rooms")
        XCTAssertEqual(rows[1][6] as? String, "yes")
        let summary = fake.rows("created-1", sheet: "Summary")
        XCTAssertEqual(summary[0].first as? String, "field")
        let score = try XCTUnwrap(summary.first { $0.first as? String == "score" })
        XCTAssertEqual(score[2] as? Int, 2)
        XCTAssertEqual(score[3] as? Double, 39.5)
        let topics = try XCTUnwrap(summary.first { $0.first as? String == "topics" })
        XCTAssertEqual(topics[6] as? String, "Food (2); Rooms (1)")
    }

    func testExistingSpreadsheetGetsMissingSheetsAndIsRewrittenNotAppended() throws {
        fake.add("book", sheet: "Responses", rows: [["old"], ["stale"], ["stale"], ["stale"]])
        let pusher = SheetPusher(client: client)
        _ = try pusher.push(form: SheetsFixtures.form, responses: responses, to: .existing("book"))
        _ = try pusher.push(form: SheetsFixtures.form, responses: responses, to: .existing("book"))
        XCTAssertEqual(fake.rows("book", sheet: "Responses").count, 3)
        XCTAssertEqual(fake.state.read { $0.spreadsheets["book"]!.map(\.title) }, ["Responses", "Summary"])
    }

    func testLargePushesAreSplitUnderThePayloadLimit() throws {
        let many = (0..<300).map { PushResponse(id: "\($0)", submittedAt: nil, answers: Answers(values: ["name": .string(String(repeating: "x", count: 200))])) }
        var pusher = SheetPusher(client: client)
        pusher.maxPayloadBytes = 20_000
        let plan = pusher.plan(form: SheetsFixtures.form, responses: many)
        XCTAssertGreaterThan(plan.count, 3)
        let result = try pusher.push(form: SheetsFixtures.form, responses: many, to: .create(title: "Big"))
        XCTAssertEqual(result.writeRequests, plan.count)
        let rows = fake.rows("created-1", sheet: "Responses")
        XCTAssertEqual(rows.count, 301)
        XCTAssertEqual(rows[300][0] as? String, "299")
        for request in fake.server.requests where request.path.hasSuffix("values:batchUpdate") {
            XCTAssertLessThan(request.body.count, 20_000)
        }
    }
}
