import Foundation
import HTTP
import HTTPTestSupport
import XCTest

final class TimeoutAndCancellationTests: XCTestCase {
    let client = CurlHTTPClient(environment: [:])
    let short = HTTPTimeouts(connect: 2, total: 10, idle: 0.3)

    func testStallBeforeTheFirstByteIsAnIdleTimeout() throws {
        let server = try LoopbackServer { _ in .stallBeforeHead }
        defer { server.stop() }
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.url("/"), timeouts: short))) { error in
            XCTAssertEqual(error as? HTTPError, .timedOut(.idle, after: 0.3))
        }
    }

    func testStallMidStreamIsAnIdleTimeoutAfterTheDataSoFar() throws {
        let server = try LoopbackServer { _ in .eventStream(["data: first\n\n"], thenStall: true) }
        defer { server.stop() }
        var received = Data()
        XCTAssertThrowsError(try client.stream(HTTPRequest(url: server.url("/"), timeouts: short), cancellation: nil, onHead: { _ in }, onData: { received.append($0) })) { error in
            XCTAssertEqual(error as? HTTPError, .timedOut(.idle, after: 0.3))
        }
        XCTAssertEqual(String(decoding: received, as: UTF8.self), "data: first\n\n")
    }

    func testSlowTrickleHitsTheTotalLimit() throws {
        let steps = (0..<200).flatMap { _ in [LoopbackStep.send(Data("x".utf8)), .pause(0.02)] }
        let server = try LoopbackServer { _ in LoopbackResponse(status: 200, steps: steps) }
        defer { server.stop() }
        let timeouts = HTTPTimeouts(connect: 2, total: 0.5, idle: 2)
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.url("/"), timeouts: timeouts))) { error in
            XCTAssertEqual(error as? HTTPError, .timedOut(.total, after: 0.5))
        }
    }

    func testCancellationFromAnotherThreadStopsAStalledRequest() throws {
        let server = try LoopbackServer { _ in .stallAfterHead() }
        defer { server.stop() }
        let token = CancellationToken()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { token.cancel() }
        let timeouts = HTTPTimeouts(connect: 2, total: 20, idle: 20)
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.url("/"), timeouts: timeouts), cancellation: token)) { error in
            XCTAssertEqual(error as? HTTPError, .cancelled)
        }
        XCTAssertTrue(token.isCancelled)
    }

    func testAlreadyCancelledTokenStopsAtOnce() throws {
        let server = try LoopbackServer { _ in .stallBeforeHead }
        defer { server.stop() }
        let token = CancellationToken()
        token.cancel()
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.url("/")), cancellation: token)) { error in
            XCTAssertEqual(error as? HTTPError, .cancelled)
        }
    }
}
