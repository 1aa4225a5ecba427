import Foundation
import Studio
import TUIKit

/// A `SettingsService` in memory for tests: the built-in themes, a default-formats setting,
/// one AI provider key and a connector client id. Keys are kept whole here and handed out
/// masked, like the live service.
public final class InMemorySettingsService: SettingsService, @unchecked Sendable {
    private let lock = NSLock()
    private var savedTheme: String
    private var formats: Set<ReportFormat>
    private var values: [String: String]
    /// The workspace folder shown read-only.
    public let workspacePath: String

    /// A service with `theme` saved, `formats` as the report defaults and `apiKey` for openai.
    public init(theme: String = "default-dark", formats: Set<ReportFormat> = [.pdf], apiKey: String? = nil, workspacePath: String = "/work/space") {
        savedTheme = theme
        self.formats = formats
        values = ["ai.0.model": "gpt-4o-mini", "connectors.googleClientID": ""]
        if let apiKey { values["ai.0.apiKey"] = apiKey }
        self.workspacePath = workspacePath
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The stored value of `key` (secrets unmasked), for assertions.
    public func stored(_ key: String) -> String? { locked { values[key] } }

    /// The built-in theme names.
    public func themeNames() -> [String] { BuiltinThemes.names.sorted() }

    /// A built-in theme.
    public func theme(named name: String) throws -> Theme {
        guard BuiltinThemes.names.contains(name) else { throw SettingsError.invalid(key: "theme", reason: "no theme \"\(name)\"") }
        return try ThemeLoader(searchPaths: []).load(name)
    }

    /// The theme saved last.
    public func currentThemeName() -> String { locked { savedTheme } }

    /// Saves a theme name after checking it exists.
    public func saveTheme(_ name: String) throws {
        _ = try theme(named: name)
        locked { savedTheme = name }
    }

    /// The default report formats.
    public func defaultFormats() -> Set<ReportFormat> { locked { formats } }

    /// The settings, the key masked.
    public func entries() throws -> [SettingsEntry] {
        locked {
            [SettingsEntry(key: "workspace.path", section: "Workspace", label: "Folder", value: workspacePath, editable: false),
             SettingsEntry(key: "reports.formats", section: "Reports", label: "Default formats", value: ReportFormat.csv(formats)),
             SettingsEntry(key: "ai.0.model", section: "AI insights", label: "openai model", value: values["ai.0.model"] ?? "(default)"),
             SettingsEntry(key: "ai.0.apiKey", section: "AI insights", label: "openai key", value: SettingsEntry.mask(values["ai.0.apiKey"]), secret: true),
             SettingsEntry(key: "connectors.googleClientID", section: "Connectors", label: "Google client id",
                           value: values["connectors.googleClientID"].flatMap { $0.isEmpty ? nil : $0 } ?? "(not set)")]
        }
    }

    /// Changes one of the known settings.
    public func set(_ key: String, to value: String) throws {
        try locked {
            switch key {
            case "reports.formats":
                let parsed = ReportFormat.parse(value)
                guard !parsed.isEmpty else { throw SettingsError.invalid(key: key, reason: "give formats such as pdf,docx") }
                formats = parsed
            case "ai.0.model", "ai.0.apiKey", "connectors.googleClientID": values[key] = value
            default: throw SettingsError.unknownKey(key)
            }
        }
    }
}
