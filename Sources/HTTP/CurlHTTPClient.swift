import CCurl
import Foundation

/// libcurl must be initialised once per process before any handle is created.
private let curlGlobalSetup: Void = {
    curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}()

/// The HTTP client over libcurl: TLS verification always on, proxies from the environment,
/// redirects, connect/idle/total timeouts enforced by our own transfer loop, cancellation.
public struct CurlHTTPClient: HTTPClient {
    /// The environment proxies are read from.
    public let environment: [String: String]
    /// Sent as `User-Agent` unless the request sets one.
    public let userAgent: String

    /// A client reading proxies from `environment` (the process environment by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, userAgent: String = "formwork/0.1") {
        self.environment = environment
        self.userAgent = userAgent
    }

    /// Sends a request and returns the whole response, whatever its status.
    public func send(_ request: HTTPRequest, cancellation: CancellationToken? = nil) throws -> HTTPResponse {
        var body = Data()
        let head = try stream(request, cancellation: cancellation, onHead: { _ in }, onData: { chunk in
            guard body.count + chunk.count <= request.maxResponseBytes else {
                throw HTTPError.responseTooLarge(limit: request.maxResponseBytes)
            }
            body.append(chunk)
        })
        return HTTPResponse(head: head, body: body)
    }

    /// Sends a request and hands the body to `onData` as it arrives.
    @discardableResult
    public func stream(
        _ request: HTTPRequest, cancellation: CancellationToken? = nil,
        onHead: (HTTPResponseHead) throws -> Void, onData: (Data) throws -> Void
    ) throws -> HTTPResponseHead {
        try Self.validate(request.url)
        _ = curlGlobalSetup
        let proxy = ProxySettings.resolve(for: request.url, environment: environment)
        return try withoutActuallyEscaping(onHead) { onHead in
            try withoutActuallyEscaping(onData) { onData in
                let transfer = try CurlTransfer(request: request, proxy: proxy, userAgent: userAgent, onHead: onHead, onData: onData)
                return try transfer.run(cancellation: cancellation)
            }
        }
    }

    static func validate(_ url: URL) throws {
        let scheme = url.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw HTTPError.invalidURL(url.absoluteString)
        }
    }
}
