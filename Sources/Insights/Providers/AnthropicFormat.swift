import Foundation
import HTTP

/// Anthropic Messages (`POST {base}/v1/messages`) with `anthropic-version: 2023-06-01`;
/// structured output through `output_config.format` with a JSON schema.
struct AnthropicFormat: WireFormat {
    static let version = "2023-06-01"
    let endpoint: ProviderEndpoint
    var framing: StreamFraming { .serverSentEvents }

    func httpRequest(for request: CompletionRequest) throws -> HTTPRequest {
        let body: [String: Any] = [
            "model": endpoint.model,
            "max_tokens": request.maxOutputTokens,
            "temperature": request.temperature,
            "system": request.system,
            "messages": [["role": "user", "content": request.user]],
            "output_config": ["format": ["type": "json_schema", "schema": JSONBody.schema(request.schema)]],
            "stream": endpoint.stream,
        ]
        var headers: HTTPHeaders = ["anthropic-version": Self.version, "Accept": endpoint.stream ? "text/event-stream" : "application/json"]
        if let key = endpoint.apiKey { headers.add("x-api-key", key.exposedValue) }
        return HTTPRequest.postJSON(endpoint.url("/v1/messages"), body: try JSONBody.encode(body), headers: endpoint.headers(headers), timeouts: endpoint.timeouts)
    }

    func completion(from body: Data, head: HTTPResponseHead) throws -> Completion {
        guard let json = JSONView.parse(body) else { throw fail(.retry, code: "invalid_response", "response is not JSON") }
        if json["type"].string == "error" { throw bodyFailure(json, status: head.status, headers: head.headers) }
        let usage = Self.usage(json["usage"])
        let text = json["content"].array.filter { $0["type"].string == "text" }.compactMap { $0["text"].string }.joined()
        let reason = json["stop_reason"].string
        try check(stopReason: reason, usage: usage)
        return Completion(text: text, usage: usage, model: json["model"].string ?? endpoint.model, finishReason: reason,
                          rateLimit: rateLimit(head.headers))
    }

    func check(stopReason: String?, usage: TokenUsage) throws {
        if stopReason == "max_tokens" { throw fail(.fallback, code: "max_tokens", "output cut off at max_tokens", usage: usage) }
        if stopReason == "refusal" { throw fail(.fallback, code: "refusal", "model refused to answer", usage: usage) }
    }

    func streamDecoder() -> StreamDecoder { AnthropicStreamDecoder(format: self) }

    func rateLimit(_ headers: HTTPHeaders) -> RateLimitInfo? { RateLimitInfo.anthropic(headers) }

    func failure(status: Int, headers: HTTPHeaders, body: Data) -> ProviderFailure {
        guard let json = JSONView.parse(body), json["error"].exists else {
            return fail(applyShouldRetry(defaultAction(for: status), headers: headers), status: status,
                        plainMessage(body, status: status), retryAfter: RetryHints.delay(from: headers))
        }
        return bodyFailure(json, status: status, headers: headers)
    }

    /// Classifies `{"type":"error","error":{"type","message"}}`, in a response or a stream.
    func bodyFailure(_ json: JSONView, status: Int?, headers: HTTPHeaders) -> ProviderFailure {
        let type = json["error"]["type"].string
        let message = json["error"]["message"].string ?? "unknown error"
        let lower = message.lowercased()
        let action: FailureAction
        switch type {
        case "authentication_error", "permission_error": action = .stop
        case "rate_limit_error", "overloaded_error", "api_error", "timeout_error": action = .retry
        case "not_found_error", "request_too_large": action = .fallback
        case "invalid_request_error" where lower.contains("credit balance"): action = .stop
        case "invalid_request_error": action = .fallback
        default: action = status.map(defaultAction(for:)) ?? .retry
        }
        return fail(applyShouldRetry(action, headers: headers), status: status, code: type, message, retryAfter: RetryHints.delay(from: headers))
    }

    static func usage(_ usage: JSONView) -> TokenUsage {
        TokenUsage(input: (usage["input_tokens"].int ?? 0) + (usage["cache_creation_input_tokens"].int ?? 0),
                   output: usage["output_tokens"].int ?? 0,
                   cachedInput: usage["cache_read_input_tokens"].int ?? 0)
    }
}

/// Buffers a Messages stream: `message_start` (input usage), `content_block_delta` text,
/// `message_delta` (stop reason, cumulative output tokens), `ping`, and `message_stop`,
/// without which the answer is not accepted; `event: error` after `200 OK` fails the call.
struct AnthropicStreamDecoder: StreamDecoder {
    let format: AnthropicFormat
    private var text = ""
    private var usage = TokenUsage.zero
    private var model: String?
    private var stopReason: String?
    private var done = false

    init(format: AnthropicFormat) {
        self.format = format
    }

    mutating func consume(_ record: StreamRecord) throws {
        guard case .event(let event) = record, !done, let json = JSONView.parse(event.data) else { return }
        switch event.event ?? json["type"].string {
        case "message_start":
            let message = json["message"]
            model = message["model"].string
            usage = AnthropicFormat.usage(message["usage"])
        case "content_block_delta":
            if json["delta"]["type"].string == "text_delta", let piece = json["delta"]["text"].string { text += piece }
        case "message_delta":
            stopReason = json["delta"]["stop_reason"].string ?? stopReason
            if let output = json["usage"]["output_tokens"].int { usage.output = output }
        case "message_stop":
            done = true
        case "error":
            var failure = format.bodyFailure(json, status: nil, headers: [:])
            failure.usage = usage
            throw failure
        default:
            break
        }
    }

    mutating func finish(rateLimit: RateLimitInfo?) throws -> Completion {
        guard done else {
            throw format.fail(.retry, code: "incomplete_stream", "stream ended without message_stop", usage: usage)
        }
        try format.check(stopReason: stopReason, usage: usage)
        return Completion(text: text, usage: usage, model: model ?? format.endpoint.model, finishReason: stopReason, rateLimit: rateLimit)
    }
}
