import _CryptoExtras
@testable import Connectors
import ConnectorsTestSupport
import Foundation
import HTTP
import HTTPTestSupport
import XCTest

final class GoogleOAuthTests: XCTestCase {
    var fake: FakeGoogleOAuth!
    let clock = FakeClock()

    override func setUpWithError() throws {
        fake = try FakeGoogleOAuth()
    }

    override func tearDown() {
        fake.server.stop()
    }

    private func deviceFlow(scope: String = "https://www.googleapis.com/auth/drive.file") throws -> DeviceCodeFlow {
        DeviceCodeFlow(provider: .google, client: CurlHTTPClient(environment: [:]),
                       deviceCodeURL: try Endpoint.join(fake.baseURL, "/device/code"), tokenURL: try Endpoint.join(fake.baseURL, "/token"),
                       clientID: "client-1", clientSecret: "secret-1", scope: scope, clock: clock.clock)
    }

    func testDeviceFlowReadsGoogleVerificationURLAndPollsThroughPendingAndSlowDown() throws {
        fake.state.update { $0.pollScript = ["authorization_pending", "authorization_pending", "slow_down", "authorization_pending"] }
        let flow = try deviceFlow()
        let authorization = try flow.start()
        XCTAssertEqual(authorization.verificationURL, "https://www.google.com/device")
        XCTAssertEqual(authorization.userCode, "GQVQ-JKEC")
        XCTAssertEqual(authorization.instructions, "To sign in, open https://www.google.com/device and enter the code GQVQ-JKEC")
        let token = try flow.poll(authorization)
        XCTAssertEqual(token.accessToken, "access-1")
        XCTAssertEqual(token.refreshToken, "refresh-2")
        // Interval 5 s, then 10 s after slow_down.
        XCTAssertEqual(clock.sleeps, [5, 5, 5, 10, 10])
        let polls = fake.server.requests.filter { $0.path == "/token" }
        XCTAssertEqual(polls.first?.form["grant_type"], "urn:ietf:params:oauth:grant-type:device_code")
        XCTAssertEqual(polls.first?.form["client_secret"], "secret-1")
        XCTAssertEqual(fake.server.requests.first?.form["scope"], "https://www.googleapis.com/auth/drive.file")
    }

    func testDeviceFlowDeclinedAndExpired() throws {
        let flow = try deviceFlow()
        fake.state.update { $0.pollScript = ["access_denied"] }
        XCTAssertThrowsError(try flow.poll(try flow.start())) { XCTAssertEqual($0 as? ConnectorError, .signInDeclined(provider: "Google")) }
        fake.state.update { $0.pollScript = ["authorization_pending", "expired_token"] }
        XCTAssertThrowsError(try flow.poll(try flow.start())) { XCTAssertEqual($0 as? ConnectorError, .signInExpired(provider: "Google")) }
        fake.state.update { $0.pollScript = ["invalid_client"] }
        XCTAssertThrowsError(try flow.poll(try flow.start())) { XCTAssertEqual($0 as? ConnectorError, .tokenRejected(code: "invalid_client", detail: nil)) }
    }

    func testDeviceFlowStopsAtTheCodesExpiry() throws {
        let flow = try deviceFlow()
        fake.state.update { $0.pollScript = Array(repeating: "authorization_pending", count: 400) }
        var authorization = try flow.start()
        authorization.expiresIn = 12
        XCTAssertThrowsError(try flow.poll(authorization)) { XCTAssertEqual($0 as? ConnectorError, .signInExpired(provider: "Google")) }
        XCTAssertEqual(clock.sleeps, [5, 5, 5])
    }

    func testDeviceFlowRefusesSpreadsheetsScopeWithAHint() throws {
        let flow = try deviceFlow(scope: "https://www.googleapis.com/auth/spreadsheets")
        XCTAssertThrowsError(try flow.start()) { error in
            guard case .scopeNotAllowed(let scope, let hint)? = error as? ConnectorError else { return XCTFail("\(error)") }
            XCTAssertEqual(scope, "https://www.googleapis.com/auth/spreadsheets")
            XCTAssertTrue(hint.contains("drive.file"))
            XCTAssertTrue("\(error)".contains("not allowed"))
        }
    }

