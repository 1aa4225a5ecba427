@testable import Connectors
import FormCore
import ConnectorsTestSupport
import HTTPTestSupport
import Foundation
import HTTP
import XCTest

final class SheetsClientTests: XCTestCase {
    var fake: FakeSheets!
    let clock = FakeClock()
    var client: SheetsClient!

    override func setUpWithError() throws {
        fake = try FakeSheets()
        client = SheetsClient(baseURL: fake.baseURL, sender: testSender("Google Sheets", clock: clock), token: { "sheets-token" })
    }

    override func tearDown() {
        fake.server.stop()
    }

    func testRangesWithSpacesAndQuotesAreQuotedAndEncoded() throws {
        fake.add("book", sheet: "Jon's Data", rows: [["a", 1], ["b", 2]])
        let range = A1Range.range(sheet: "Jon's Data", cells: "A1:B2")
        XCTAssertEqual(range, "'Jon''s Data'!A1:B2")
        XCTAssertEqual(A1Range.pathEncoded("'My Sheet'!A1"), "%27My%20Sheet%27!A1")
        let values = try client.values("book", range: range)
        XCTAssertEqual(values.values, [[.string("a"), .number(1)], [.string("b"), .number(2)]])
        let target = try XCTUnwrap(fake.server.requests.last?.target)
        XCTAssertTrue(target.hasPrefix("/v4/spreadsheets/book/values/%27Jon%27%27s%20Data%27!A1:B2?"), target)
        XCTAssertTrue(target.contains("valueRenderOption=UNFORMATTED_VALUE"))
        XCTAssertEqual(fake.server.requests.last?.header("Authorization"), "Bearer sheets-token")
    }

    func testBadRangeIsReportedWithGoogleStatus() throws {
        fake.add("book", sheet: "Responses", rows: [])
        XCTAssertThrowsError(try client.values("book", range: "'Nope'!A1")) { error in
            guard case .api(let service, 400, "INVALID_ARGUMENT", let message)? = error as? ConnectorError else { return XCTFail("\(error)") }
            XCTAssertEqual(service, "Google Sheets")
            XCTAssertTrue(message.hasPrefix("Unable to parse range"))
        }
        XCTAssertThrowsError(try client.values("missing", range: "A1")) { error in
            guard case .api(_, 404, "NOT_FOUND", _)? = error as? ConnectorError else { return XCTFail("\(error)") }
        }
    }

    func testWritesAreRawSoFormulasStayText() throws {
        fake.add("book", sheet: "Responses", rows: [["name"]])
        XCTAssertEqual(try client.update("book", ValueRange(range: "'Responses'!A2", values: [[.string("=1+2"), .number(3), .bool(true)]])), 3)
        let appended = try client.append("book", range: "'Responses'!A1", rows: [[.string("=IMPORTXML(\"x\")")]])
        XCTAssertEqual(appended, "'Responses'!A3:C3")
        XCTAssertEqual(try client.batchUpdate("book", [ValueRange(range: "'Responses'!B1", values: [[.string("x")]])]), 1)
        XCTAssertEqual(fake.state.read(\.valueInputOptions), ["RAW", "RAW", "RAW"])
        let rows = fake.rows("book", sheet: "Responses")
        XCTAssertEqual(rows[1][0] as? String, "=1+2")
        XCTAssertEqual(rows[2][0] as? String, "=IMPORTXML(\"x\")")
        let put = try XCTUnwrap(fake.server.requests.first { $0.method == "PUT" }?.jsonBody)
        XCTAssertEqual(put["majorDimension"] as? String, "ROWS")
        XCTAssertEqual(try client.batchValues("book", ranges: ["'Responses'!A1", "'Responses'!B1"]).map(\.values.count), [3, 3])
    }

    func testThrottledRequestsBackOffThenSucceed() throws {
        fake.add("book", sheet: "Responses", rows: [["x"]])
        fake.state.update { $0.throttleNext = 2 }
        XCTAssertEqual(try client.values("book", range: "'Responses'!A1").values, [[.string("x")]])
        XCTAssertEqual(clock.sleeps.count, 2)
        XCTAssertTrue(clock.sleeps[0] >= 1 && clock.sleeps[0] <= 2, "\(clock.sleeps)")
        XCTAssertTrue(clock.sleeps[1] >= 2 && clock.sleeps[1] <= 3, "\(clock.sleeps)")

        fake.state.update { $0.throttleNext = 10 }
        XCTAssertThrowsError(try client.values("book", range: "'Responses'!A1")) {
            XCTAssertEqual($0 as? ConnectorError, .throttled(service: "Google Sheets", attempts: 6))
        }
    }

