@testable import Connectors
import ConnectorsTestSupport
import HTTPTestSupport
import Foundation
import HTTP
import XCTest

final class MicrosoftDeviceFlowTests: XCTestCase {
    func testDeviceCodeFlowWithMicrosoftErrors() throws {
        let fake = try FakeGoogleOAuth()
        defer { fake.server.stop() }
        let clock = FakeClock()
        var settings = ConnectorSettings(microsoftClientID: "ms-client")
        settings.apply(["FORMWORK_MS_LOGIN_URL": fake.baseURL])
        let flow = DeviceCodeFlow(provider: .microsoft, client: CurlHTTPClient(environment: [:]), deviceCodeURL: try settings.microsoftDeviceCodeURL,
                                  tokenURL: try settings.microsoftTokenURL, clientID: "ms-client", scope: "Files.ReadWrite offline_access", clock: clock.clock)
        let authorization = try flow.start()
        XCTAssertEqual(authorization.verificationURL, "https://microsoft.com/devicelogin")
        XCTAssertEqual(authorization.instructions, "To sign in, enter F6XHJ2Q9K")
        XCTAssertEqual(fake.server.requests.first?.form["scope"], "Files.ReadWrite offline_access")

        fake.state.update { $0.pollScript = ["authorization_pending", "ok"] }
        XCTAssertEqual(try flow.poll(authorization).refreshToken, "refresh-2")
        XCTAssertNil(fake.server.requests.last?.form["client_secret"])

        fake.state.update { $0.pollScript = ["authorization_declined"] }
        XCTAssertThrowsError(try flow.poll(authorization)) { XCTAssertEqual($0 as? ConnectorError, .signInDeclined(provider: "Microsoft")) }
        fake.state.update { $0.pollScript = ["expired_token"] }
        XCTAssertThrowsError(try flow.poll(authorization)) { XCTAssertEqual($0 as? ConnectorError, .signInExpired(provider: "Microsoft")) }
        fake.state.update { $0.pollScript = ["bad_verification_code"] }
        XCTAssertThrowsError(try flow.poll(authorization)) {
            XCTAssertEqual($0 as? ConnectorError, .tokenRejected(code: "bad_verification_code", detail: nil))
        }
    }
}
