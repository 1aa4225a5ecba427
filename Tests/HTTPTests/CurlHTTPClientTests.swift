import Foundation
import HTTP
import HTTPTestSupport
import XCTest

final class CurlHTTPClientTests: XCTestCase {
    let client = CurlHTTPClient(environment: [:])

    func testGetReturnsStatusHeadersAndBody() throws {
        let server = try LoopbackServer { _ in .json(200, #"{"ok":true}"#, headers: [("X-Request-Id", "req-1")]) }
        defer { server.stop() }
        let response = try client.send(HTTPRequest(url: server.url("/hello?x=1")))
        XCTAssertEqual(response.status, 200)
        XCTAssertTrue(response.head.isSuccess)
        XCTAssertEqual(response.headers["x-request-id"], "req-1")
        XCTAssertEqual(response.text, #"{"ok":true}"#)
        XCTAssertEqual(response.head.url?.path, "/hello")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/hello")
        XCTAssertEqual(request.query["x"], "1")
        XCTAssertEqual(request.header("User-Agent"), "formwork/0.1")
    }

    func testPostSendsBodyAndHeadersWithoutExpectContinue() throws {
        let server = try LoopbackServer { _ in .json(201, "{}") }
        defer { server.stop() }
        let body = Data(String(repeating: "x", count: 5000).utf8)
        let request = HTTPRequest.postJSON(server.url("/v1/items"), body: body, headers: ["Authorization": "Bearer k", "X-Empty": ""])
        let response = try client.send(request)
        XCTAssertEqual(response.status, 201)
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.method, "POST")
        XCTAssertEqual(received.body, body)
        XCTAssertEqual(received.header("content-type"), "application/json")
        XCTAssertEqual(received.header("authorization"), "Bearer k")
        XCTAssertEqual(received.header("x-empty"), "")
        XCTAssertNil(received.header("expect"))
    }

    func testOtherMethods() throws {
        let server = try LoopbackServer { request in .text(200, request.method) }
        defer { server.stop() }
        for method in [HTTPMethod.put, .patch, .delete] {
            let response = try client.send(HTTPRequest(method: method, url: server.url("/m"), body: Data("b".utf8)))
            XCTAssertEqual(response.text, method.rawValue)
        }
        let empty = try client.send(HTTPRequest(method: .post, url: server.url("/m")))
        XCTAssertEqual(empty.text, "POST")
        XCTAssertEqual(try client.send(HTTPRequest(method: .put, url: server.url("/m"), body: Data())).text, "PUT")
        let head = try client.send(HTTPRequest(method: .head, url: server.url("/m")))
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
        XCTAssertEqual(server.requests.map(\.method), ["PUT", "PATCH", "DELETE", "POST", "PUT", "HEAD"])
        XCTAssertEqual(server.requests[4].header("content-length"), "0")
    }

    func testErrorStatusesAreResponsesNotErrors() throws {
        let server = try LoopbackServer { _ in .json(503, #"{"error":"busy"}"#, headers: [("Retry-After", "2")]) }
        defer { server.stop() }
        let response = try client.send(HTTPRequest(url: server.url("/")))
        XCTAssertEqual(response.status, 503)
        XCTAssertFalse(response.head.isSuccess)
        XCTAssertEqual(response.headers["retry-after"], "2")
    }

    func testStreamDeliversHeadThenChunksInOrder() throws {
        let server = try LoopbackServer { _ in .eventStream(["data: one\n\n", "data: two\n\n", "data: three\n\n"]) }
        defer { server.stop() }
        var order: [String] = []
        var parser = SSEParser()
        let head = try client.stream(HTTPRequest(url: server.url("/stream")), cancellation: nil, onHead: { head in
            order.append("head \(head.status)")
        }, onData: { chunk in
            order.append(contentsOf: parser.feed(chunk).map(\.data))
        })
        order.append(contentsOf: parser.finish().map(\.data))
        XCTAssertEqual(head.headers["content-type"], "text/event-stream")
        XCTAssertEqual(order, ["head 200", "one", "two", "three"])
    }

    func testRedirectsAreFollowed() throws {
        let server = try LoopbackServer { request in
            request.path == "/old" ? LoopbackResponse(status: 302, headers: [("Location", "/new")], steps: [.send(Data("moved".utf8))]) : .text(200, "arrived")
        }
        defer { server.stop() }
        let response = try client.send(HTTPRequest(url: server.url("/old")))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, "arrived")
        XCTAssertEqual(response.head.url?.path, "/new")
        XCTAssertNil(response.headers["location"], "headers are those of the final response")

        let unfollowed = try client.send(HTTPRequest(url: server.url("/old"), followRedirects: false))
        XCTAssertEqual(unfollowed.status, 302)
        XCTAssertEqual(unfollowed.headers["location"], "/new")
    }

    func testRedirectLoopFails() throws {
        let server = try LoopbackServer { _ in LoopbackResponse(status: 302, headers: [("Location", "/again")]) }
        defer { server.stop() }
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.url("/"), maxRedirects: 2))) { error in
            XCTAssertEqual(error as? HTTPError, .tooManyRedirects(limit: 2))
        }
    }

