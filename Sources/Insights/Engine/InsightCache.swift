import Foundation

/// Accepted insights by key: the hash of the facts, the prompt version and the model, so the
/// same report re-rendered does not pay for the same paragraphs twice.
public protocol InsightCache: Sendable {
    /// The cached insights for a key.
    func insights(forKey key: String) -> SectionInsights?
    /// Stores insights under a key.
    func store(_ insights: SectionInsights, forKey key: String) throws
}

/// Keys for the cache (a free function so callers need no concrete cache type).
public enum InsightCacheKey {
    /// The key for a fact table, prompt version and deployment.
    public static func make(factsHash: String, promptVersion: String, provider: String, model: String) -> String {
        StableHash.hex(of: [factsHash, promptVersion, provider, model].joined(separator: "\u{1F}"))
    }
}

/// The cache as one JSON file per key in a folder (`cache/insights/` in the workspace),
/// written atomically.
public final class FileInsightCache: InsightCache, @unchecked Sendable {
    /// The folder.
    public let directory: URL

    /// A cache in `directory` (created when first written).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The cached insights, or nil when absent or unreadable.
    public func insights(forKey key: String) -> SectionInsights? {
        guard let data = try? Data(contentsOf: file(key)) else { return nil }
        return try? JSONDecoder().decode(SectionInsights.self, from: data)
    }

    /// Writes the insights atomically.
    public func store(_ insights: SectionInsights, forKey key: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(insights).write(to: file(key), options: .atomic)
    }

    private func file(_ key: String) -> URL {
        directory.appendingPathComponent(key.filter { $0.isLetter || $0.isNumber } + ".json")
    }
}
