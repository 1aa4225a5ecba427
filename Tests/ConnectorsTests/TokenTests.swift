import _CryptoExtras
@testable import Connectors
import ConnectorsTestSupport
import HTTPTestSupport
import Foundation
import HTTP
import XCTest

final class TokenTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("conn-tokens-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    func testStoreWritesOwnerOnlyFilesAndListsAndDeletes() throws {
        let store = TokenStore(directory: directory.appendingPathComponent("credentials"))
        XCTAssertEqual(try store.list(), [])
        XCTAssertNil(try store.load(.google))
        let credential = StoredCredential(provider: .google, account: "ana@example.com", method: .loopback,
                                          token: OAuthToken(accessToken: "a", refreshToken: "r", expiresAt: Date(timeIntervalSince1970: 2_000_000_000), scope: "s"),
                                          scope: "s")
        try store.save(credential)
        try store.save(StoredCredential(provider: .microsoft, account: "../../evil", method: .device, token: OAuthToken(accessToken: "m"), scope: "Files.ReadWrite"))
        let file = store.file(.google, "ana@example.com")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
        let folderMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: store.directory.path)[.posixPermissions] as? Int)
        XCTAssertEqual(folderMode & 0o777, 0o700)
        XCTAssertEqual(try store.load(.google), credential)
        XCTAssertEqual(try store.load(.google, account: "ana@example.com"), credential)
        XCTAssertEqual(try store.list().map(\.provider), [.google, .microsoft])
        // The account name cannot escape the folder.
        XCTAssertEqual(store.file(.microsoft, "../../evil").deletingLastPathComponent().path, store.directory.path)
        XCTAssertTrue(try store.delete(.google, account: "ana@example.com"))
        XCTAssertFalse(try store.delete(.google, account: "ana@example.com"))
        XCTAssertNil(try store.load(.google, account: "ana@example.com"))
        try Data("garbage".utf8).write(to: store.directory.appendingPathComponent("google-x.json"))
        XCTAssertThrowsError(try store.list())
    }

    func testTokenParsingAndExpiry() throws {
        let now = Date(timeIntervalSince1970: 1000)
        let token = try OAuthToken.parse(["access_token": "a", "expires_in": "3599", "refresh_token": "r"], now: now, service: "x")
        XCTAssertEqual(token.expiresAt, Date(timeIntervalSince1970: 4599))
        XCTAssertFalse(token.expires(within: 60, of: now))
        XCTAssertTrue(token.expires(within: 60, of: Date(timeIntervalSince1970: 4540)))
        XCTAssertFalse(OAuthToken(accessToken: "forever").expires(within: 60, of: now))
        XCTAssertThrowsError(try OAuthToken.parse(["token_type": "Bearer"], now: now, service: "x"))
    }

    func testEnvironmentTokenWinsAndMissingSignInIsReported() throws {
        let store = TokenStore(directory: directory)
        let settings = ConnectorSettings()
        let ready = AccessTokenSource(provider: .microsoft, store: store, settings: settings,
                                      environment: ["FORMWORK_MS_ACCESS_TOKEN": "ready"], client: CurlHTTPClient(environment: [:]))
        XCTAssertEqual(try ready.accessToken(), "ready")
        let none = AccessTokenSource(provider: .google, store: store, settings: settings, environment: [:], client: CurlHTTPClient(environment: [:]))
        XCTAssertThrowsError(try none.accessToken()) { XCTAssertEqual($0 as? ConnectorError, .notSignedIn(provider: "Google")) }
        XCTAssertEqual(AccessTokenSource.environmentVariable(for: .google), "FORMWORK_GOOGLE_ACCESS_TOKEN")
    }

    func testGoogleRefreshKeepsTheOldRefreshTokenAndInvalidGrantAsksToSignInAgain() throws {
        let fake = try FakeGoogleOAuth()
        defer { fake.server.stop() }
        let clock = FakeClock()
        let store = TokenStore(directory: directory)
        var settings = ConnectorSettings(googleClientID: "client-1", googleClientSecret: "secret-1")
        settings.apply(["FORMWORK_GOOGLE_OAUTH_URL": fake.baseURL])
        try store.save(StoredCredential(provider: .google, account: "ana", method: .loopback,
                                        token: OAuthToken(accessToken: "old", refreshToken: "refresh-1", expiresAt: clock.now.addingTimeInterval(30)),
                                        scope: "s"))
        let source = AccessTokenSource(provider: .google, store: store, settings: settings, environment: [:],
                                       client: CurlHTTPClient(environment: [:]), clock: clock.clock)
        XCTAssertEqual(try source.accessToken(), "access-1")
        XCTAssertEqual(try store.load(.google)?.token.refreshToken, "refresh-1")
        XCTAssertEqual(fake.server.requests.last?.form["client_secret"], "secret-1")
        // Still fresh: no second request.
        XCTAssertEqual(try source.accessToken(), "access-1")
        XCTAssertEqual(fake.server.requests.count, 1)

        fake.state.update { $0.validRefreshTokens = [] }
        var expired = try XCTUnwrap(store.load(.google))
        expired.token.expiresAt = clock.now
        try store.save(expired)
        XCTAssertThrowsError(try source.accessToken()) { error in
            XCTAssertEqual(error as? ConnectorError, .tokenRejected(code: "invalid_grant", detail: "Token has been expired or revoked."))
            XCTAssertTrue("\(error)".contains("sign in again"))
        }
    }

    func testMicrosoftRefreshSavesTheRotatedRefreshToken() throws {
        let fake = try FakeGoogleOAuth()
        defer { fake.server.stop() }
        fake.state.update { $0.rotate = true }
        let clock = FakeClock()
        let store = TokenStore(directory: directory)
        var settings = ConnectorSettings(microsoftClientID: "ms-client")
        settings.apply(["FORMWORK_MS_LOGIN_URL": fake.baseURL])
        try store.save(StoredCredential(provider: .microsoft, account: "lea", method: .device,
                                        token: OAuthToken(accessToken: "old", refreshToken: "refresh-1", expiresAt: clock.now),
                                        scope: "Files.ReadWrite offline_access"))
        let source = AccessTokenSource(provider: .microsoft, store: store, account: "lea", settings: settings, environment: [:],
                                       client: CurlHTTPClient(environment: [:]), clock: clock.clock)
        XCTAssertEqual(try source.accessToken(), "access-1")
        XCTAssertEqual(try store.load(.microsoft, account: "lea")?.token.refreshToken, "refresh-2")
        let sent = try XCTUnwrap(fake.server.requests.last?.form)
        XCTAssertEqual(sent["scope"], "Files.ReadWrite offline_access")
        XCTAssertEqual(sent["client_id"], "ms-client")
        XCTAssertEqual(fake.server.requests.last?.path, "/common/oauth2/v2.0/token")
    }

    func testServiceAccountCredentialIsRenewedBySigningAgain() throws {
        let fake = try FakeGoogleOAuth()
        defer { fake.server.stop() }
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        fake.state.update { $0.publicKey = key.publicKey }
        let keyFile = directory.appendingPathComponent("key.json")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: ["type": "service_account", "client_email": "robot@x", "private_key": key.pemRepresentation])
            .write(to: keyFile)
        let clock = FakeClock()
        let store = TokenStore(directory: directory.appendingPathComponent("credentials"))
        var settings = ConnectorSettings()
        settings.apply(["FORMWORK_GOOGLE_OAUTH_URL": fake.baseURL])
        try store.save(StoredCredential(provider: .google, account: "robot@x", method: .serviceAccount,
                                        token: OAuthToken(accessToken: "old", expiresAt: clock.now), scope: "s", keyFile: keyFile.path))
        let source = AccessTokenSource(provider: .google, store: store, settings: settings, environment: [:],
                                       client: CurlHTTPClient(environment: [:]), clock: clock.clock)
        XCTAssertEqual(try source.accessToken(), "access-1")
        XCTAssertEqual(fake.server.requests.last?.form["grant_type"], "urn:ietf:params:oauth:grant-type:jwt-bearer")
    }

    func testSettingsLoadFileThenEnvironment() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        XCTAssertEqual(try ConnectorSettings.load(directory: directory, environment: [:]), ConnectorSettings())
        try Data(#"{"sheetsURL":"http://127.0.0.1:1/v4","googleClientID":"from-file","microsoftTenant":"consumers"}"#.utf8)
            .write(to: directory.appendingPathComponent(ConnectorSettings.fileName))
        let settings = try ConnectorSettings.load(directory: directory, environment: ["FORMWORK_GRAPH_URL": "http://127.0.0.1:2/v1.0/", "FORMWORK_SHEETS_URL": ""])
        XCTAssertEqual(settings.sheetsURL, "http://127.0.0.1:1/v4")
        XCTAssertEqual(settings.googleClientID, "from-file")
        XCTAssertEqual(settings.graphURL, "http://127.0.0.1:2/v1.0/")
        XCTAssertEqual(try settings.microsoftDeviceCodeURL.absoluteString, "https://login.microsoftonline.com/consumers/oauth2/v2.0/devicecode")
        XCTAssertEqual(try Endpoint.join(settings.graphURL, "/me").absoluteString, "http://127.0.0.1:2/v1.0/me")
        XCTAssertThrowsError(try Endpoint.join("ftp://x", "/y"))
        try Data("not json".utf8).write(to: directory.appendingPathComponent(ConnectorSettings.fileName))
        XCTAssertThrowsError(try ConnectorSettings.load(directory: directory, environment: [:]))
    }
}
