import Foundation
import HTTP

/// Ollama's native chat API (`POST {OLLAMA_HOST}/api/chat`): the schema goes in `format`,
/// streams are newline-delimited JSON ending with a `"done": true` object, and errors are
/// `{"error":"…"}` — as the whole body or as a line inside a stream.
struct OllamaFormat: WireFormat {
    let endpoint: ProviderEndpoint
    var framing: StreamFraming { .newlineDelimitedJSON }

    func httpRequest(for request: CompletionRequest) throws -> HTTPRequest {
        let body: [String: Any] = [
            "model": endpoint.model,
            "messages": [["role": "system", "content": request.system], ["role": "user", "content": request.user]],
            "stream": endpoint.stream,
            "format": JSONBody.schema(request.schema),
            "options": ["temperature": request.temperature, "num_predict": request.maxOutputTokens],
        ]
        return HTTPRequest.postJSON(endpoint.url("/api/chat"), body: try JSONBody.encode(body), headers: endpoint.headers([:]), timeouts: endpoint.timeouts)
    }

    func completion(from body: Data, head: HTTPResponseHead) throws -> Completion {
        guard let json = JSONView.parse(body) else { throw fail(.retry, code: "invalid_response", "response is not JSON") }
        var decoder = OllamaStreamDecoder(format: self)
        try decoder.absorb(json)
        return try decoder.finish(rateLimit: nil)
    }

    func streamDecoder() -> StreamDecoder { OllamaStreamDecoder(format: self) }

    func failure(status: Int, headers: HTTPHeaders, body: Data) -> ProviderFailure {
        let message = JSONView.parse(body)?["error"].string ?? plainMessage(body, status: status)
        // 404 means the model is not pulled: another provider, not a retry, can help.
        return fail(defaultAction(for: status), status: status, code: status == 404 ? "model_not_found" : nil, message)
    }
}

/// Buffers an NDJSON chat stream: message content per line, counters on the final `done` line.
struct OllamaStreamDecoder: StreamDecoder {
    let format: OllamaFormat
    private var text = ""
    private var usage = TokenUsage.zero
    private var model: String?
    private var doneReason: String?
    private var done = false

    init(format: OllamaFormat) {
        self.format = format
    }

    mutating func consume(_ record: StreamRecord) throws {
        guard case .line(let line) = record, !done else { return }
        guard let json = JSONView.parse(line) else {
            throw format.fail(.retry, code: "invalid_stream", "stream line is not JSON", usage: usage)
        }
        try absorb(json)
    }

    mutating func absorb(_ json: JSONView) throws {
        if let message = json["error"].string {
            throw format.fail(.retry, code: "stream_error", message, usage: usage)
        }
        model = json["model"].string ?? model
        text += json["message"]["content"].string ?? ""
        if json["done"].bool == true {
            done = true
            doneReason = json["done_reason"].string
            usage = TokenUsage(input: json["prompt_eval_count"].int ?? 0, output: json["eval_count"].int ?? 0)
        }
    }

    mutating func finish(rateLimit: RateLimitInfo?) throws -> Completion {
        guard done else { throw format.fail(.retry, code: "incomplete_stream", "stream ended before done", usage: usage) }
        if doneReason == "length" { throw format.fail(.fallback, code: "length", "output cut off at num_predict", usage: usage) }
        return Completion(text: text, usage: usage, model: model ?? format.endpoint.model, finishReason: doneReason)
    }
}