    func testConnectionRefused() throws {
        let port = try LoopbackServer.unusedPort()
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/"))
        XCTAssertThrowsError(try client.send(HTTPRequest(url: url))) { error in
            guard case .connectionFailed(let host, _)? = error as? HTTPError else { return XCTFail("\(error)") }
            XCTAssertEqual(host, "127.0.0.1")
        }
    }

    func testInvalidURLsAreRefusedBeforeAnyIO() throws {
        for text in ["ftp://127.0.0.1/file", "file:///etc/passwd", "http:///nohost"] {
            let url = try XCTUnwrap(URL(string: text))
            XCTAssertThrowsError(try client.send(HTTPRequest(url: url))) { error in
                guard case .invalidURL? = error as? HTTPError else { return XCTFail("\(error)") }
            }
        }
    }

    func testHTTPSAgainstAPlainServerIsATLSFailure() throws {
        let server = try LoopbackServer(greeting: Data("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".utf8))
        defer { server.stop() }
        let url = try XCTUnwrap(URL(string: "https://127.0.0.1:\(server.port)/"))
        XCTAssertThrowsError(try client.send(HTTPRequest(url: url, timeouts: HTTPTimeouts(connect: 5, total: 10, idle: 5)))) { error in
            guard case .tls? = error as? HTTPError else { return XCTFail("\(error)") }
        }
    }

    func testResponseLargerThanTheLimitFails() throws {
        let server = try LoopbackServer { _ in .text(200, String(repeating: "a", count: 4096)) }
        defer { server.stop() }
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.url("/"), maxResponseBytes: 1000))) { error in
            XCTAssertEqual(error as? HTTPError, .responseTooLarge(limit: 1000))
        }
    }

    func testErrorThrownByTheDataHandlerStopsTheTransfer() throws {
        struct Stop: Error {}
        let server = try LoopbackServer { _ in .eventStream(["a", "b"], thenStall: true) }
        defer { server.stop() }
        XCTAssertThrowsError(try client.stream(HTTPRequest(url: server.url("/")), cancellation: nil, onHead: { _ in }, onData: { _ in throw Stop() })) { error in
            XCTAssertTrue(error is Stop)
        }
    }

    func testErrorThrownByTheHeadHandlerStopsTheTransfer() throws {
        struct Refused: Error {}
        let server = try LoopbackServer { _ in .json(401, "{}") }
        defer { server.stop() }
        XCTAssertThrowsError(try client.stream(HTTPRequest(url: server.url("/")), cancellation: nil, onHead: { _ in throw Refused() }, onData: { _ in })) { error in
            XCTAssertTrue(error is Refused)
        }
    }
}
