import Foundation

/// The statistics of one report section, computed in Swift, that a narrative may use: the only
/// numbers an insight paragraph is allowed to contain.
public struct FactTable: Codable, Sendable, Equatable {
    /// The section these facts describe, e.g. a question key or "overview".
    public var section: String
    /// A human title for the section, e.g. the question's label.
    public var title: String
    /// The facts, in the order a narrator should mention them.
    public var facts: [Fact]
    /// Below this many responses a claim is hedged ("only 12 responses").
    public var minimumSampleForClaims: Int

    /// A table from its parts.
    public init(section: String, title: String, facts: [Fact], minimumSampleForClaims: Int = 30) {
        self.section = section
        self.title = title
        self.facts = facts
        self.minimumSampleForClaims = minimumSampleForClaims
    }

    /// Decodes a table; `title` defaults to the section and the minimum sample to 30.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        section = try container.decode(String.self, forKey: .section)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? section
        facts = try container.decode([Fact].self, forKey: .facts)
        minimumSampleForClaims = try container.decodeIfPresent(Int.self, forKey: .minimumSampleForClaims) ?? 30
    }

    /// The fact with this id.
    public func fact(_ id: String) -> Fact? {
        facts.first { $0.id == id }
    }

    /// A stable 64-bit FNV-1a hash of the table's canonical JSON, in hex; it keys the insight
    /// cache together with the prompt version and the model.
    public var contentHash: String {
        StableHash.hex(of: canonicalJSON)
    }

    /// The table as JSON with sorted keys: the form the prompt shows the model.
    public var canonicalJSON: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// FNV-1a, 64-bit: a stable, dependency-free hash for cache keys (not for security).
public enum StableHash {
    /// The hash of some bytes as 16 hex digits.
    public static func hex(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(format: "%016llx", hash)
    }

    /// The hash of a string's UTF-8 bytes.
    public static func hex(of text: String) -> String {
        hex(of: Data(text.utf8))
    }
}
