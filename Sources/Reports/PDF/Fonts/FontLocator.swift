import Foundation

/// Finds and caches the TrueType fonts used for embedding.
enum FontLocator {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: TrueTypeFont] = [:]

    /// The usual Debian/Ubuntu/Fedora locations of DejaVu Sans (regular, bold).
    static let knownPaths: [(regular: String, bold: String)] = [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"),
        ("/usr/local/share/fonts/DejaVuSans.ttf", "/usr/local/share/fonts/DejaVuSans-Bold.ttf"),
    ]

    /// Paths of a regular and a bold DejaVu Sans, from the usual paths or `fc-match`.
    static func dejaVuPaths() -> (regular: String, bold: String)? {
        let files = FileManager.default
        if let pair = knownPaths.first(where: { files.isReadableFile(atPath: $0.regular) }) {
            return (pair.regular, files.isReadableFile(atPath: pair.bold) ? pair.bold : pair.regular)
        }
        guard let regular = fcMatch("DejaVu Sans"), regular.lowercased().hasSuffix(".ttf") else { return nil }
        let bold = fcMatch("DejaVu Sans:bold").flatMap { $0.lowercased().hasSuffix(".ttf") ? $0 : nil }
        return (regular, bold ?? regular)
    }

    /// Loads a font once per process; later calls return the parsed instance.
    static func load(path: String) throws -> TrueTypeFont {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[path] { return cached }
        let font = try TrueTypeFont(path: path)
        cache[path] = font
        return font
    }

    /// Asks fontconfig for the file of a pattern; nil when fc-match is absent or fails.
    static func fcMatch(_ pattern: String) -> String? {
        let candidates = ["/usr/bin/fc-match", "/usr/local/bin/fc-match", "/opt/homebrew/bin/fc-match"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-f", "%{file}", pattern]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let path = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.isReadableFile(atPath: path) ? path : nil
    }
}
