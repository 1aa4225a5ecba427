import TUIKit

/// One line of the Settings screen. Secrets reach the studio only masked (`sk-…abcd`).
public struct SettingsEntry: Hashable, Sendable {
    /// Stable key the service understands (`ai.0.model`, `connectors.googleClientID`).
    public var key: String
    /// The section heading it sits under.
    public var section: String
    /// What people read.
    public var label: String
    /// The value to show; for a secret, its masked form.
    public var value: String
    /// True for keys and passwords: edited through a prompt that does not echo.
    public var secret: Bool
    /// False for values shown only (the workspace path).
    public var editable: Bool

    /// Creates an entry.
    public init(key: String, section: String, label: String, value: String, secret: Bool = false, editable: Bool = true) {
        self.key = key
        self.section = section
        self.label = label
        self.value = value
        self.secret = secret
        self.editable = editable
    }

    /// `sk-…abcd`: the first three and last four characters of a key, or `••••` for a short one,
    /// or "(not set)".
    public static func mask(_ secret: String?) -> String {
        guard let secret, !secret.isEmpty else { return "(not set)" }
        guard secret.count >= 12 else { return "••••" }
        return String(secret.prefix(3)) + "…" + String(secret.suffix(4))
    }
}

/// Why a settings call failed, in one line.
public enum SettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The key names no setting.
    case unknownKey(String)
    /// The value is not acceptable for that setting.
    case invalid(key: String, reason: String)
    /// Reading or writing a file failed.
    case io(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .unknownKey(let key): return "no setting \"\(key)\""
        case .invalid(let key, let reason): return "\(key): \(reason)"
        case .io(let message): return message
        }
    }
}

/// The studio's settings: theme, default report formats, AI providers and connector clients,
/// each kept in the file the `formwork` CLI reads. Calls may block on disk.
public protocol SettingsService: Sendable {
    /// Every theme name available, sorted.
    func themeNames() -> [String]
    /// The theme called `name`.
    func theme(named name: String) throws -> Theme
    /// The theme saved in the config (default-dark when none).
    func currentThemeName() -> String
    /// Saves `name` as the theme in the config file.
    func saveTheme(_ name: String) throws
    /// The formats the Reports screen starts with.
    func defaultFormats() -> Set<ReportFormat>
    /// Every setting shown, in order; secrets masked.
    func entries() throws -> [SettingsEntry]
    /// Changes one setting and writes its file (secrets with mode 0600).
    func set(_ key: String, to value: String) throws
}