    func testLoopbackSignInChecksStateAndExchangesWithPKCE() throws {
        let signIn = LoopbackSignIn(client: CurlHTTPClient(environment: [:]), authorizeURL: "https://accounts.example/o/oauth2/v2/auth",
                                    tokenURL: try Endpoint.join(fake.baseURL, "/token"), clientID: "client-1", clientSecret: "secret-1",
                                    scope: "https://www.googleapis.com/auth/spreadsheets")
        let request = try signIn.prepare(redirectURI: "http://127.0.0.1:8765", state: "st4te")
        let query = Dictionary(uniqueKeysWithValues: FormBody.decode(request.url.query ?? ""))
        XCTAssertEqual(query["code_challenge_method"], "S256")
        XCTAssertEqual(query["code_challenge"], request.pkce.challenge)
        XCTAssertEqual(query["redirect_uri"], "http://127.0.0.1:8765")
        XCTAssertEqual(query["scope"], "https://www.googleapis.com/auth/spreadsheets")

        fake.state.update { $0.challenges["code-9"] = request.pkce.challenge }
        // Pasted back over SSH: the whole URL from the address bar.
        let code = try signIn.code(fromRedirect: "http://127.0.0.1:8765/?state=st4te&code=code-9&scope=x", for: request)
        XCTAssertEqual(code, "code-9")
        let token = try signIn.exchange(code: code, for: request)
        XCTAssertEqual(token.accessToken, "access-1")
        let sent = fake.server.requests.last?.form
        XCTAssertEqual(sent?["code_verifier"], request.pkce.verifier)
        XCTAssertEqual(sent?["redirect_uri"], "http://127.0.0.1:8765")

        // A different verifier fails the PKCE check.
        let forged = AuthorizationRequest(url: request.url, redirectURI: request.redirectURI, pkce: PKCE(verifier: "wrong"), state: "st4te")
        XCTAssertThrowsError(try signIn.exchange(code: "code-9", for: forged)) {
            XCTAssertEqual($0 as? ConnectorError, .tokenRejected(code: "invalid_grant", detail: "Invalid code verifier."))
        }
        XCTAssertThrowsError(try signIn.code(fromRedirect: "/?state=other&code=c", for: request)) {
            guard case .redirectInvalid? = $0 as? ConnectorError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try signIn.code(fromRedirect: "/?error=access_denied&state=st4te", for: request)) {
            XCTAssertEqual($0 as? ConnectorError, .signInDeclined(provider: "Google"))
        }
        XCTAssertThrowsError(try signIn.code(fromRedirect: "no query here", for: request))
        XCTAssertThrowsError(try signIn.code(fromRedirect: "/?state=st4te", for: request))
        XCTAssertThrowsError(try signIn.code(fromRedirect: "/?error=server_error&state=st4te", for: request))
    }

    func testRedirectListenerReceivesTheBrowserRedirect() throws {
        let listener = try RedirectListener()
        XCTAssertEqual(listener.redirectURI, "http://127.0.0.1:\(listener.port)")
        let client = CurlHTTPClient(environment: [:])
        let thread = Thread {
            _ = try? client.send(HTTPRequest(url: URL(string: "\(listener.redirectURI)/favicon.ico")!))
            _ = try? client.send(HTTPRequest(url: URL(string: "\(listener.redirectURI)/?code=abc&state=s")!))
        }
        thread.start()
        XCTAssertEqual(listener.next(timeout: 10), .redirect("/?code=abc&state=s"))
    }

    func testRedirectListenerAcceptsAPastedLine() throws {
        let listener = try RedirectListener()
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let line = "http://127.0.0.1:\(listener.port)/?code=pasted&state=s\n"
        _ = line.withCString { write(fds[1], $0, strlen($0)) }
        XCTAssertEqual(listener.next(timeout: 10, input: fds[0]), .pasted("http://127.0.0.1:\(listener.port)/?code=pasted&state=s"))
        // A half line waits for the rest without blocking; an empty line is skipped.
        _ = "\n/?code=sec".withCString { write(fds[1], $0, strlen($0)) }
        XCTAssertNil(listener.next(timeout: 0.2, input: fds[0]))
        _ = "ond&state=s\n".withCString { write(fds[1], $0, strlen($0)) }
        XCTAssertEqual(listener.next(timeout: 10, input: fds[0]), .pasted("/?code=second&state=s"))
        // End of input (a closed or null stdin) stops watching it instead of spinning.
        close(fds[1])
        XCTAssertNil(listener.next(timeout: 0.2, input: fds[0]))
        close(fds[0])
        XCTAssertNil(listener.next(timeout: 0.05))
    }

