import Foundation
import HTTP

/// Google Gemini `generateContent` (`POST {base}/v1beta/models/{model}:generateContent`, and
/// `:streamGenerateContent?alt=sse` for streams). The key goes in the `x-goog-api-key` header,
/// never the query, so it cannot end up in a logged URL.
struct GeminiFormat: WireFormat {
    let endpoint: ProviderEndpoint
    var framing: StreamFraming { .serverSentEvents }

    func httpRequest(for request: CompletionRequest) throws -> HTTPRequest {
        let body: [String: Any] = [
            "systemInstruction": ["parts": [["text": request.system]]],
            "contents": [["role": "user", "parts": [["text": request.user]]]],
            "generationConfig": [
                "temperature": request.temperature,
                "maxOutputTokens": request.maxOutputTokens,
                "responseMimeType": "application/json",
                "responseJsonSchema": JSONBody.schema(request.schema),
            ] as [String: Any],
        ]
        let model = endpoint.model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? endpoint.model
        let url = endpoint.stream
            ? endpoint.url("/v1beta/models/\(model):streamGenerateContent", query: "alt=sse")
            : endpoint.url("/v1beta/models/\(model):generateContent")
        var headers: HTTPHeaders = [:]
        if let key = endpoint.apiKey { headers.add("x-goog-api-key", key.exposedValue) }
        return HTTPRequest.postJSON(url, body: try JSONBody.encode(body), headers: endpoint.headers(headers), timeouts: endpoint.timeouts)
    }

    func completion(from body: Data, head: HTTPResponseHead) throws -> Completion {
        guard let json = JSONView.parse(body) else { throw fail(.retry, code: "invalid_response", "response is not JSON") }
        if json["error"].exists { throw bodyFailure(json, status: head.status) }
        var decoder = GeminiStreamDecoder(format: self)
        try decoder.absorb(json)
        return try decoder.completed()
    }

    func streamDecoder() -> StreamDecoder { GeminiStreamDecoder(format: self) }

    func failure(status: Int, headers: HTTPHeaders, body: Data) -> ProviderFailure {
        // Without alt=sse Gemini wraps responses, errors included, in a JSON array.
        guard let parsed = JSONView.parse(body) else {
            return fail(defaultAction(for: status), status: status, plainMessage(body, status: status), retryAfter: RetryHints.delay(from: headers))
        }
        let json = parsed.array.first ?? parsed
        guard json["error"].exists else {
            return fail(defaultAction(for: status), status: status, plainMessage(body, status: status), retryAfter: RetryHints.delay(from: headers))
        }
        var failure = bodyFailure(json, status: status)
        failure.retryAfter = failure.retryAfter ?? RetryHints.delay(from: headers)
        return failure
    }

    /// Classifies `{"error":{"code","message","status","details":[…]}}`: a per-day quota stops,
    /// a per-minute one retries after `RetryInfo.retryDelay`; an invalid key stops; a prompt
    /// over the token limit falls back.
    func bodyFailure(_ json: JSONView, status: Int?) -> ProviderFailure {
        let error = json["error"]
        let code = error["status"].string
        let message = error["message"].string ?? "unknown error"
        let lower = message.lowercased()
        let details = error["details"].array
        let retryDelay = details.first { $0["@type"].string?.hasSuffix("google.rpc.RetryInfo") == true }?["retryDelay"].string
            .flatMap(RetryHints.duration)
        let quotaIDs = details.flatMap { $0["violations"].array }.compactMap { $0["quotaId"].string }
        let reasons = details.compactMap { $0["reason"].string }
        let httpStatus = status ?? error["code"].int
        let action: FailureAction
        if quotaIDs.contains(where: { $0.contains("PerDay") }) {
            action = .stop
        } else if reasons.contains("API_KEY_INVALID") || lower.contains("api key not valid") {
            action = .stop
        } else if code == "RESOURCE_EXHAUSTED" || code == "UNAVAILABLE" || code == "INTERNAL" || code == "DEADLINE_EXCEEDED" {
            action = .retry
        } else if code == "PERMISSION_DENIED" || code == "UNAUTHENTICATED" {
            action = .stop
        } else if code == "INVALID_ARGUMENT" || code == "FAILED_PRECONDITION" || code == "NOT_FOUND" {
            action = .fallback
        } else {
            action = httpStatus.map(defaultAction(for:)) ?? .retry
        }
        return fail(action, status: status, code: code, message, retryAfter: retryDelay)
    }

    static func usage(_ metadata: JSONView) -> TokenUsage {
        TokenUsage(input: metadata["promptTokenCount"].int ?? 0,
                   output: (metadata["candidatesTokenCount"].int ?? 0) + (metadata["thoughtsTokenCount"].int ?? 0),
                   cachedInput: metadata["cachedContentTokenCount"].int ?? 0,
                   reasoning: metadata["thoughtsTokenCount"].int ?? 0)
    }
}

/// Buffers Gemini responses: each SSE frame is a whole `GenerateContentResponse` with a text
/// fragment; there is no `[DONE]`, so the answer is complete when a `finishReason` arrived.
struct GeminiStreamDecoder: StreamDecoder {
    let format: GeminiFormat
    private var text = ""
    private var usage = TokenUsage.zero
    private var model: String?
    private var finishReason: String?
    private var blockReason: String?

    init(format: GeminiFormat) {
        self.format = format
    }

    mutating func consume(_ record: StreamRecord) throws {
        guard case .event(let event) = record else { return }
        guard let json = JSONView.parse(event.data) else {
            throw format.fail(.retry, code: "invalid_stream", "stream frame is not JSON", usage: usage)
        }
        try absorb(json)
    }

    mutating func absorb(_ json: JSONView) throws {
        if json["error"].exists {
            var failure = format.bodyFailure(json, status: nil)
            failure.usage = usage
            throw failure
        }
        model = json["modelVersion"].string ?? model
        if json["usageMetadata"].exists { usage = GeminiFormat.usage(json["usageMetadata"]) }
        blockReason = json["promptFeedback"]["blockReason"].string ?? blockReason
        let candidate = json["candidates"][0]
        for part in candidate["content"]["parts"].array where part["thought"].bool != true {
            text += part["text"].string ?? ""
        }
        finishReason = candidate["finishReason"].string ?? finishReason
    }

    func completed() throws -> Completion {
        if let blockReason { throw format.fail(.fallback, code: "blocked", "prompt blocked: \(blockReason)", usage: usage) }
        guard let finishReason else {
            throw format.fail(.retry, code: "incomplete_stream", "response ended without a finishReason", usage: usage)
        }
        switch finishReason {
        case "STOP": break
        case "MAX_TOKENS": throw format.fail(.fallback, code: finishReason, "output cut off at maxOutputTokens", usage: usage)
        default: throw format.fail(.fallback, code: finishReason, "generation stopped: \(finishReason)", usage: usage)
        }
        return Completion(text: text, usage: usage, model: model ?? format.endpoint.model, finishReason: finishReason)
    }

    mutating func finish(rateLimit: RateLimitInfo?) throws -> Completion {
        try completed()
    }
}
