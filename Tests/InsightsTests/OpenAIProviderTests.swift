import Foundation
import HTTP
import HTTPTestSupport
@testable import Insights
import XCTest

final class OpenAIProviderTests: XCTestCase {
    static let success = """
    {"id":"chatcmpl-abc","object":"chat.completion","created":1767507869,"model":"gpt-4o-mini-2024-07-18",
     "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"insights\\":[]}","refusal":null},"finish_reason":"stop"}],
     "usage":{"prompt_tokens":17,"completion_tokens":482,"total_tokens":499,"prompt_tokens_details":{"cached_tokens":3,"audio_tokens":0},
       "completion_tokens_details":{"reasoning_tokens":448,"audio_tokens":0}},"service_tier":"default"}
    """

    func testJSONResponseAndRequestShape() throws {
        let server = try LoopbackServer { _ in
            .json(200, Self.success, headers: [("x-ratelimit-remaining-requests", "99"), ("x-ratelimit-reset-tokens", "6m0s")])
        }
        defer { server.stop() }
        var endpoint = Fixture.endpoint(.openai, server: server, path: "/v1")
        endpoint.extraHeaders = ["OpenAI-Organization": "org-1", "Authorization": "ignored: the format's own header wins"]
        let completion = try Fixture.provider(endpoint).complete(Fixture.request, cancellation: nil)
        XCTAssertEqual(completion.text, #"{"insights":[]}"#)
        XCTAssertEqual(completion.model, "gpt-4o-mini-2024-07-18")
        XCTAssertEqual(completion.usage, TokenUsage(input: 17, output: 482, cachedInput: 3, reasoning: 448))
        XCTAssertEqual(completion.rateLimit?.remainingRequests, 99)
        XCTAssertEqual(completion.rateLimit?.resetTokens, 360)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/v1/chat/completions")
        XCTAssertEqual(request.header("authorization"), "Bearer sk-test-key-123")
        XCTAssertEqual(request.header("openai-organization"), "org-1")
        let body = try XCTUnwrap(request.jsonBody)
        XCTAssertEqual(body["model"] as? String, "gpt-4o-mini")
        XCTAssertEqual(body["max_completion_tokens"] as? Int, 300)
        XCTAssertEqual(body["stream"] as? Bool, false)
        let format = try XCTUnwrap(body["response_format"] as? [String: Any])
        XCTAssertEqual(format["type"] as? String, "json_schema")
        let schema = try XCTUnwrap(format["json_schema"] as? [String: Any])
        XCTAssertEqual(schema["strict"] as? Bool, true)
        XCTAssertNotNil(schema["schema"] as? [String: Any])
        XCTAssertEqual((body["messages"] as? [[String: Any]])?.map { $0["role"] as? String }, ["system", "user"])
    }

    func testStreamWithUsageChunkAndDone() throws {
        for usageChoices in ["[]", "null"] {
            let server = try LoopbackServer { _ in .eventStream(Self.stream(usageChoices: usageChoices, done: true)) }
            defer { server.stop() }
            let completion = try Fixture.provider(Fixture.endpoint(.openai, server: server, stream: true)).complete(Fixture.request, cancellation: nil)
            XCTAssertEqual(completion.text, "Scores rose")
            XCTAssertEqual(completion.usage, TokenUsage(input: 9, output: 12))
            XCTAssertEqual(completion.finishReason, "stop")
            let body = try XCTUnwrap(server.requests.first?.jsonBody)
            XCTAssertEqual((body["stream_options"] as? [String: Any])?["include_usage"] as? Bool, true)
        }
    }

    func testStreamWithoutDoneIsRetryable() throws {
        let server = try LoopbackServer { _ in .eventStream(Self.stream(usageChoices: "[]", done: false)) }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.openai, server: server, stream: true)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertEqual(failure?.code, "incomplete_stream")
        XCTAssertEqual(failure?.usage.output, 12, "usage seen before the break is still recorded")
    }

