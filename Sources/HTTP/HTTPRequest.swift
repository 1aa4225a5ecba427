import Foundation

/// The HTTP methods the clients in this project send.
public enum HTTPMethod: String, Sendable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE", head = "HEAD"
}

/// How long a request may take. Every limit is enforced by our own loop, not only by libcurl,
/// so a server that goes silent from the first byte still times out.
public struct HTTPTimeouts: Sendable, Equatable {
    /// Longest time to establish the TCP (and TLS) connection.
    public var connect: TimeInterval
    /// Longest time for the whole exchange, from start to the last body byte.
    public var total: TimeInterval
    /// Longest silence: no byte received (headers or body) for this long fails the request.
    /// It also bounds the wait for the first byte.
    public var idle: TimeInterval

    /// Timeouts with the given limits.
    public init(connect: TimeInterval = 10, total: TimeInterval = 120, idle: TimeInterval = 30) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }
}

/// One HTTP request: what to send and how long to wait.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute `http` or `https` URL.
    public var url: URL
    /// Request header fields.
    public var headers: HTTPHeaders
    /// The request body, if any.
    public var body: Data?
    /// Time limits.
    public var timeouts: HTTPTimeouts
    /// Whether to follow redirects (up to `maxRedirects`).
    public var followRedirects: Bool
    /// How many redirects to follow before failing.
    public var maxRedirects: Int
    /// The largest response body `send` keeps in memory; larger responses fail.
    public var maxResponseBytes: Int

    /// A request with the defaults: follow up to 5 redirects, keep at most 64 MiB.
    public init(
        method: HTTPMethod = .get, url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
        timeouts: HTTPTimeouts = HTTPTimeouts(), followRedirects: Bool = true, maxRedirects: Int = 5,
        maxResponseBytes: Int = 64 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.maxResponseBytes = maxResponseBytes
    }

    /// A POST of a JSON body with `Content-Type: application/json`.
    public static func postJSON(_ url: URL, body: Data, headers: HTTPHeaders = [:], timeouts: HTTPTimeouts = HTTPTimeouts()) -> HTTPRequest {
        var all = headers
        all.set("Content-Type", "application/json")
        return HTTPRequest(method: .post, url: url, headers: all, body: body, timeouts: timeouts)
    }
}
