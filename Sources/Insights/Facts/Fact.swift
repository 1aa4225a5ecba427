import Foundation

/// One computed statistic the narrative may cite: a stable id, what it measures, its value and
/// the exact text a paragraph must use when it quotes it.
public struct Fact: Codable, Sendable, Equatable {
    /// A stable id within its table, e.g. "F3".
    public var id: String
    /// What the number is, e.g. "mean satisfaction (1-5)".
    public var label: String
    /// The value, when it is a number.
    public var value: Double?
    /// The pre-rounded text to quote, e.g. "4.1", "38.7%", "+0.3".
    public var display: String
    /// What kind of statistic this is; the local narrator phrases each kind differently.
    public var kind: FactKind
    /// The number of responses the statistic rests on, so small samples can be hedged.
    public var sampleSize: Int?

    /// A fact from its parts.
    public init(id: String, label: String, value: Double?, display: String, kind: FactKind = .value, sampleSize: Int? = nil) {
        self.id = id
        self.label = label
        self.value = value
        self.display = display
        self.kind = kind
        self.sampleSize = sampleSize
    }

    /// Decodes a fact; `kind` defaults to `value`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        value = try container.decodeIfPresent(Double.self, forKey: .value)
        display = try container.decode(String.self, forKey: .display)
        kind = try container.decodeIfPresent(FactKind.self, forKey: .kind) ?? .value
        sampleSize = try container.decodeIfPresent(Int.self, forKey: .sampleSize)
    }
}

/// The kinds of statistic a fact can hold.
public enum FactKind: String, Codable, Sendable, CaseIterable {
    /// A count of responses or answers.
    case count
    /// A mean, median or other central value.
    case average
    /// A share of responses, displayed as a percentage.
    case share
    /// A change between periods or groups; its sign gives the direction.
    case change
    /// The most chosen answer or the top of a ranking.
    case top
    /// Any other value.
    case value
}
