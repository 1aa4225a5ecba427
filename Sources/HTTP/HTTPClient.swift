import Foundation

/// Sends HTTP requests. The product uses `CurlHTTPClient`; the protocol lets callers depend
/// on the capability, not on libcurl. Calls block the calling thread (AI and connector work runs
/// on job worker threads), and never retry: retrying is the caller's decision.
public protocol HTTPClient: Sendable {
    /// Sends a request and returns the whole response, whatever its status.
    func send(_ request: HTTPRequest, cancellation: CancellationToken?) throws -> HTTPResponse

    /// Sends a request and hands the body to `onData` as it arrives, after `onHead` has seen
    /// the final status and headers. An error thrown by either closure stops the transfer and
    /// is rethrown. Returns the head.
    @discardableResult
    func stream(
        _ request: HTTPRequest, cancellation: CancellationToken?,
        onHead: (HTTPResponseHead) throws -> Void, onData: (Data) throws -> Void
    ) throws -> HTTPResponseHead
}

extension HTTPClient {
    /// Sends a request without a cancellation token.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        try send(request, cancellation: nil)
    }
}
