import Foundation
import HTTP

/// OpenAI Chat Completions (`POST {base}/chat/completions`), also spoken by vLLM, llama.cpp
/// server and Ollama's `/v1`. Structured output goes through `response_format` with a strict
/// JSON schema; streams ask for the usage chunk with `stream_options.include_usage`.
struct OpenAIChatFormat: WireFormat {
    let endpoint: ProviderEndpoint
    var framing: StreamFraming { .serverSentEvents }

    func httpRequest(for request: CompletionRequest) throws -> HTTPRequest {
        var body: [String: Any] = [
            "model": endpoint.model,
            "temperature": request.temperature,
            "messages": [["role": "system", "content": request.system], ["role": "user", "content": request.user]],
            "response_format": ["type": "json_schema",
                                "json_schema": ["name": request.schemaName, "strict": true, "schema": JSONBody.schema(request.schema)]],
            "stream": endpoint.stream,
        ]
        // OpenAI renamed max_tokens; compatible servers still expect the old name.
        body[endpoint.kind == .openai ? "max_completion_tokens" : "max_tokens"] = request.maxOutputTokens
        if endpoint.stream { body["stream_options"] = ["include_usage": true] }
        var headers: HTTPHeaders = ["Accept": endpoint.stream ? "text/event-stream" : "application/json"]
        if let key = endpoint.apiKey { headers.add("Authorization", "Bearer \(key.exposedValue)") }
        return HTTPRequest.postJSON(endpoint.url("/chat/completions"), body: try JSONBody.encode(body), headers: endpoint.headers(headers), timeouts: endpoint.timeouts)
    }

    func completion(from body: Data, head: HTTPResponseHead) throws -> Completion {
        guard let json = JSONView.parse(body) else { throw fail(.retry, code: "invalid_response", "response is not JSON") }
        if json["error"].exists { throw bodyFailure(json, status: head.status, headers: head.headers) }
        let choice = json["choices"][0]
        let usage = Self.usage(json["usage"])
        if let refusal = choice["message"]["refusal"].string, !refusal.isEmpty {
            throw fail(.fallback, code: "refusal", "model refused: \(refusal)", usage: usage)
        }
        let reason = choice["finish_reason"].string
        try check(finishReason: reason, usage: usage)
        guard let text = choice["message"]["content"].string else {
            throw fail(.retry, code: "invalid_response", "response has no message content", usage: usage)
        }
        return Completion(text: text, usage: usage, model: json["model"].string ?? endpoint.model, finishReason: reason,
                          rateLimit: rateLimit(head.headers))
    }

    func check(finishReason: String?, usage: TokenUsage) throws {
        if finishReason == "length" { throw fail(.fallback, code: "length", "output cut off at the token limit", usage: usage) }
        if finishReason == "content_filter" { throw fail(.fallback, code: "content_filter", "output blocked by the content filter", usage: usage) }
    }

    func streamDecoder() -> StreamDecoder { OpenAIChatStreamDecoder(format: self) }

    func rateLimit(_ headers: HTTPHeaders) -> RateLimitInfo? { RateLimitInfo.openAI(headers) }

    func failure(status: Int, headers: HTTPHeaders, body: Data) -> ProviderFailure {
        guard let json = JSONView.parse(body), json["error"].exists else {
            let action = applyShouldRetry(defaultAction(for: status), headers: headers)
            return fail(action, status: status, plainMessage(body, status: status), retryAfter: hint(headers))
        }
        return bodyFailure(json, status: status, headers: headers)
    }

    /// Classifies `{"error":{"message","type","code","param"}}`, in a response or a stream.
    func bodyFailure(_ json: JSONView, status: Int?, headers: HTTPHeaders) -> ProviderFailure {
        let error = json["error"]
        let code = error["code"].string ?? error["type"].string
        let message = error["message"].string ?? error.string ?? "unknown error"
        let lower = message.lowercased()
        var action: FailureAction
        if code == "insufficient_quota" || error["type"].string == "insufficient_quota" || status == 402 {
            action = .stop
        } else if code == "context_length_exceeded" || lower.contains("maximum context length") || lower.contains("context length") {
            action = .fallback
        } else if code == "model_not_found" || status == 404 {
            action = .fallback
        } else if let status {
            action = applyShouldRetry(defaultAction(for: status), headers: headers)
        } else {
            // An error event inside a 200 stream: the server broke off mid-answer.
            action = .retry
        }
        return fail(action, status: status, code: code, message, retryAfter: hint(headers))
    }

    private func hint(_ headers: HTTPHeaders) -> TimeInterval? {
        RetryHints.delay(from: headers) ?? RateLimitInfo.openAI(headers)?.exhaustedReset
    }

    /// Reads `usage` (prompt/completion tokens plus cached and reasoning details).
    static func usage(_ usage: JSONView) -> TokenUsage {
        TokenUsage(input: usage["prompt_tokens"].int ?? 0, output: usage["completion_tokens"].int ?? 0,
                   cachedInput: usage["prompt_tokens_details"]["cached_tokens"].int ?? 0,
                   reasoning: usage["completion_tokens_details"]["reasoning_tokens"].int ?? 0)
    }
}

/// Buffers a Chat Completions stream: content deltas, the finish chunk, the usage chunk
/// (`choices` empty or null), and `[DONE]`, without which the answer is not accepted.
struct OpenAIChatStreamDecoder: StreamDecoder {
    let format: OpenAIChatFormat
    private var text = ""
    private var usage = TokenUsage.zero
    private var model: String?
    private var finishReason: String?
    private var done = false

    init(format: OpenAIChatFormat) {
        self.format = format
    }

    mutating func consume(_ record: StreamRecord) throws {
        guard case .event(let event) = record, !done else { return }
        if event.data == "[DONE]" {
            done = true
            return
        }
        guard let json = JSONView.parse(event.data) else {
            throw format.fail(.retry, code: "invalid_stream", "stream event is not JSON", usage: usage)
        }
        if json["error"].exists {
            var failure = format.bodyFailure(json, status: nil, headers: [:])
            failure.usage = usage
            throw failure
        }
        model = json["model"].string ?? model
        if json["usage"].exists { usage = OpenAIChatFormat.usage(json["usage"]) }
        for choice in json["choices"].array {
            if let piece = choice["delta"]["content"].string { text += piece }
            if let reason = choice["finish_reason"].string { finishReason = reason }
        }
    }

    mutating func finish(rateLimit: RateLimitInfo?) throws -> Completion {
        guard done else {
            throw format.fail(.retry, code: "incomplete_stream", "stream ended without [DONE]", usage: usage)
        }
        try format.check(finishReason: finishReason, usage: usage)
        return Completion(text: text, usage: usage, model: model ?? format.endpoint.model, finishReason: finishReason, rateLimit: rateLimit)
    }
}
