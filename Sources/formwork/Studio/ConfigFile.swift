import Foundation
import Workspace

/// The `key = value` file at `$XDG_CONFIG_HOME/formwork/config` (or `~/.config/formwork/config`)
/// that `formwork studio` reads its theme from. Edits replace one key's line (or append it) and
/// keep every other line, comment and order as they were.
struct ConfigFile {
    /// The file's path.
    let path: String

    /// The config file for `environment`.
    init(environment: [String: String]) {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        path = base + "/formwork/config"
    }

    /// The value of `key`, quotes removed, or nil.
    func value(_ key: String) -> String? {
        for line in lines() {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == key { return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        }
        return nil
    }

    /// Sets `key = value`, writing the file atomically.
    func set(_ key: String, _ value: String) throws {
        var lines = self.lines()
        let line = "\(key) = \(value)"
        if let index = lines.firstIndex(where: { $0.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) == key }) {
            lines[index] = line
        } else {
            lines.append(line)
        }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: url, mode: 0o600)
    }

    private func lines() -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var lines = text.components(separatedBy: "\n")
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
