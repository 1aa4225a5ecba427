import Foundation
import HTTP
import XCTest

final class HTTPValueTests: XCTestCase {
    func testHeadersAreCaseInsensitiveAndOrdered() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add("Set-Cookie", "a=1")
        headers.add("set-cookie", "b=2")
        XCTAssertEqual(headers["content-type"], "text/plain")
        XCTAssertEqual(headers.values("SET-COOKIE"), ["a=1", "b=2"])
        headers.set("Set-Cookie", "c=3")
        XCTAssertEqual(headers.values("set-cookie"), ["c=3"])
        headers.remove("CONTENT-TYPE")
        XCTAssertNil(headers["content-type"])
        XCTAssertEqual(headers, HTTPHeaders([(name: "SET-COOKIE", value: "c=3")]))
        XCTAssertNotEqual(headers, HTTPHeaders())
        XCTAssertEqual(Array(headers).count, 1)
    }

    func testErrorDescriptionsAreOneLine() {
        let errors: [HTTPError] = [
            .invalidURL("ftp://x"), .connectionFailed(host: "h", reason: "refused"), .timedOut(.connect, after: 10),
            .timedOut(.idle, after: 0.3), .timedOut(.total, after: 120), .cancelled, .tls("bad cert"),
            .responseTooLarge(limit: 5), .tooManyRedirects(limit: 5), .transport(code: 56, reason: "recv failure"),
        ]
        for error in errors {
            XCTAssertFalse(error.description.contains("\n"))
            XCTAssertFalse(error.description.isEmpty)
        }
        XCTAssertEqual(HTTPError.timedOut(.idle, after: 0.3).description, "timed out after 0.3 s waiting for data")
        XCTAssertEqual(HTTPError.timedOut(.connect, after: 10).description, "timed out after 10 s connecting")
    }

    func testRequestDefaults() throws {
        let url = try XCTUnwrap(URL(string: "https://api.example.com/v1"))
        let request = HTTPRequest.postJSON(url, body: Data("{}".utf8), headers: ["Content-Type": "text/plain"])
        XCTAssertEqual(request.method, .post)
        XCTAssertEqual(request.headers.values("content-type"), ["application/json"])
        XCTAssertTrue(request.followRedirects)
        XCTAssertEqual(request.timeouts, HTTPTimeouts())
        XCTAssertEqual(HTTPResponse(head: HTTPResponseHead(status: 204), body: Data()).text, "")
    }
}
