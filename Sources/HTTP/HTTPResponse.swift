import Foundation

/// The status line and header fields of the final response (after redirects).
public struct HTTPResponseHead: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The response header fields.
    public var headers: HTTPHeaders
    /// The URL that answered, after any redirects.
    public var url: URL?

    /// A head with the given status and headers.
    public init(status: Int, headers: HTTPHeaders = [:], url: URL? = nil) {
        self.status = status
        self.headers = headers
        self.url = url
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// A complete response: head and the whole body.
public struct HTTPResponse: Sendable {
    /// Status and headers.
    public var head: HTTPResponseHead
    /// The body bytes.
    public var body: Data

    /// A response from its parts.
    public init(head: HTTPResponseHead, body: Data) {
        self.head = head
        self.body = body
    }

    /// The status code.
    public var status: Int { head.status }
    /// The header fields.
    public var headers: HTTPHeaders { head.headers }
    /// The body decoded as UTF-8 (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
