import CCurl
import Foundation

/// One request on one easy handle, driven by a multi handle so that our loop wakes every
/// 50 ms to check cancellation and the idle and total deadlines. libcurl's own timeouts only
/// back this up: its low-speed check has one-second granularity and its total timeout fires
/// late on some servers that stay silent.
final class CurlTransfer {
    private let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let request: HTTPRequest
    private let onHead: (HTTPResponseHead) throws -> Void
    private let onData: (Data) throws -> Void

    private var head = HTTPResponseHead(status: 0)
    private var headDelivered = false
    private var lastActivity: TimeInterval
    private var connected = false
    private var uploaded: Int64 = 0
    /// An error raised inside a callback; it ends the transfer and is rethrown by `run`.
    private var callbackError: Error?

    init(
        request: HTTPRequest, proxy: ProxySettings, userAgent: String,
        onHead: @escaping (HTTPResponseHead) throws -> Void, onData: @escaping (Data) throws -> Void
    ) throws {
        guard let easy = curl_easy_init() else { throw HTTPError.transport(code: -1, reason: "cannot create a curl handle") }
        self.easy = easy
        self.request = request
        self.onHead = onHead
        self.onData = onData
        self.lastActivity = Self.now()
        headerList = CurlOptions.apply(request: request, proxy: proxy, userAgent: userAgent, to: easy)
        let context = Unmanaged.passUnretained(self).toOpaque()
        ccurl_set_pointer(easy, CURLOPT_HEADERDATA, context)
        ccurl_set_data_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        ccurl_set_pointer(easy, CURLOPT_WRITEDATA, context)
        ccurl_set_data_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
    }

    static func now() -> TimeInterval { ProcessInfo.processInfo.systemUptime }

    /// Runs the transfer to completion on the calling thread.
    func run(cancellation: CancellationToken?) throws -> HTTPResponseHead {
        guard let multi = curl_multi_init() else { throw HTTPError.transport(code: -1, reason: "cannot create a curl multi handle") }
        curl_multi_add_handle(multi, easy)
        defer {
            curl_multi_remove_handle(multi, easy)
            curl_multi_cleanup(multi)
        }
        let started = Self.now()
        var running: Int32 = 1
        while running > 0 {
            curl_multi_perform(multi, &running)
            if callbackError != nil { break }
            if running == 0 { break }
            if cancellation?.isCancelled == true { throw HTTPError.cancelled }
            let now = Self.now()
            if now - started > request.timeouts.total { throw HTTPError.timedOut(.total, after: request.timeouts.total) }
            if !connected, ccurl_connect_time_us(easy) > 0 {
                // Until the connection is made the connect limit applies (libcurl's); from then
                // on, silence is idleness.
                connected = true
                lastActivity = max(lastActivity, now)
            }
            let sent = Int64(ccurl_uploaded_bytes(easy))
            if sent > uploaded {
                // A large body still going out is activity too, not silence.
                uploaded = sent
                lastActivity = now
            }
            if connected, now - lastActivity > request.timeouts.idle { throw HTTPError.timedOut(.idle, after: request.timeouts.idle) }
            curl_multi_poll(multi, nil, 0, 50, nil)
        }
        if let callbackError { throw callbackError }
        let result = Self.completionResult(multi)
        guard result == CURLE_OK else { throw CurlErrorMapping.error(for: result, request: request, sawResponse: head.status != 0) }
        try deliverHead()
        return head
    }

    private static func completionResult(_ multi: UnsafeMutableRawPointer) -> CURLcode {
        var pending: Int32 = 0
        while let message = curl_multi_info_read(multi, &pending) {
            if ccurl_message_is_done(message) != 0 { return ccurl_message_result(message) }
        }
        return CURLE_OK
    }

    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        lastActivity = Self.now()
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new status line starts a new response (after a redirect or a 100 Continue).
            let parts = line.split(separator: " ", maxSplits: 2)
            head = HTTPResponseHead(status: parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            head.headers.add(name, value)
        }
        return bytes.count
    }

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        lastActivity = Self.now()
        do {
            try deliverHead()
            try onData(Data(bytes))
            return bytes.count
        } catch {
            callbackError = error
            return 0
        }
    }

    private func deliverHead() throws {
        guard !headDelivered else { return }
        headDelivered = true
        let code = ccurl_response_code(easy)
        if code > 0 { head.status = Int(code) }
        if let effective = ccurl_effective_url(easy) { head.url = URL(string: String(cString: effective)) }
        try onHead(head)
    }
}
