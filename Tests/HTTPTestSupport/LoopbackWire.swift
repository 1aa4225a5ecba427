#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reading requests from and writing responses to a socket.
enum LoopbackWire {
    static let reasons = [200: "OK", 201: "Created", 302: "Found", 400: "Bad Request", 401: "Unauthorized",
                          402: "Payment Required", 403: "Forbidden", 404: "Not Found", 408: "Request Timeout",
                          409: "Conflict", 429: "Too Many Requests", 500: "Internal Server Error",
                          502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout", 529: "Overloaded"]

    static func readRequest(_ fd: Int32) -> LoopbackRequest? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var attempts = 0
        while headEnd == nil {
            attempts += 1
            guard attempts < 10_000, let count = readSome(fd, &chunk) else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            headEnd = find(separator, in: buffer)
        }
        guard let end = headEnd else { return nil }
        let headText = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers: [(name: String, value: String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            attempts += 1
            guard attempts < 10_000, let count = readSome(fd, &chunk) else { break }
            body.append(contentsOf: chunk[0..<count])
        }
        return LoopbackRequest(index: 0, method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: Data(body))
    }

    /// Reads what is available, waiting at most 5 s; nil at end of stream or on error.
    private static func readSome(_ fd: Int32, _ chunk: inout [UInt8]) -> Int? {
        for _ in 0..<100 {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 5000)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? count : nil
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }

    static func head(for response: LoopbackResponse) -> Data {
        var text = "HTTP/1.1 \(response.status) \(reasons[response.status] ?? "Status")\r\n"
        for header in response.headers { text += "\(header.name): \(header.value)\r\n" }
        if let body = response.singleBody { text += "Content-Length: \(body.count)\r\n" }
        text += "Connection: close\r\n\r\n"
        return Data(text.utf8)
    }

    static func write(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }
}
