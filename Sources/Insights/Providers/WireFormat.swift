import Foundation
import HTTP

/// One record of a streamed response: an SSE event or one NDJSON line.
enum StreamRecord {
    case event(SSEEvent)
    case line(Data)
}

/// How a stream is framed on the wire.
enum StreamFraming {
    case serverSentEvents
    case newlineDelimitedJSON
}

/// Accumulates a streamed answer. `consume` throws a `ProviderFailure` for an error event
/// inside the stream; `finish` throws one when the stream ended without its end marker.
protocol StreamDecoder {
    mutating func consume(_ record: StreamRecord) throws
    mutating func finish(rateLimit: RateLimitInfo?) throws -> Completion
}

/// What a provider's wire format supplies; `WireProvider` does the rest.
protocol WireFormat: Sendable {
    var endpoint: ProviderEndpoint { get }
    var framing: StreamFraming { get }
    func httpRequest(for request: CompletionRequest) throws -> HTTPRequest
    func completion(from body: Data, head: HTTPResponseHead) throws -> Completion
    func streamDecoder() -> StreamDecoder
    func failure(status: Int, headers: HTTPHeaders, body: Data) -> ProviderFailure
    func rateLimit(_ headers: HTTPHeaders) -> RateLimitInfo?
}

extension WireFormat {
    /// A failure of this deployment.
    func fail(_ action: FailureAction, status: Int? = nil, code: String? = nil, _ message: String,
              retryAfter: TimeInterval? = nil, usage: TokenUsage = .zero) -> ProviderFailure {
        let clean = endpoint.apiKey?.redact(message) ?? message
        return ProviderFailure(provider: endpoint.name, model: endpoint.model, action: action, status: status,
                               code: code, message: clean, retryAfter: retryAfter, usage: usage)
    }

    /// The classification shared by every provider for statuses its body did not settle.
    func defaultAction(for status: Int) -> FailureAction {
        switch status {
        case 401, 403: return .stop
        case 408, 409, 429: return .retry
        case 500...: return .retry
        default: return .fallback
        }
    }

    /// `x-should-retry` overrides the status classification, as in the official SDKs.
    func applyShouldRetry(_ action: FailureAction, headers: HTTPHeaders) -> FailureAction {
        guard action != .stop, let value = headers["x-should-retry"]?.lowercased() else { return action }
        if value == "true" { return .retry }
        if value == "false" { return .fallback }
        return action
    }

    func rateLimit(_ headers: HTTPHeaders) -> RateLimitInfo? { nil }

    /// Body text for error messages when the body is not the provider's JSON error shape.
    func plainMessage(_ body: Data, status: Int) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "HTTP \(status) with an empty body" : text
    }
}
