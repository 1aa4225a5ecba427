#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A tiny HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for fake upstreams in tests.
/// Each connection is served on its own thread: read one request, answer it with the handler's
/// response, close. Every wait is bounded so a forgotten server cannot hang a test run.
public final class LoopbackServer: @unchecked Sendable {
    /// The port the server listens on.
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (LoopbackRequest) -> LoopbackResponse
    private let lock = NSLock()
    private var stopped = false
    private var received: [LoopbackRequest] = []
    private var openConnections: Set<Int32> = []
    private let greeting: Data?

    /// Starts a server that answers every request with `handler`'s response.
    public init(handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) throws {
        self.handler = handler
        self.greeting = nil
        (listener, port) = try Self.listen()
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    /// Starts a server that writes `greeting` as soon as a client connects, reads nothing and
    /// closes: a peer that does not speak the client's protocol (plain HTTP to a TLS client).
    public init(greeting: Data) throws {
        self.handler = { _ in LoopbackResponse(status: 500) }
        self.greeting = greeting
        (listener, port) = try Self.listen()
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port>` followed by `path`.
    public func url(_ path: String = "") -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Every request received so far, in order.
    public var requests: [LoopbackRequest] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Stops listening and drops every open connection, ending any stall.
    public func stop() {
        // Shut down (not close) under the lock: the owning threads close their descriptors, so a
        // descriptor number is never reused while another thread still acts on it.
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        for fd in openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released).
    public static func unusedPort() throws -> Int {
        let (fd, port) = try listen()
        close(fd)
        return port
    }

    private static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw LoopbackError.socket("bind", errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0, !isStopped else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            lock.lock()
            guard !stopped else {
                lock.unlock()
                close(client)
                return
            }
            openConnections.insert(client)
            lock.unlock()
            Thread { [weak self] in self?.serve(client) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.lock()
            openConnections.remove(fd)
            close(fd)
            lock.unlock()
        }
        if let greeting {
            LoopbackWire.write(fd, greeting)
            return
        }
        guard var request = LoopbackWire.readRequest(fd) else { return }
        lock.lock()
        request.index = received.count
        received.append(request)
        lock.unlock()
        let response = handler(request)
        if response.stallBeforeHead { waitUntilStopped(); return }
        LoopbackWire.write(fd, LoopbackWire.head(for: response))
        for step in response.steps where !isStopped {
            switch step {
            case .send(let data): LoopbackWire.write(fd, data)
            case .pause(let seconds): Thread.sleep(forTimeInterval: seconds)
            case .stall: waitUntilStopped()
            }
        }
    }

    private func waitUntilStopped() {
        let deadline = Date().addingTimeInterval(30)
        while !isStopped && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
}

/// A socket call failed while starting a loopback server.
public enum LoopbackError: Error, CustomStringConvertible {
    /// The named call failed with this errno.
    case socket(String, Int32)

    /// One line naming the call and the error.
    public var description: String {
        switch self {
        case .socket(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