    func testServiceAccountSignsAnRS256AssertionTheServerVerifies() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        fake.state.update { $0.publicKey = key.publicKey }
        let json = try JSONSerialization.data(withJSONObject: [
            "type": "service_account", "client_email": "robot@project.iam.gserviceaccount.com",
            "private_key": key.pemRepresentation, "private_key_id": "kid-1",
        ])
        let account = try ServiceAccountKey(json: json)
        let tokenURL = try Endpoint.join(fake.baseURL, "/token")
        let token = try account.fetchToken(client: CurlHTTPClient(environment: [:]), tokenURL: tokenURL,
                                           scope: "https://www.googleapis.com/auth/spreadsheets", now: clock.now)
        XCTAssertEqual(token.accessToken, "access-1")
        XCTAssertNil(token.refreshToken)
        let assertion = try XCTUnwrap(fake.state.read { $0.assertions.first })
        let parts = assertion.split(separator: ".").map { Base64URL.decode(String($0)) ?? Data() }
        let header = try XCTUnwrap(JSONSerialization.jsonObject(with: parts[0]) as? [String: Any])
        let claims = try XCTUnwrap(JSONSerialization.jsonObject(with: parts[1]) as? [String: Any])
        XCTAssertEqual(header["alg"] as? String, "RS256")
        XCTAssertEqual(header["kid"] as? String, "kid-1")
        XCTAssertEqual(claims["iss"] as? String, "robot@project.iam.gserviceaccount.com")
        XCTAssertEqual(claims["aud"] as? String, tokenURL.absoluteString)
        XCTAssertEqual((claims["exp"] as? Int).map { $0 - ((claims["iat"] as? Int) ?? 0) }, 3600)

        // A key the server does not know is refused.
        fake.state.update { $0.publicKey = try? _RSA.Signing.PrivateKey(keySize: .bits2048).publicKey }
        XCTAssertThrowsError(try account.fetchToken(client: CurlHTTPClient(environment: [:]), tokenURL: tokenURL, scope: "s", now: clock.now)) {
            XCTAssertEqual($0 as? ConnectorError, .tokenRejected(code: "invalid_grant", detail: "Invalid JWT Signature."))
        }
    }

    func testServiceAccountKeyInGooglesPKCS8FormatSigns() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        fake.state.update { $0.publicKey = key.publicKey }
        XCTAssertTrue(key.pkcs8PEMRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let account = ServiceAccountKey(clientEmail: "robot@x", privateKeyPEM: key.pkcs8PEMRepresentation, privateKeyID: nil)
        let token = try account.fetchToken(client: CurlHTTPClient(environment: [:]), tokenURL: try Endpoint.join(fake.baseURL, "/token"),
                                           scope: "s", now: clock.now)
        XCTAssertEqual(token.accessToken, "access-1")
    }

    func testServiceAccountKeyFileErrors() throws {
        XCTAssertThrowsError(try ServiceAccountKey(json: Data("{}".utf8)))
        XCTAssertThrowsError(try ServiceAccountKey(json: Data(#"{"type":"authorized_user","client_email":"a","private_key":"b"}"#.utf8)))
        XCTAssertThrowsError(try ServiceAccountKey(path: "/nonexistent/key.json"))
        let bad = ServiceAccountKey(clientEmail: "a", privateKeyPEM: "not a key", privateKeyID: nil)
        XCTAssertThrowsError(try bad.assertion(scope: "s", audience: "a", now: Date())) {
            guard case .invalidInput? = $0 as? ConnectorError else { return XCTFail("\($0)") }
        }
    }
}
