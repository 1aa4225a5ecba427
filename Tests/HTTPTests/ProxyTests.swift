import Foundation
import HTTP
import HTTPTestSupport
import XCTest

final class ProxyTests: XCTestCase {
    func testHTTPRequestGoesThroughTheEnvironmentProxy() throws {
        let proxy = try LoopbackServer { request in .text(200, "via proxy for \(request.target)") }
        defer { proxy.stop() }
        let client = CurlHTTPClient(environment: ["http_proxy": "http://127.0.0.1:\(proxy.port)"])
        let response = try client.send(HTTPRequest(url: try XCTUnwrap(URL(string: "http://upstream.invalid/path?q=1"))))
        XCTAssertEqual(response.text, "via proxy for http://upstream.invalid/path?q=1")
        XCTAssertEqual(proxy.requests.first?.path, "/path")
    }

    func testLoopbackBypassesTheProxy() throws {
        let server = try LoopbackServer { _ in .text(200, "direct") }
        defer { server.stop() }
        let deadProxy = try LoopbackServer.unusedPort()
        let client = CurlHTTPClient(environment: ["http_proxy": "http://127.0.0.1:\(deadProxy)"])
        XCTAssertEqual(try client.send(HTTPRequest(url: server.url("/"))).text, "direct")
    }

    func testResolutionFollowsCurlConventions() throws {
        let http = try XCTUnwrap(URL(string: "http://example.com"))
        let https = try XCTUnwrap(URL(string: "https://example.com"))
        XCTAssertNil(ProxySettings.resolve(for: http, environment: ["HTTP_PROXY": "http://p:1"]).proxy, "upper-case HTTP_PROXY is ignored (httpoxy)")
        XCTAssertEqual(ProxySettings.resolve(for: http, environment: ["http_proxy": "http://p:1"]).proxy, "http://p:1")
        XCTAssertEqual(ProxySettings.resolve(for: https, environment: ["HTTPS_PROXY": "http://p:2"]).proxy, "http://p:2")
        XCTAssertEqual(ProxySettings.resolve(for: https, environment: ["https_proxy": "", "ALL_PROXY": "socks5://p:3"]).proxy, "socks5://p:3")
        let bypass = ProxySettings.resolve(for: https, environment: ["NO_PROXY": "corp.example"])
        XCTAssertNil(bypass.proxy)
        XCTAssertEqual(bypass.noProxy, "localhost,127.0.0.1,::1,corp.example")
        XCTAssertEqual(ProxySettings(proxy: nil).noProxy, ProxySettings.loopback)
    }
}
