import Foundation
import HTTP
import HTTPTestSupport
@testable import Insights
import XCTest

final class AnthropicProviderTests: XCTestCase {
    /// A fake that behaves like the real API: no `anthropic-version`, no answer.
    static func server(_ respond: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) throws -> LoopbackServer {
        try LoopbackServer { request in
            guard request.header("anthropic-version") == "2023-06-01" else {
                return .json(400, #"{"type":"error","error":{"type":"invalid_request_error","message":"anthropic-version: header is required"}}"#)
            }
            return respond(request)
        }
    }

    func testMessageResponseAndRequestShape() throws {
        let body = """
        {"id":"msg_01X","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"{\\"insights\\":"},{"type":"text","text":"[]}"}],
         "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":812,"output_tokens":143,"cache_creation_input_tokens":0,"cache_read_input_tokens":100}}
        """
        let server = try Self.server { _ in
            .json(200, body, headers: [("request-id", "req_1"), ("anthropic-ratelimit-requests-remaining", "49"), ("anthropic-ratelimit-requests-reset", "2026-11-26T23:00:30Z")])
        }
        defer { server.stop() }
        let completion = try Fixture.provider(Fixture.endpoint(.anthropic, server: server)).complete(Fixture.request, cancellation: nil)
        XCTAssertEqual(completion.text, #"{"insights":[]}"#)
        XCTAssertEqual(completion.usage, TokenUsage(input: 812, output: 143, cachedInput: 100))
        XCTAssertEqual(completion.finishReason, "end_turn")
        XCTAssertEqual(completion.rateLimit?.remainingRequests, 49)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/v1/messages")
        XCTAssertEqual(request.header("x-api-key"), "sk-test-key-123")
        XCTAssertNil(request.header("authorization"))
        let json = try XCTUnwrap(request.jsonBody)
        XCTAssertEqual(json["system"] as? String, "sys")
        XCTAssertEqual(json["max_tokens"] as? Int, 300)
        XCTAssertEqual(((json["output_config"] as? [String: Any])?["format"] as? [String: Any])?["type"] as? String, "json_schema")
    }

    func testNamedEventStreamWithPing() throws {
        let server = try Self.server { _ in .eventStream(Self.stream(end: true)) }
        defer { server.stop() }
        let completion = try Fixture.provider(Fixture.endpoint(.anthropic, server: server, stream: true)).complete(Fixture.request, cancellation: nil)
        XCTAssertEqual(completion.text, "Scores rose")
        XCTAssertEqual(completion.usage, TokenUsage(input: 812, output: 143))
        XCTAssertEqual(completion.model, "claude-sonnet-4-5")
    }

    func testStreamWithoutMessageStopIsRetryable() throws {
        let server = try Self.server { _ in .eventStream(Self.stream(end: false)) }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.anthropic, server: server, stream: true)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertEqual(failure?.code, "incomplete_stream")
    }

    func testErrorEventAfter200() throws {
        let chunks = Array(Self.stream(end: false).prefix(3)) + [
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n",
        ]
        let server = try Self.server { _ in .eventStream(chunks) }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.anthropic, server: server, stream: true)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertEqual(failure?.code, "overloaded_error")
        XCTAssertEqual(failure?.usage.input, 812)
    }

    func testErrorStatuses() throws {
        func error(_ type: String, _ message: String) -> String {
            #"{"type":"error","error":{"type":"\#(type)","message":"\#(message)"},"request_id":"req_1"}"#
        }
        let cases: [(Int, String, [(name: String, value: String)], FailureAction, TimeInterval?)] = [
            (529, error("overloaded_error", "Overloaded"), [], .retry, nil),
            (429, error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
             [("retry-after", "7"), ("anthropic-ratelimit-tokens-remaining", "0")], .retry, 7),
            (500, error("api_error", "Internal server error"), [], .retry, nil),
            (401, error("authentication_error", "invalid x-api-key"), [], .stop, nil),
            (403, error("permission_error", "not allowed"), [], .stop, nil),
            (400, error("invalid_request_error", "Your credit balance is too low to access the Anthropic API"), [], .stop, nil),
            (400, error("invalid_request_error", "prompt is too long: 210000 tokens > 200000 maximum"), [], .fallback, nil),
            (404, error("not_found_error", "model: claude-9"), [], .fallback, nil),
            (413, error("request_too_large", "Request exceeds the maximum size"), [], .fallback, nil),
            (502, "<html>Bad gateway</html>", [], .retry, nil),
        ]
        for (status, body, headers, action, hint) in cases {
            let server = try Self.server { _ in .json(status, body, headers: headers) }
            defer { server.stop() }
            let failure = try XCTUnwrap(Fixture.failure { try Fixture.provider(Fixture.endpoint(.anthropic, server: server)).complete(Fixture.request, cancellation: nil) })
            XCTAssertEqual(failure.action, action, body)
            XCTAssertEqual(failure.retryAfter, hint)
            XCTAssertEqual(failure.status, status)
        }
    }

    func testMaxTokensAndRefusalFallBack() throws {
        for reason in ["max_tokens", "refusal"] {
            let body = #"{"type":"message","model":"m","content":[{"type":"text","text":"{"}],"stop_reason":"\#(reason)","usage":{"input_tokens":1,"output_tokens":600}}"#
            let server = try Self.server { _ in .json(200, body) }
            defer { server.stop() }
            let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.anthropic, server: server)).complete(Fixture.request, cancellation: nil) }
            XCTAssertEqual(failure?.action, .fallback)
            XCTAssertEqual(failure?.code, reason)
            XCTAssertEqual(failure?.usage.output, 600)
        }
    }

    func testMissingVersionHeaderIsWhatTheFakeRejects() throws {
        let server = try Self.server { _ in .json(200, "{}") }
        defer { server.stop() }
        let response = try CurlHTTPClient(environment: [:]).send(HTTPRequest.postJSON(server.url("/v1/messages"), body: Data("{}".utf8)))
        XCTAssertEqual(response.status, 400)
        let failure = AnthropicFormat(endpoint: Fixture.endpoint(.anthropic, server: server)).failure(status: 400, headers: response.headers, body: response.body)
        XCTAssertEqual(failure.action, .fallback)
        XCTAssertTrue(failure.message.contains("anthropic-version"))
    }

    static func stream(end: Bool) -> [String] {
        var events = [
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":812,\"output_tokens\":1}}}\n\n",
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
            "event: ping\ndata: {\"type\":\"ping\"}\n\n",
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Scores\"}}\n\n",
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" rose\"}}\n\n",
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":143}}\n\n",
        ]
        if end { events.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n") }
        return events
    }
}