    func testErrorEventAfter200IsRetryable() throws {
        let chunks = [Self.chunk(#"{"content":"Sco"}"#), "data: {\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\",\"code\":null}}\n\n"]
        let server = try LoopbackServer { _ in .eventStream(chunks) }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.openai, server: server, stream: true)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertEqual(failure?.message, "upstream overloaded")
        XCTAssertNil(failure?.status)
    }

    func testRateLimitHintsOfEveryKind() throws {
        let date = Date().addingTimeInterval(30)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let cases: [([(name: String, value: String)], ClosedRange<Double>?)] = [
            ([("retry-after-ms", "1500")], 1.5...1.5),
            ([("retry-after", "2")], 2...2),
            ([("retry-after", formatter.string(from: date))], 25...31),
            ([("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "1s")], 1...1),
            ([], nil),
        ]
        for (headers, expected) in cases {
            let server = try LoopbackServer { _ in
                .json(429, #"{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#, headers: headers)
            }
            defer { server.stop() }
            let failure = try XCTUnwrap(Fixture.failure { try Fixture.provider(Fixture.endpoint(.openai, server: server)).complete(Fixture.request, cancellation: nil) })
            XCTAssertEqual(failure.action, .retry)
            XCTAssertEqual(failure.status, 429)
            XCTAssertEqual(failure.code, "rate_limit_exceeded")
            if let expected {
                XCTAssertTrue(expected.contains(failure.retryAfter ?? -1), "\(headers): \(String(describing: failure.retryAfter))")
            } else {
                XCTAssertNil(failure.retryAfter)
            }
        }
    }

    func testClassificationOfErrorBodies() throws {
        let cases: [(Int, String, [(name: String, value: String)], FailureAction)] = [
            (429, #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#, [], .stop),
            (400, #"{"error":{"message":"This model's maximum context length is 128000 tokens","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#, [], .fallback),
            (404, #"{"error":{"message":"The model `gpt-9` does not exist","type":"invalid_request_error","code":"model_not_found"}}"#, [], .fallback),
            (401, #"{"error":{"message":"Incorrect API key provided: sk-test-key-123","type":"invalid_request_error","code":"invalid_api_key"}}"#, [], .stop),
            (500, #"{"error":{"message":"server error","type":"server_error","code":null}}"#, [], .retry),
            (503, "Service Unavailable", [], .retry),
            (500, #"{"error":{"message":"bad","type":"server_error"}}"#, [("x-should-retry", "false")], .fallback),
            (400, #"{"error":{"message":"bad","type":"invalid_request_error"}}"#, [("x-should-retry", "true")], .retry),
            (402, #"{"error":{"code":402,"message":"Insufficient credits"}}"#, [], .stop),
            (409, "", [], .retry),
        ]
        for (status, body, headers, action) in cases {
            let server = try LoopbackServer { _ in .json(status, body, headers: headers) }
            defer { server.stop() }
            let failure = try XCTUnwrap(Fixture.failure { try Fixture.provider(Fixture.endpoint(.openai, server: server)).complete(Fixture.request, cancellation: nil) })
            XCTAssertEqual(failure.action, action, "\(status) \(body)")
            XCTAssertFalse(failure.description.contains("sk-test-key-123"), "keys are redacted from messages")
        }
    }

    func testRefusalAndTruncationFallBack() throws {
        let refusal = #"{"model":"m","choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't"},"finish_reason":"stop"}]}"#
        let truncated = #"{"model":"m","choices":[{"message":{"role":"assistant","content":"{\"insi"},"finish_reason":"length"}]}"#
        let empty = #"{"model":"m","choices":[]}"#
        for (body, code, action) in [(refusal, "refusal", FailureAction.fallback), (truncated, "length", .fallback), (empty, "invalid_response", .retry), ("not json", "invalid_response", .retry)] {
            let server = try LoopbackServer { _ in .json(200, body) }
            defer { server.stop() }
            let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.openai, server: server)).complete(Fixture.request, cancellation: nil) }
            XCTAssertEqual(failure?.code, code)
            XCTAssertEqual(failure?.action, action)
        }
    }

    func testStallsAreRetryableTimeouts() throws {
        for response in [LoopbackResponse.stallBeforeHead, .eventStream([Self.chunk(#"{"content":"a"}"#)], thenStall: true)] {
            let server = try LoopbackServer { _ in response }
            defer { server.stop() }
            let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.openai, server: server, stream: true, idle: 0.3)).complete(Fixture.request, cancellation: nil) }
            XCTAssertEqual(failure?.action, .retry)
            XCTAssertEqual(failure?.code, "transport")
            XCTAssertTrue(failure?.message.contains("timed out") ?? false, "\(String(describing: failure))")
        }
    }

    func testCompatibleServerUsesMaxTokensAndNoKey() throws {
        let server = try LoopbackServer { _ in .json(200, Self.success) }
        defer { server.stop() }
        _ = try Fixture.provider(Fixture.endpoint(.openAICompatible, server: server, path: "/v1/", key: nil)).complete(Fixture.request, cancellation: nil)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/v1/chat/completions")
        XCTAssertNil(request.header("authorization"))
        XCTAssertEqual(request.jsonBody?["max_tokens"] as? Int, 300)
    }

    func testCancellationIsNotAProviderFailure() throws {
        let server = try LoopbackServer { _ in .stallBeforeHead }
        defer { server.stop() }
        let token = CancellationToken()
        token.cancel()
        XCTAssertThrowsError(try Fixture.provider(Fixture.endpoint(.openai, server: server)).complete(Fixture.request, cancellation: token)) { error in
            XCTAssertEqual(error as? HTTPError, .cancelled)
        }
    }

    func testUnreachableAndMisaddressedServers() throws {
        let port = try LoopbackServer.unusedPort()
        let endpoint = ProviderEndpoint(name: "openai", kind: .openai, model: "m", baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!)
        let refused = Fixture.failure { try Fixture.provider(endpoint).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(refused?.action, .retry)
        var ftp = endpoint
        ftp.baseURL = URL(string: "ftp://127.0.0.1/v1")!
        let invalid = Fixture.failure { try Fixture.provider(ftp).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(invalid?.action, .fallback)
    }

    static func chunk(_ delta: String, finish: String = "null") -> String {
        #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":\#(delta),"finish_reason":\#(finish)}],"usage":null}"# + "\n\n"
    }

    static func stream(usageChoices: String, done: Bool) -> [String] {
        var chunks = [
            chunk(#"{"role":"assistant","content":""}"#), chunk(#"{"content":"Scores"}"#), chunk(#"{"content":" rose"}"#),
            chunk("{}", finish: "\"stop\""),
            #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":\#(usageChoices),"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21}}"# + "\n\n",
        ]
        if done { chunks.append("data: [DONE]\n\n") }
        return chunks
    }
}