    func testCreateGetAndAtomicAddSheet() throws {
        let created = try client.create(title: "Survey export", sheets: ["Responses", "Summary"])
        XCTAssertEqual(created.id, "created-1")
        XCTAssertEqual(created.sheets.map(\.title), ["Responses", "Summary"])
        XCTAssertEqual(created.url, "https://docs.google.com/spreadsheets/d/created-1/edit")
        let body = try XCTUnwrap(fake.server.requests.last?.jsonBody)
        XCTAssertEqual((body["properties"] as? [String: Any])?["title"] as? String, "Survey export")
        try client.addSheets("created-1", titles: ["Extra"])
        XCTAssertEqual(try client.spreadsheet("created-1").sheets.map(\.title), ["Responses", "Summary", "Extra"])
        // One bad request fails the whole batch: nothing is added.
        XCTAssertThrowsError(try client.addSheets("created-1", titles: ["New", "Extra"]))
        XCTAssertEqual(try client.spreadsheet("created-1").sheets.map(\.title), ["Responses", "Summary", "Extra"])
        try client.addSheets("created-1", titles: [])
    }

    func testRetryAfterParsing() {
        XCTAssertEqual(RetryingSender.parseRetryAfter("7"), 7)
        XCTAssertNil(RetryingSender.parseRetryAfter("soon"))
        let date = RetryingSender.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")
        XCTAssertNotNil(date)
        let sender = RetryingSender(client: CurlHTTPClient(environment: [:]), service: "x", maxDelay: 10)
        XCTAssertEqual(sender.delay(attempt: 0, headers: ["Retry-After": "30"]), 10)
        XCTAssertEqual(sender.delay(attempt: 0, headers: ["Retry-After": "3"]), 3)
        XCTAssertLessThanOrEqual(sender.delay(attempt: 8, headers: [:]), 10)
    }

    func testA1Helpers() {
        XCTAssertEqual(A1Range.column(1), "A")
        XCTAssertEqual(A1Range.column(26), "Z")
        XCTAssertEqual(A1Range.column(28), "AB")
        XCTAssertEqual(A1Range.firstRow(of: "'Form Responses 1'!A5:C9"), 5)
        XCTAssertEqual(A1Range.firstRow(of: "Sheet1!A:A"), 1)
        XCTAssertEqual(A1Range.range(sheet: "S"), "'S'")
        XCTAssertEqual(SheetValue.number(2.5).description, "2.5")
        XCTAssertEqual(SheetValue.bool(false).description, "FALSE")
        XCTAssertEqual(SheetValue.empty.description, "")
    }
}

final class ConnectorErrorTests: XCTestCase {
    func testRetryableErrorsAndDescriptions() {
        XCTAssertTrue(ConnectorError.throttled(service: "s", attempts: 6).isRetryable)
        XCTAssertTrue(ConnectorError.api(service: "s", status: 503, code: "x", message: "").isRetryable)
        XCTAssertTrue(ConnectorError.badResponse(service: "s", detail: "d").isRetryable)
        XCTAssertFalse(ConnectorError.api(service: "s", status: 404, code: "NOT_FOUND", message: "").isRetryable)
        XCTAssertFalse(ConnectorError.notSignedIn(provider: "Google").isRetryable)
        let all: [ConnectorError] = [.signInDeclined(provider: "Google"), .signInExpired(provider: "Google"),
                                     .scopeNotAllowed(scope: "s", hint: "h"), .tokenRejected(code: "invalid_client", detail: nil),
                                     .tokenRejected(code: "invalid_grant", detail: "gone"), .redirectInvalid("r"),
                                     .notSignedIn(provider: "Microsoft"), .invalidInput("bad"), .throttled(service: "s", attempts: 2)]
        for error in all {
            XCTAssertFalse(error.description.isEmpty)
            XCTAssertFalse(error.description.contains("\n"))
        }
        XCTAssertEqual(ConnectorError.notSignedIn(provider: "Microsoft").description, "not signed in to Microsoft; run `formwork auth microsoft`")
    }

    func testAPIErrorBodies() {
        let google = JSONBody.apiError(Data(#"{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}"#.utf8), service: "G", status: 429)
        XCTAssertEqual(google, .api(service: "G", status: 429, code: "RESOURCE_EXHAUSTED", message: "Quota exceeded"))
        let oauth = JSONBody.apiError(Data(#"{"error":"invalid_request","error_description":"missing"}"#.utf8), service: "O", status: 400)
        XCTAssertEqual(oauth, .api(service: "O", status: 400, code: "invalid_request", message: "missing"))
        let html = JSONBody.apiError(Data("<html>\nBad gateway</html>".utf8), service: "H", status: 502)
        XCTAssertEqual(html, .api(service: "H", status: 502, code: "HTTP 502", message: "<html> Bad gateway</html>"))
        XCTAssertThrowsError(try JSONBody.object(Data("[1]".utf8), service: "x"))
    }
}
