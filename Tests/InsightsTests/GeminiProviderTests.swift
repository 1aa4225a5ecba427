import Foundation
import HTTP
import HTTPTestSupport
@testable import Insights
import XCTest

final class GeminiProviderTests: XCTestCase {
    static func frame(_ text: String, finish: String? = nil, usage: Bool = false) -> String {
        var candidate = #"{"content":{"role":"model","parts":[{"text":\#(Fixture.quoted(text))}]},"index":0"#
        if let finish { candidate += #","finishReason":"\#(finish)""# }
        candidate += "}"
        let metadata = usage ? #","usageMetadata":{"promptTokenCount":15,"candidatesTokenCount":6,"totalTokenCount":25,"thoughtsTokenCount":4}"# : ""
        return #"{"candidates":[\#(candidate)]\#(metadata),"modelVersion":"gemini-2.5-flash","responseId":"r1"}"#
    }

    func testGenerateContentAndKeyInHeaderOnly() throws {
        let server = try LoopbackServer { _ in .json(200, Self.frame(#"{"insights":[]}"#, finish: "STOP", usage: true)) }
        defer { server.stop() }
        let completion = try Fixture.provider(Fixture.endpoint(.gemini, server: server)).complete(Fixture.request, cancellation: nil)
        XCTAssertEqual(completion.text, #"{"insights":[]}"#)
        XCTAssertEqual(completion.usage, TokenUsage(input: 15, output: 10, reasoning: 4))
        XCTAssertEqual(completion.finishReason, "STOP")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/v1beta/models/gemini-2.5-flash:generateContent")
        XCTAssertEqual(request.header("x-goog-api-key"), "sk-test-key-123")
        XCTAssertNil(request.query["key"], "the key never goes into the URL")
        let config = try XCTUnwrap(request.jsonBody?["generationConfig"] as? [String: Any])
        XCTAssertEqual(config["responseMimeType"] as? String, "application/json")
        XCTAssertEqual(config["maxOutputTokens"] as? Int, 300)
        XCTAssertNotNil(config["responseJsonSchema"] as? [String: Any])
        XCTAssertNotNil(request.jsonBody?["systemInstruction"])
    }

    func testSSEFramesWithoutDoneMarker() throws {
        let frames = [Self.frame("Scores"), Self.frame(" rose"), Self.frame("", finish: "STOP", usage: true)].map { "data: \($0)\r\n\r\n" }
        let server = try LoopbackServer { _ in .eventStream(frames) }
        defer { server.stop() }
        let completion = try Fixture.provider(Fixture.endpoint(.gemini, server: server, stream: true)).complete(Fixture.request, cancellation: nil)
        XCTAssertEqual(completion.text, "Scores rose")
        XCTAssertEqual(completion.usage.input, 15)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/v1beta/models/gemini-2.5-flash:streamGenerateContent")
        XCTAssertEqual(request.query["alt"], "sse")
    }

    func testStreamCutBeforeFinishReasonIsRetryable() throws {
        let server = try LoopbackServer { _ in .eventStream(["data: \(Self.frame("Scores"))\n\n"]) }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.gemini, server: server, stream: true)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertEqual(failure?.code, "incomplete_stream")
    }

    func testErrorsAndRetryInfo() throws {
        let perMinute = #"{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.2s"}]}}"#
        let perDay = #"{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"42s"}]}}"#
        let badKey = #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"#
        let tooLong = #"{"error":{"code":400,"message":"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}"#
        let cases: [(Int, String, FailureAction, TimeInterval?)] = [
            (429, perMinute, .retry, 1.2), (429, perDay, .stop, 42), (400, badKey, .stop, nil), (400, tooLong, .fallback, nil),
            (403, #"{"error":{"code":403,"message":"denied","status":"PERMISSION_DENIED"}}"#, .stop, nil),
            (404, #"{"error":{"code":404,"message":"models/x is not found","status":"NOT_FOUND"}}"#, .fallback, nil),
            (503, #"{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"#, .retry, nil),
            (504, "[" + #"{"error":{"code":504,"message":"deadline","status":"DEADLINE_EXCEEDED"}}"# + "]", .retry, nil),
            (500, "oops", .retry, nil),
        ]
        for (status, body, action, hint) in cases {
            let server = try LoopbackServer { _ in .json(status, body) }
            defer { server.stop() }
            let failure = try XCTUnwrap(Fixture.failure { try Fixture.provider(Fixture.endpoint(.gemini, server: server)).complete(Fixture.request, cancellation: nil) })
            XCTAssertEqual(failure.action, action, body)
            XCTAssertEqual(failure.retryAfter, hint, body)
        }
    }

    func testErrorFrameInsideStream() throws {
        let error = #"{"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}"#
        let server = try LoopbackServer { _ in .eventStream(["data: \(Self.frame("a"))\n\n", "data: \(error)\n\n"]) }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.gemini, server: server, stream: true)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertEqual(failure?.code, "UNAVAILABLE")
    }

    func testSafetyBlockAndPromptFeedback() throws {
        let cases = [
            (Self.frame("", finish: "SAFETY"), "SAFETY"),
            (Self.frame("{", finish: "MAX_TOKENS"), "MAX_TOKENS"),
            (#"{"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":5}}"#, "blocked"),
        ]
        for (body, code) in cases {
            let server = try LoopbackServer { _ in .json(200, body) }
            defer { server.stop() }
            let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.gemini, server: server)).complete(Fixture.request, cancellation: nil) }
            XCTAssertEqual(failure?.action, .fallback)
            XCTAssertEqual(failure?.code, code)
        }
    }

    func testNonJSONBodyIsRetryable() throws {
        let server = try LoopbackServer { _ in .json(200, "<html>") }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.gemini, server: server)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertEqual(Fixture.failure {
            let s = try LoopbackServer { _ in .eventStream(["data: nope\n\n"]) }
            defer { s.stop() }
            return try Fixture.provider(Fixture.endpoint(.gemini, server: s, stream: true)).complete(Fixture.request, cancellation: nil)
        }?.code, "invalid_stream")
    }
}
