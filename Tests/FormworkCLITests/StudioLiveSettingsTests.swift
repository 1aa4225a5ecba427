import Connectors
@testable import formwork
import Foundation
import Insights
import Studio
import TUIKit
import TUITesting
import XCTest

/// The live Settings service writes the files the CLI reads, keys with mode 0600, and never
/// lets a key reach a frame.
final class StudioLiveSettingsTests: XCTestCase {
    var root: URL!
    var environment: [String: String] { ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "HOME": root.path] }
    var workspace: URL { root.appendingPathComponent("ws") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("studio-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func mode(_ path: String) throws -> Int {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    func testThemeAndFormatsGoToTheConfigFileTheStudioCommandReads() throws {
        let config = root.appendingPathComponent("config/formwork/config")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "# mine\nother = kept\ntheme = default-dark\n".write(to: config, atomically: true, encoding: .utf8)
        let service = LiveSettingsService(workspaceDirectory: workspace, environment: environment)
        XCTAssertEqual(service.currentThemeName(), "default-dark")
        XCTAssertTrue(service.themeNames().contains("high-contrast"))
        try service.saveTheme("high-contrast")
        XCTAssertEqual(ThemeChoice.configured(environment), "high-contrast")
        XCTAssertEqual(try ThemeChoice.load(flag: nil, environment: environment).name, Theme.highContrast.name)
        XCTAssertThrowsError(try service.saveTheme("no-such-theme"))
        try service.set("reports.formats", to: "docx, pdf")
        XCTAssertEqual(service.defaultFormats(), [.pdf, .docx])
        XCTAssertThrowsError(try service.set("reports.formats", to: "nope"))
        XCTAssertThrowsError(try service.set("bogus", to: "x")) { XCTAssertEqual("\($0)", "no setting \"bogus\"") }
        let text = try String(contentsOf: config, encoding: .utf8)
        XCTAssertEqual(text, "# mine\nother = kept\ntheme = high-contrast\nreport-formats = pdf,docx\n")
    }

    func testAIKeysAreWritten0600AndReadBackByTheAILoader() throws {
        let service = LiveSettingsService(workspaceDirectory: workspace, environment: environment)
        try service.set("ai.add", to: "openai")
        try service.set("ai.add", to: "anthropic")
        try service.set("ai.0.apiKey", to: "sk-live-0123456789abcdWXYZ")
        try service.set("ai.0.model", to: "gpt-4o-mini")
        try service.set("ai.1.baseURL", to: "http://127.0.0.1:9/v1")
        XCTAssertThrowsError(try service.set("ai.1.baseURL", to: "ftp://x"))
        XCTAssertThrowsError(try service.set("ai.add", to: "skynet"))
        try service.set("ai.order", to: "anthropic, openai")
        XCTAssertThrowsError(try service.set("ai.order", to: "nobody"))
        let path = AIConfigLoader.defaultPath(environment: environment)
        XCTAssertEqual(try mode(path), 0o600)
        let loaded = try AIConfigLoader.load(path: path)
        XCTAssertEqual(loaded.providers?.map(\.kind), [.anthropic, .openai])
        XCTAssertEqual(loaded.providers?.last?.apiKey?.exposedValue, "sk-live-0123456789abcdWXYZ")
        XCTAssertEqual(loaded.providers?.last?.model, "gpt-4o-mini")
        XCTAssertEqual(loaded.providers?.first?.baseURL, "http://127.0.0.1:9/v1")
        let entries = try service.entries()
        XCTAssertTrue(entries.contains { $0.key == "ai.1.apiKey" && $0.value == "sk-…WXYZ" && $0.secret })
        XCTAssertFalse(entries.contains { $0.value.contains("0123456789") })
        try service.set("ai.1.apiKey", to: "")
        XCTAssertNil(try AIConfigLoader.load(path: path).providers?.last?.apiKey)
    }

    func testConnectorSettingsKeepTheirFileFormat() throws {
        let service = LiveSettingsService(workspaceDirectory: workspace, environment: environment)
        try service.set("connectors.googleClientID", to: "123.apps.googleusercontent.com")
        try service.set("connectors.googleClientSecret", to: "GOCSPX-secret-value-1234")
        try service.set("connectors.graphURL", to: "http://127.0.0.1:8/v1.0")
        try service.set("connectors.microsoftTenant", to: "")
        XCTAssertThrowsError(try service.set("connectors.sheetsURL", to: "not a url"))
        XCTAssertThrowsError(try service.set("connectors.nothing", to: "x"))
        let file = workspace.appendingPathComponent("connectors.json").path
        XCTAssertEqual(try mode(file), 0o600)
        let loaded = try ConnectorSettings.load(directory: workspace, environment: [:])
        XCTAssertEqual(loaded.googleClientID, "123.apps.googleusercontent.com")
        XCTAssertEqual(loaded.googleClientSecret, "GOCSPX-secret-value-1234")
        XCTAssertEqual(loaded.graphURL, "http://127.0.0.1:8/v1.0")
        XCTAssertEqual(loaded.microsoftTenant, "common")
        XCTAssertTrue(try service.entries().contains { $0.key == "connectors.googleClientSecret" && $0.value == "GOC…1234" })
    }

    func testTheKeyNeverAppearsInARenderedFrame() throws {
        let key = "sk-frame-9876543210secretQRST"
        let service = LiveSettingsService(workspaceDirectory: workspace, environment: environment)
        try service.set("ai.add", to: "openai")
        var services = StudioServices(forms: InMemoryFormRepository(forms: []))
        services.settings = service
        let driver = StudioDriver(services: services, size: Size(width: 120, height: 40))
        driver.send(.command("go.settings"))
        try driver.press("tab j j j j j")
        XCTAssertTrue(driver.isSelected("openai key"), driver.screen)
        try driver.press("enter")
        driver.type(key)
        XCTAssertFalse(driver.screen.contains("9876543210"))
        try driver.press("enter")
        XCTAssertTrue(driver.shows("sk-…QRST"), driver.screen)
        XCTAssertFalse(driver.screen.contains(key))
        XCTAssertEqual(try AIConfigLoader.load(path: AIConfigLoader.defaultPath(environment: environment)).providers?.first?.apiKey?.exposedValue, key)
    }
}
