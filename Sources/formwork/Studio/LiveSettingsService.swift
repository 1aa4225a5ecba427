import Connectors
import Foundation
import Insights
import Studio
import TUIKit
import Workspace

/// `SettingsService` over the files the CLI reads: the theme and default report formats in
/// `$XDG_CONFIG_HOME/formwork/config`, AI providers in `ai.json` (`AIConfigLoader`), connector
/// clients in the workspace's `connectors.json`. Files holding keys are written atomically
/// with mode 0600. Keys leave this type only masked.
final class LiveSettingsService: SettingsService, @unchecked Sendable {
    let environment: [String: String]
    let workspaceDirectory: URL
    private let config: ConfigFile
    private let lock = NSLock()

    init(workspaceDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.workspaceDirectory = workspaceDirectory
        self.config = ConfigFile(environment: environment)
    }

    var aiPath: String { AIConfigLoader.defaultPath(environment: environment) }
    var connectorsURL: URL { workspaceDirectory.appendingPathComponent(ConnectorSettings.fileName) }

    func themeNames() -> [String] { ThemeLoader.standard(environment: environment).availableThemes() }

    func theme(named name: String) throws -> Theme {
        do { return try ThemeLoader.standard(environment: environment).load(name) } catch { throw SettingsError.invalid(key: "theme", reason: "\(error)") }
    }

    func currentThemeName() -> String { config.value("theme") ?? "default-dark" }

    func saveTheme(_ name: String) throws {
        _ = try theme(named: name)
        try io { try config.set("theme", name) }
    }

    func defaultFormats() -> Set<ReportFormat> {
        config.value("report-formats").map(ReportFormat.parse) ?? [.pdf]
    }

    func entries() throws -> [SettingsEntry] {
        var list = [SettingsEntry(key: "workspace.path", section: "Workspace", label: "Folder", value: workspaceDirectory.path, editable: false),
                    SettingsEntry(key: "reports.formats", section: "Reports", label: "Default formats", value: ReportFormat.csv(defaultFormats()))]
        list += SettingsCatalog.aiEntries(try loadAI())
        list += SettingsCatalog.connectorEntries(try loadConnectors())
        return list
    }

    func set(_ key: String, to value: String) throws {
        lock.lock()
        defer { lock.unlock() }
        switch key {
        case "reports.formats":
            let formats = ReportFormat.parse(value)
            guard !formats.isEmpty else { throw SettingsError.invalid(key: key, reason: "give formats such as pdf,docx (pdf docx tex html md csv json)") }
            try io { try config.set("report-formats", ReportFormat.csv(formats)) }
        case _ where key.hasPrefix("ai."):
            var ai = try loadAI()
            try SettingsCatalog.setAI(key, value, &ai)
            try saveAI(ai)
        case _ where key.hasPrefix("connectors."):
            var connectors = try loadConnectors()
            try SettingsCatalog.setConnector(key, value, &connectors)
            try saveConnectors(connectors)
        default:
            throw SettingsError.unknownKey(key)
        }
    }

    func loadAI() throws -> AIConfig {
        do { return try AIConfigLoader.load(path: aiPath) } catch { throw SettingsError.io("\(error)") }
    }

    func saveAI(_ ai: AIConfig) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = URL(fileURLWithPath: aiPath)
        try io {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try AtomicFile.write(try encoder.encode(ai), to: url, mode: 0o600)
        }
    }

    /// The file alone, without the environment's overrides, so saving never writes them in.
    func loadConnectors() throws -> ConnectorSettings {
        guard FileManager.default.fileExists(atPath: connectorsURL.path) else { return ConnectorSettings() }
        do { return try JSONDecoder().decode(ConnectorSettings.self, from: Data(contentsOf: connectorsURL)) } catch {
            throw SettingsError.io("\(connectorsURL.path) is not valid connector settings: \(error.localizedDescription)")
        }
    }

    func saveConnectors(_ settings: ConnectorSettings) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try io { try AtomicFile.write(try encoder.encode(settings), to: connectorsURL, mode: 0o600) }
    }

    private func io(_ body: () throws -> Void) throws {
        do { try body() } catch let error as SettingsError { throw error } catch { throw SettingsError.io("\(error)") }
    }
}
