import Foundation
import XCTest

/// `formwork studio` outside a terminal: theme choice and errors, as one line and exit 2.
final class StudioCommandTests: XCTestCase {
    var binary: String { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("formwork").path }

    func run(_ arguments: [String], environment extra: [String: String]) throws -> (status: Int32, output: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("studio-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = ProcessInfo.processInfo.environment
        environment["FORMWORK_HOME"] = home.path
        environment["FORMWORK_THEME"] = nil
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        for (key, value) in extra { environment[key] = value }
        return try shell([binary] + arguments, environment: environment)
    }

    func testThemeFlagBeatsEnvironmentBeatsConfig() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("studio-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: config) }
        try FileManager.default.createDirectory(at: config.appendingPathComponent("formwork"), withIntermediateDirectories: true)
        try "theme = \"from-config\"\n".write(to: config.appendingPathComponent("formwork/config"), atomically: true, encoding: .utf8)

        let fromConfig = try run(["studio"], environment: ["XDG_CONFIG_HOME": config.path])
        XCTAssertEqual(fromConfig.status, 2)
        XCTAssertTrue(fromConfig.output.contains("theme 'from-config' not found"), fromConfig.output)

        let fromEnvironment = try run([], environment: ["XDG_CONFIG_HOME": config.path, "FORMWORK_THEME": "from-env"])
        XCTAssertTrue(fromEnvironment.output.contains("theme 'from-env' not found"), fromEnvironment.output)

        let fromFlag = try run(["studio", "--theme", "from-flag"], environment: ["FORMWORK_THEME": "from-env"])
        XCTAssertTrue(fromFlag.output.contains("theme 'from-flag' not found"), fromFlag.output)
        XCTAssertEqual(fromFlag.output.split(separator: "\n").count, 1, "one line, no stack trace")
    }

    func testWithoutATerminalItSaysSo() throws {
        let result = try run(["studio", "--theme", "monochrome"], environment: [:])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.output.contains("terminal"), result.output)
    }
}
