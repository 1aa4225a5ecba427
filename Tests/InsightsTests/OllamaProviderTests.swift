import Foundation
import HTTP
import HTTPTestSupport
@testable import Insights
import XCTest

final class OllamaProviderTests: XCTestCase {
    static let lines = [
        #"{"model":"llama3.2","created_at":"2026-11-26T10:00:00Z","message":{"role":"assistant","content":"Scores"},"done":false}"# + "\n",
        #"{"model":"llama3.2","created_at":"2026-11-26T10:00:00Z","message":{"role":"assistant","content":" rose"},"done":false}"# + "\n",
    ]
    static let done = #"{"model":"llama3.2","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":5191566416,"prompt_eval_count":26,"eval_count":298}"# + "\n"

    func testNDJSONStream() throws {
        let server = try LoopbackServer { _ in LoopbackResponse(status: 200, headers: [("Content-Type", "application/x-ndjson")], steps: (Self.lines + [Self.done]).map { .send(Data($0.utf8)) }) }
        defer { server.stop() }
        let completion = try Fixture.provider(Fixture.endpoint(.ollama, server: server, stream: true, key: nil)).complete(Fixture.request, cancellation: nil)
        XCTAssertEqual(completion.text, "Scores rose")
        XCTAssertEqual(completion.usage, TokenUsage(input: 26, output: 298))
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/api/chat")
        XCTAssertNotNil(request.jsonBody?["format"] as? [String: Any])
        XCTAssertEqual((request.jsonBody?["options"] as? [String: Any])?["num_predict"] as? Int, 300)
    }

    func testNonStreamingAnswer() throws {
        let server = try LoopbackServer { _ in .json(200, Self.done.replacingOccurrences(of: #""content":"""#, with: #""content":"{}""#)) }
        defer { server.stop() }
        let completion = try Fixture.provider(Fixture.endpoint(.ollama, server: server, key: nil)).complete(Fixture.request, cancellation: nil)
        XCTAssertEqual(completion.text, "{}")
        XCTAssertEqual(completion.finishReason, "stop")
    }

    func testErrorLineMidStreamAndStreamWithoutDone() throws {
        let withError = Self.lines + [#"{"error":"model runner has unexpectedly stopped"}"# + "\n"]
        for (lines, code) in [(withError, "stream_error"), (Self.lines, "incomplete_stream"), (["not json\n"], "invalid_stream")] {
            let server = try LoopbackServer { _ in LoopbackResponse(status: 200, steps: lines.map { .send(Data($0.utf8)) }) }
            defer { server.stop() }
            let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.ollama, server: server, stream: true, key: nil)).complete(Fixture.request, cancellation: nil) }
            XCTAssertEqual(failure?.action, .retry)
            XCTAssertEqual(failure?.code, code)
        }
    }

    func testModelNotPulledFallsBackAndTruncationFallsBack() throws {
        let server = try LoopbackServer { _ in .json(404, #"{"error":"model \"llama9\" not found, try pulling it first"}"#) }
        defer { server.stop() }
        let failure = Fixture.failure { try Fixture.provider(Fixture.endpoint(.ollama, server: server, stream: true, key: nil)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .fallback)
        XCTAssertEqual(failure?.code, "model_not_found")
        XCTAssertTrue(failure?.message.contains("not found") ?? false)

        let truncated = try LoopbackServer { _ in .json(200, Self.done.replacingOccurrences(of: #""done_reason":"stop""#, with: #""done_reason":"length""#)) }
        defer { truncated.stop() }
        let cut = Fixture.failure { try Fixture.provider(Fixture.endpoint(.ollama, server: truncated, key: nil)).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(cut?.action, .fallback)
    }

    func testServerDownIsRetryable() throws {
        let port = try LoopbackServer.unusedPort()
        let endpoint = ProviderEndpoint(name: "ollama", kind: .ollama, model: "llama3.2", baseURL: URL(string: "http://127.0.0.1:\(port)")!)
        let failure = Fixture.failure { try Fixture.provider(endpoint).complete(Fixture.request, cancellation: nil) }
        XCTAssertEqual(failure?.action, .retry)
        XCTAssertTrue(failure?.message.contains("cannot connect") ?? false)
    }
}
