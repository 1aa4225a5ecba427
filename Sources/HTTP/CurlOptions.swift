import CCurl
import Foundation

/// Sets the options of an easy handle for one request.
enum CurlOptions {
    /// Applies the request to the handle; returns the header list the caller must free.
    static func apply(request: HTTPRequest, proxy: ProxySettings, userAgent: String, to easy: UnsafeMutableRawPointer) -> UnsafeMutablePointer<curl_slist>? {
        ccurl_set_string(easy, CURLOPT_URL, request.url.absoluteString)
        ccurl_set_long(easy, CURLOPT_NOSIGNAL, 1)
        ccurl_set_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_set_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // Verification is never turned off: there is no option for it on purpose.
        ccurl_set_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_set_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        ccurl_set_long(easy, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0)
        ccurl_set_long(easy, CURLOPT_MAXREDIRS, request.maxRedirects)
        ccurl_set_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        ccurl_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.timeouts.connect))
        // A backstop only: the transfer loop enforces the total limit itself.
        ccurl_set_long(easy, CURLOPT_TIMEOUT_MS, milliseconds(request.timeouts.total + 5))
        ccurl_set_string(easy, CURLOPT_PROXY, proxy.proxy ?? "")
        ccurl_set_string(easy, CURLOPT_NOPROXY, proxy.noProxy)
        applyMethod(request, to: easy)
        return headerList(request, userAgent: userAgent, on: easy)
    }

    private static func applyMethod(_ request: HTTPRequest, to easy: UnsafeMutableRawPointer) {
        switch request.method {
        case .get: ccurl_set_long(easy, CURLOPT_HTTPGET, 1)
        case .head: ccurl_set_long(easy, CURLOPT_NOBODY, 1)
        case .post, .put, .patch, .delete:
            if request.method != .post { ccurl_set_string(easy, CURLOPT_CUSTOMREQUEST, request.method.rawValue) }
            if let body = request.body, !body.isEmpty {
                ccurl_set_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                body.withUnsafeBytes { raw in
                    // COPYPOSTFIELDS copies the bytes, so the buffer need not outlive this call.
                    if let base = raw.baseAddress { _ = ccurl_set_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base)) }
                }
            } else if request.method == .post || request.body != nil {
                // An empty body is sent as one (Content-Length: 0), not left out.
                ccurl_set_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, 0)
                ccurl_set_string(easy, CURLOPT_COPYPOSTFIELDS, "")
            }
        }
    }

    private static func headerList(_ request: HTTPRequest, userAgent: String, on easy: UnsafeMutableRawPointer) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        var headers = request.headers
        if headers["User-Agent"] == nil { headers.add("User-Agent", userAgent) }
        // Without this, curl waits up to a second for "100 Continue" before sending a large body.
        if headers["Expect"] == nil { headers.add("Expect", "") }
        for field in headers {
            list = curl_slist_append(list, line(for: field))
        }
        ccurl_set_list(easy, CURLOPT_HTTPHEADER, list)
        return list
    }

    /// curl's header syntax: "Name:" removes a header curl would add itself (used for
    /// `Expect`), "Name;" sends a header with an empty value.
    private static func line(for field: (name: String, value: String)) -> String {
        guard field.value.isEmpty else { return "\(field.name): \(field.value)" }
        return field.name.lowercased() == "expect" ? "\(field.name):" : "\(field.name);"
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        Int(max(1, (seconds * 1000).rounded()))
    }
}
