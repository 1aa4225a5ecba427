import Foundation

/// Why a theme could not be loaded.
public enum ThemeLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file or built-in theme has this name; `searched` lists the directories tried.
    case notFound(name: String, searched: [String])
    /// The file exists but could not be read as UTF-8.
    case unreadable(path: String)
    /// The file was read but is not a valid theme.
    case invalid(ThemeError)

    /// A one-line explanation for the user.
    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            let places = searched.isEmpty ? "" : " (searched \(searched.joined(separator: ", ")))"
            return "theme '\(name)' not found\(places); built-ins: \(BuiltinThemes.names.joined(separator: ", "))"
        case .unreadable(let path): return "cannot read theme file \(path)"
        case .invalid(let error): return error.description
        }
    }
}

/// Finds themes by name in theme directories, falling back to the built-in copies.
public struct ThemeLoader: Sendable {
    /// Directories searched in order for `NAME.theme`.
    public var searchPaths: [String]

    /// A loader searching `searchPaths` in order.
    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    /// The usual search order: `$FORMWORK_THEMES`, `$XDG_CONFIG_HOME/formwork/themes` (or
    /// `~/.config/formwork/themes`), then `./themes`; built-ins always follow.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> ThemeLoader {
        var paths: [String] = []
        if let custom = environment["FORMWORK_THEMES"], !custom.isEmpty { paths.append(custom) }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            paths.append(config + "/formwork/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            paths.append(home + "/.config/formwork/themes")
        }
        paths.append(currentDirectory + "/themes")
        return ThemeLoader(searchPaths: paths)
    }

    /// Loads a theme by name (`default-dark`) or by file path (anything containing `/` or
    /// ending in `.theme`). Files in the search paths shadow built-ins of the same name.
    public func load(_ nameOrPath: String) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw ThemeLoadError.notFound(name: nameOrPath, searched: [])
            }
            return try loadFile(nameOrPath)
        }
        for directory in searchPaths {
            let path = directory + "/" + nameOrPath + ".theme"
            if FileManager.default.fileExists(atPath: path) { return try loadFile(path) }
        }
        if let source = BuiltinThemes.source(named: nameOrPath) {
            do {
                return try ThemeParser.parse(source, file: "builtin:" + nameOrPath)
            } catch let error as ThemeError {
                throw ThemeLoadError.invalid(error)
            }
        }
        throw ThemeLoadError.notFound(name: nameOrPath, searched: searchPaths)
    }

    /// Every theme name available: built-ins plus `*.theme` files in the search paths, sorted.
    public func availableThemes() -> [String] {
        var names = Set(BuiltinThemes.names)
        for directory in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".theme") { names.insert(String(file.dropLast(6))) }
        }
        return names.sorted()
    }

    private func loadFile(_ path: String) throws -> Theme {
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            throw ThemeLoadError.unreadable(path: path)
        }
        do {
            return try ThemeParser.parse(source, file: path)
        } catch let error as ThemeError {
            throw ThemeLoadError.invalid(error)
        }
    }
}
