import CCurl
import Foundation

/// Turns a libcurl result code into an `HTTPError`.
enum CurlErrorMapping {
    static func error(for code: CURLcode, request: HTTPRequest, sawResponse: Bool) -> HTTPError {
        let url = request.url, timeouts = request.timeouts
        let host = url.host ?? url.absoluteString
        let reason = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL(url.absoluteString)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            return .connectionFailed(host: host, reason: reason)
        case CURLE_OPERATION_TIMEDOUT:
            return sawResponse ? .timedOut(.total, after: timeouts.total) : .timedOut(.connect, after: timeouts.connect)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            return .tls(reason)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(limit: request.maxRedirects)
        default:
            return .transport(code: Int(code.rawValue), reason: reason)
        }
    }
}
