import Connectors
import Foundation
import HTTP
import HTTPTestSupport

/// A clock whose sleeps only move time forward and are recorded, so polling and backoff run
/// instantly and the waits can be checked.
public final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_790_000_000)
    private var slept: [TimeInterval] = []

    /// A clock at a fixed starting time.
    public init() {}

    public var now: Date { lock.withLock { current } }
    public var sleeps: [TimeInterval] { lock.withLock { slept } }

    public var clock: ConnectorClock {
        ConnectorClock(now: { [self] in now }, sleep: { [self] seconds in
            lock.withLock {
                slept.append(seconds)
                current = current.addingTimeInterval(seconds)
            }
        })
    }
}

/// Mutable state shared between a fake server's handler threads and the test.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    public init(_ value: Value) { self.value = value }
    public func read<T>(_ body: (Value) -> T) -> T { lock.withLock { body(value) } }
    public func update<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}

extension LoopbackRequest {
    /// The body decoded as a form.
    public var form: [String: String] {
        var result: [String: String] = [:]
        for (name, value) in FormBody.decode(String(decoding: body, as: UTF8.self)) { result[name] = value }
        return result
    }

    /// The query values percent-decoded.
    public var decodedQuery: [String: String] {
        query.mapValues { $0.removingPercentEncoding ?? $0 }
    }

    /// The path percent-decoded.
    public var decodedPath: String { path.removingPercentEncoding ?? path }
}

/// A JSON response from any JSON-compatible value.
public func jsonResponse(_ status: Int, _ object: Any, headers: [(name: String, value: String)] = []) -> LoopbackResponse {
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
    return LoopbackResponse(status: status, headers: [("Content-Type", "application/json")] + headers, steps: [.send(data)])
}

/// A sender that never really waits.
public func testSender(_ service: String, clock: FakeClock) -> RetryingSender {
    RetryingSender(client: CurlHTTPClient(environment: [:]), service: service, clock: clock.clock)
}
