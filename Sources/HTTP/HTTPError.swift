import Foundation

/// Which time limit a request exceeded.
public enum HTTPTimeoutKind: String, Sendable {
    /// The connection was not established in time.
    case connect
    /// No byte arrived for the idle limit (including before the first byte).
    case idle
    /// The whole exchange took longer than the total limit.
    case total
}

/// Why a request failed before a complete response was received. Messages never contain
/// header values, so a key in a header cannot leak through an error.
public enum HTTPError: Error, Equatable, CustomStringConvertible {
    /// The URL is not an absolute http or https URL.
    case invalidURL(String)
    /// Could not connect (refused, unreachable, DNS failure).
    case connectionFailed(host: String, reason: String)
    /// A time limit was exceeded.
    case timedOut(HTTPTimeoutKind, after: TimeInterval)
    /// The caller cancelled the request.
    case cancelled
    /// The TLS handshake or certificate verification failed.
    case tls(String)
    /// The response was larger than the request's `maxResponseBytes`.
    case responseTooLarge(limit: Int)
    /// Too many redirects.
    case tooManyRedirects(limit: Int)
    /// Any other transport failure reported by libcurl.
    case transport(code: Int, reason: String)

    /// One line saying what went wrong.
    public var description: String {
        switch self {
        case .invalidURL(let url): return "invalid URL '\(url)': only absolute http and https URLs are allowed"
        case .connectionFailed(let host, let reason): return "cannot connect to \(host): \(reason)"
        case .timedOut(let kind, let seconds):
            let what: String
            switch kind {
            case .connect: what = "connecting"
            case .idle: what = "waiting for data"
            case .total: what = "waiting for the whole response"
            }
            return "timed out after \(Self.format(seconds)) s \(what)"
        case .cancelled: return "request cancelled"
        case .tls(let reason): return "TLS failure: \(reason)"
        case .responseTooLarge(let limit): return "response larger than \(limit) bytes"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .transport(let code, let reason): return "transfer failed (curl \(code)): \(reason)"
        }
    }

    private static func format(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
