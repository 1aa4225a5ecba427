#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What arrived while waiting for the sign-in redirect.
public enum RedirectEvent: Equatable, Sendable {
    /// The browser requested this target (path and query) on the loopback port.
    case redirect(String)
    /// The person pasted a line on standard input (over SSH: the redirect URL from the address bar).
    case pasted(String)
}

/// Listens on 127.0.0.1 for the browser's redirect after consent. Only the loopback interface
/// is bound, so nothing outside this machine can deliver a code.
public final class RedirectListener: @unchecked Sendable {
    /// The port listened on.
    public let port: Int
    private let listener: Int32
    /// Part of a pasted line read by an earlier wait, kept for the next one.
    private var partialLine = [UInt8]()

    /// Binds 127.0.0.1 on `port` (0 picks a free port).
    public init(port: Int = 0) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ConnectorError.invalidInput("cannot open a socket for the sign-in redirect") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw ConnectorError.invalidInput("cannot listen on 127.0.0.1:\(port) for the sign-in redirect (is the port in use?)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(listener) }

    /// `http://127.0.0.1:<port>`: the redirect URI registered for desktop clients.
    public var redirectURI: String { "http://127.0.0.1:\(port)" }

    /// Waits up to `timeout` seconds for a redirect carrying a query, or for a pasted line on
    /// `input` (a file descriptor, usually standard input). Other requests (a favicon) are
    /// answered 404 and waiting goes on. Returns nil on timeout.
    public func next(timeout: TimeInterval, input: Int32? = nil) -> RedirectEvent? {
        let deadline = Date().addingTimeInterval(timeout)
        var line = LineBuffer(fd: input, pending: partialLine)
        defer { partialLine = line.pending }
        while Date() < deadline {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            if let fd = line.fd { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let wait = Int32(max(1, min(500, deadline.timeIntervalSinceNow * 1000)))
            guard poll(&fds, nfds_t(fds.count), wait) > 0 else { continue }
            if fds[0].revents & Int16(POLLIN) != 0, let target = serveOne(), target.contains("?") {
                return .redirect(target)
            }
            if fds.count > 1, fds[1].revents & Int16(POLLIN | POLLHUP) != 0, let pasted = line.readLine() {
                return .pasted(pasted)
            }
        }
        return nil
    }

    /// Accepts one connection, reads its request line and answers it; returns the target.
    private func serveOne() -> String? {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return nil }
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        var head = [UInt8]()
        for _ in 0..<64 where !head.containsHeadEnd {
            var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 2000) > 0 else { break }
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            head.append(contentsOf: buffer[0..<count])
        }
        let line = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        let target = parts.count >= 2 ? String(parts[1]) : nil
        let found = target?.contains("?") == true
        let body = found ? "Formwork: sign-in received. You can close this tab and return to the terminal.\n" : "not found\n"
        let reply = "HTTP/1.1 \(found ? "200 OK" : "404 Not Found")\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        _ = reply.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        return target
    }
}

/// Collects a pasted line byte by byte without blocking past what poll reported.
private struct LineBuffer {
    /// The descriptor still watched; nil once it reached end of file (a closed or null
    /// standard input must not make the wait spin).
    var fd: Int32?
    var pending = [UInt8]()

    /// Reads what is available; returns a complete non-empty line when one arrived.
    mutating func readLine() -> String? {
        guard let source = fd else { return nil }
        var byte: UInt8 = 0
        var first = true
        while true {
            // After the first byte (which poll reported), read only what is already there, so a
            // half-written line never blocks the wait for the browser.
            if !first {
                var ready = pollfd(fd: source, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 0) > 0 else { return nil }
            }
            first = false
            let count = read(source, &byte, 1)
            if count == 0 { fd = nil }
            guard count == 1 else { return nil }
            if byte == 10 {
                let line = String(decoding: pending, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                pending = []
                if !line.isEmpty { return line }
                return nil
            }
            pending.append(byte)
        }
    }
}

private extension Array where Element == UInt8 {
    var containsHeadEnd: Bool {
        count >= 4 && (0...(count - 4)).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
