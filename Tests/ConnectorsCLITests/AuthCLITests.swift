import _CryptoExtras
import ConnectorsTestSupport
import Foundation
import HTTP
import XCTest

/// `formwork auth` end to end against the fake Google and Microsoft sign-in servers.
final class AuthCLITests: XCTestCase {
    private var directory: URL!
    private var oauth: FakeGoogleOAuth!
    private var binary: FormworkBinary!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-auth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        oauth = try FakeGoogleOAuth()
        oauth.state.update { $0.interval = 1 }
        binary = FormworkBinary(directory: directory, environment: [
            "FORMWORK_GOOGLE_OAUTH_URL": oauth.baseURL, "FORMWORK_GOOGLE_AUTH_URL": oauth.baseURL + "/auth",
            "FORMWORK_MS_LOGIN_URL": oauth.baseURL, "FORMWORK_GOOGLE_CLIENT_ID": "desktop-client",
            "FORMWORK_GOOGLE_CLIENT_SECRET": "not-secret", "FORMWORK_MS_CLIENT_ID": "ms-client",
        ])
    }

    override func tearDownWithError() throws {
        oauth.server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func testServiceAccountAndMicrosoftDeviceSignInsAreStoredListedAndRemoved() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        oauth.state.update { $0.publicKey = key.publicKey }
        let keyFile = directory.appendingPathComponent("key.json")
        try JSONSerialization.data(withJSONObject: ["type": "service_account", "client_email": "robot@p.iam.gserviceaccount.com",
                                                    "private_key": key.pkcs8PEMRepresentation]).write(to: keyFile)
        let google = try binary.run(["auth", "google", "--service-account", keyFile.path])
        XCTAssertEqual(google.status, 0, google.stderr)
        XCTAssertEqual(google.stdout, "signed in to Google as robot@p.iam.gserviceaccount.com (service-account)\n")

        oauth.state.update { $0.pollScript = ["authorization_pending"] }
        let microsoft = try binary.run(["auth", "microsoft", "--account", "lea"])
        XCTAssertEqual(microsoft.status, 0, microsoft.stderr)
        XCTAssertEqual(microsoft.stdout, "To sign in, enter F6XHJ2Q9K\nsigned in to Microsoft as lea\n")

        let list = try binary.run(["auth", "list"])
        let lines = list.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("google\trobot@p.iam.gserviceaccount.com\tservice-account\ttoken until "), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("microsoft\tlea\tdevice\t"), lines[1])
        XCTAssertFalse(list.stdout.contains("access-"), "tokens must never be printed")
        let credentials = directory.appendingPathComponent("ws/credentials")
        for name in try FileManager.default.contentsOfDirectory(atPath: credentials.path) {
            let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: credentials.appendingPathComponent(name).path)[.posixPermissions] as? Int)
            XCTAssertEqual(mode & 0o777, 0o600, name)
        }
        XCTAssertEqual(try binary.run(["auth", "logout", "microsoft", "--account", "lea"]).stdout, "removed the Microsoft sign-in for lea\n")
        XCTAssertEqual(try binary.run(["auth", "logout", "dropbox"]).status, 2)

        oauth.state.update { $0.pollScript = ["authorization_declined"] }
        let declined = try binary.run(["auth", "microsoft"])
        XCTAssertEqual(declined.status, 2)
        XCTAssertEqual(declined.stderr, "formwork: Microsoft sign-in was declined\n")
    }

    func testGoogleDeviceSignInForDriveFile() throws {
        let device = try binary.run(["auth", "google", "--device"])
        XCTAssertEqual(device.status, 0, device.stderr)
        XCTAssertEqual(device.stdout, "To sign in, open https://www.google.com/device and enter the code GQVQ-JKEC\nsigned in to Google as default (device)\n")
        XCTAssertEqual(oauth.server.requests.first?.form["scope"], "https://www.googleapis.com/auth/drive.file")
    }

    func testBrowserSignInThroughTheLoopbackRedirect() throws {
        let process = try binary.process(["auth", "google", "--timeout", "60"])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = Pipe()
        try process.run()
        // Play the browser: read the consent URL the command prints and open it; the fake
        // consents and redirects to the command's loopback listener.
        var printed = ""
        var consent: URL?
        for _ in 0..<200 where consent == nil {
            printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            consent = printed.split(separator: "\n").first { $0.hasPrefix(oauth.baseURL + "/auth?") }.flatMap { URL(string: String($0)) }
        }
        let url = try XCTUnwrap(consent, printed)
        let page = try CurlHTTPClient(environment: [:]).send(HTTPRequest(url: url))
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("sign-in received"))
        process.waitUntilExit()
        printed += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, printed)
        XCTAssertTrue(printed.hasSuffix("signed in to Google as default (loopback)\n"), printed)
        let exchange = try XCTUnwrap(oauth.server.requests.last?.form)
        XCTAssertEqual(exchange["grant_type"], "authorization_code")
        XCTAssertEqual(exchange["client_secret"], "not-secret")
        XCTAssertTrue(exchange["redirect_uri"]?.hasPrefix("http://127.0.0.1:") == true)
    }
}
