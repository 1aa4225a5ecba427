import Foundation
import HTTP

/// One configured deployment: which wire format, which model, where, with which key.
public struct ProviderEndpoint: Sendable {
    /// The name used in the chain, the ledger and the report ("openai", "local-llama").
    public var name: String
    /// The wire format.
    public var kind: ProviderKind
    /// The model id sent to the server.
    public var model: String
    /// The base URL following the provider SDK's convention (OpenAI's includes `/v1`).
    public var baseURL: URL
    /// The key, if the provider needs one.
    public var apiKey: Secret?
    /// Time limits for one call.
    public var timeouts: HTTPTimeouts
    /// Whether to stream the response (buffered whole before it is accepted).
    public var stream: Bool
    /// At most this many requests per minute to this deployment (nil: no pacing).
    public var requestsPerMinute: Double?
    /// Extra request headers (OpenAI organisation and project, a gateway's routing headers).
    public var extraHeaders: HTTPHeaders

    /// An endpoint from its parts.
    public init(
        name: String, kind: ProviderKind, model: String, baseURL: URL, apiKey: Secret? = nil,
        timeouts: HTTPTimeouts = HTTPTimeouts(connect: 10, total: 120, idle: 30), stream: Bool = true,
        requestsPerMinute: Double? = nil, extraHeaders: HTTPHeaders = [:]
    ) {
        self.name = name
        self.kind = kind
        self.model = model
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.timeouts = timeouts
        self.stream = stream
        self.requestsPerMinute = requestsPerMinute
        self.extraHeaders = extraHeaders
    }

    /// The extra headers followed by the format's own (which win on a clash).
    func headers(_ own: HTTPHeaders) -> HTTPHeaders {
        var all = extraHeaders
        for field in own { all.set(field.name, field.value) }
        return all
    }

    /// `baseURL` with a path appended, without doubling slashes.
    func url(_ path: String, query: String? = nil) -> URL {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let suffix = path.hasPrefix("/") ? path : "/" + path
        return URL(string: base + suffix + (query.map { "?" + $0 } ?? "")) ?? baseURL
    }
}
