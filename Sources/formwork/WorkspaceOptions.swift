import ArgumentParser
import Foundation

/// `--workspace DIR`, else `FORMWORK_HOME`, else `$XDG_DATA_HOME/formwork`
/// (`~/.local/share/formwork`): where `formwork.db` and `reports/` live.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "Workspace folder (default: $FORMWORK_HOME or $XDG_DATA_HOME/formwork).")
    var workspace: String?

    /// The workspace folder this invocation uses, created if missing.
    func directory(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let url = Self.resolve(flag: workspace, environment: environment)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw EnvironmentError("cannot create workspace \(url.path): \(error.localizedDescription)")
        }
        return url
    }

    /// The path of the workspace database.
    func databasePath() throws -> String {
        try directory().appendingPathComponent("formwork.db").path
    }

    static func resolve(flag: String?, environment: [String: String]) -> URL {
        if let flag, !flag.isEmpty { return URL(fileURLWithPath: flag) }
        if let home = environment["FORMWORK_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return URL(fileURLWithPath: dataHome).appendingPathComponent("formwork")
    }
}

/// A problem with the machine rather than the input: an unusable folder, a missing tool.
/// `guarded` prints it as one line and exits 2.
struct EnvironmentError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
