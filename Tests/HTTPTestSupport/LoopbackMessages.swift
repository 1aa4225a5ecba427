import Foundation

/// A request the loopback server received.
public struct LoopbackRequest: Sendable {
    /// 0 for the first request the server received, 1 for the next, and so on.
    public var index: Int
    /// The method, e.g. "POST".
    public var method: String
    /// The request target as sent: a path with query, or an absolute URL when sent to a proxy.
    public var target: String
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: Data

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The path without the query.
    public var path: String {
        let afterAuthority: Substring
        if let range = target.range(of: "://"), let slash = target[range.upperBound...].firstIndex(of: "/") {
            afterAuthority = target[slash...]
        } else {
            afterAuthority = Substring(target)
        }
        return String(afterAuthority.split(separator: "?", maxSplits: 1).first ?? "")
    }

    /// The query parameters (undecoded values).
    public var query: [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return result
    }

    /// The body as a JSON object, or nil.
    public var jsonBody: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}

/// One thing the server does while answering.
public enum LoopbackStep: Sendable {
    /// Writes bytes.
    case send(Data)
    /// Waits, then continues.
    case pause(TimeInterval)
    /// Goes silent until the server stops (or 30 s pass): a stalled upstream.
    case stall
}

/// How the server answers one request.
public struct LoopbackResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields (Content-Length and Connection are added by the server).
    public var headers: [(name: String, value: String)]
    /// What to write after the head, in order.
    public var steps: [LoopbackStep]
    /// Whether to stall before sending even the status line.
    public var stallBeforeHead: Bool

    /// A response from its parts.
    public init(status: Int, headers: [(name: String, value: String)] = [], steps: [LoopbackStep] = [], stallBeforeHead: Bool = false) {
        self.status = status
        self.headers = headers
        self.steps = steps
        self.stallBeforeHead = stallBeforeHead
    }

    /// A response with a text body.
    public static func text(_ status: Int, _ body: String, headers: [(name: String, value: String)] = [], contentType: String = "text/plain") -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", contentType)] + headers, steps: [.send(Data(body.utf8))])
    }

    /// A response with a JSON body.
    public static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        text(status, body, headers: headers, contentType: "application/json")
    }

    /// A `text/event-stream` response writing each chunk as it is given (callers include the
    /// `data:` prefixes and blank lines), with a short pause between chunks so they arrive apart.
    public static func eventStream(_ chunks: [String], status: Int = 200, headers: [(name: String, value: String)] = [], thenStall: Bool = false) -> LoopbackResponse {
        var steps: [LoopbackStep] = []
        for chunk in chunks {
            steps.append(.send(Data(chunk.utf8)))
            steps.append(.pause(0.002))
        }
        if thenStall { steps.append(.stall) }
        return LoopbackResponse(status: status, headers: [("Content-Type", "text/event-stream")] + headers, steps: steps)
    }

    /// A status line and headers, then silence.
    public static func stallAfterHead(status: Int = 200, contentType: String = "text/event-stream") -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", contentType)], steps: [.stall])
    }

    /// Silence from the first byte.
    public static var stallBeforeHead: LoopbackResponse {
        LoopbackResponse(status: 200, stallBeforeHead: true)
    }

    /// Whether the body is one write (so the server can send a Content-Length).
    var singleBody: Data? {
        guard steps.count == 1, case .send(let data) = steps[0] else { return steps.isEmpty ? Data() : nil }
        return data
    }
}
