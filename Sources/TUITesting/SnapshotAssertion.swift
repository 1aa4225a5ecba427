import Foundation

/// Compares text with a stored snapshot file; `RECORD_SNAPSHOTS=1` writes the file instead.
public enum SnapshotAssertion {
    /// The outcome of a comparison.
    public enum Outcome: Equatable {
        /// The text equals the stored snapshot.
        case matched
        /// The snapshot was written (recording, or first run).
        case recorded(path: String)
        /// The text differs; `diff` shows the first differing lines.
        case mismatch(diff: String)
    }

    /// Compares `text` with `directory/name.txt`.
    public static func check(_ text: String, named name: String, in directory: URL,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Outcome {
        let url = directory.appendingPathComponent(name + ".txt")
        let content = text + "\n"
        let recording = environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
        if recording || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? content.write(to: url, atomically: true, encoding: .utf8)
            return .recorded(path: url.path)
        }
        let stored = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard stored != content else { return .matched }
        return .mismatch(diff: diff(expected: stored, actual: content))
    }

    /// The first few lines that differ, as `-expected` / `+actual` pairs.
    public static func diff(expected: String, actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(a.count, b.count) where out.count < 20 {
            let left = index < a.count ? a[index] : "<none>", right = index < b.count ? b[index] : "<none>"
            if left != right { out += ["line \(index + 1):", "- \(left)", "+ \(right)"] }
        }
        return out.joined(separator: "\n")
    }
}
