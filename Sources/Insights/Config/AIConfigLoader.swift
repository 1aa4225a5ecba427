import Foundation

/// Why the AI configuration could not be used.
public enum AIConfigError: Error, Equatable, CustomStringConvertible {
    /// The file holds keys but group or others may read it.
    case tooOpen(path: String, mode: Int)
    /// The file is not valid JSON of the expected shape.
    case invalid(path: String, reason: String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// A base URL is not an http(s) URL.
    case badBaseURL(provider: String, value: String)

    /// One line saying what is wrong and how to fix it.
    public var description: String {
        switch self {
        case .tooOpen(let path, let mode):
            return "refusing to read \(path): it may hold API keys but its mode is \(String(mode, radix: 8)); run: chmod 600 \(path)"
        case .invalid(let path, let reason): return "\(path): invalid AI configuration: \(reason)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .badBaseURL(let provider, let value): return "provider \(provider): base URL '\(value)' is not an http(s) URL"
        }
    }
}

/// Finds and reads the configuration file.
public enum AIConfigLoader {
    /// `FORMWORK_AI_CONFIG`, else `$XDG_CONFIG_HOME/formwork/ai.json`, else `~/.config/formwork/ai.json`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["FORMWORK_AI_CONFIG"], !path.isEmpty { return path }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return configHome + "/formwork/ai.json"
    }

    /// The configuration at `path`; an empty one when the file does not exist. A file that group
    /// or others can access is refused, because it may hold keys.
    public static func load(path: String) throws -> AIConfig {
        guard FileManager.default.fileExists(atPath: path) else { return AIConfig() }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw AIConfigError.unreadable(path: path, reason: error.localizedDescription)
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard mode & 0o077 == 0 else { throw AIConfigError.tooOpen(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AIConfigError.unreadable(path: path, reason: "permission denied")
        }
        do {
            return try JSONDecoder().decode(AIConfig.self, from: data)
        } catch let error as DecodingError {
            throw AIConfigError.invalid(path: path, reason: Self.describe(error))
        }
    }

    /// Writes a configuration with mode 0600 from the start (never briefly readable).
    public static func save(_ config: AIConfig, path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(config)
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw AIConfigError.unreadable(path: path, reason: "cannot write")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
