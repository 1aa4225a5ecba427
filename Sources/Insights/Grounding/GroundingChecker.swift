import Foundation

/// Why a paragraph was not accepted.
public enum GroundingIssue: Sendable, Equatable, CustomStringConvertible {
    /// The paragraph is empty.
    case emptyText
    /// It cites a fact id the table does not have.
    case unknownFact(String)
    /// It contains numbers but cites no fact.
    case noCitation
    /// A number in it matches none of the cited facts.
    case unsupportedNumber(String)
    /// It calls a change an increase when the fact is a decrease, or the reverse.
    case wrongDirection(factID: String)

    /// One line.
    public var description: String {
        switch self {
        case .emptyText: return "empty paragraph"
        case .unknownFact(let id): return "cites unknown fact \(id)"
        case .noCitation: return "has numbers but cites no fact"
        case .unsupportedNumber(let text): return "number \(text) is not in the cited facts"
        case .wrongDirection(let id): return "direction contradicts fact \(id)"
        }
    }
}

/// Checks a paragraph against its fact table: every cited id exists, every number in the text
/// matches a cited fact (its display text, or its value within the written number's rounding;
/// numbers in the cited labels and sample sizes are allowed too), and direction words agree with
/// the sign of cited changes.
public enum GroundingChecker {
    private static let upWords: Set<String> = ["increase", "increased", "increases", "rose", "rise", "rises", "grew", "grow", "up", "higher", "improved", "gain", "gained"]
    private static let downWords: Set<String> = ["decrease", "decreased", "decreases", "fell", "fall", "falls", "dropped", "drop", "down", "lower", "declined", "decline", "worse"]

    /// The problems with a paragraph; empty when it is grounded.
    public static func issues(_ draft: InsightDraft, table: FactTable) -> [GroundingIssue] {
        guard !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [.emptyText] }
        var issues: [GroundingIssue] = draft.factIDs.filter { table.fact($0) == nil }.map(GroundingIssue.unknownFact)
        let cited = draft.factIDs.compactMap(table.fact)
        let numbers = NumberExtractor.numbers(in: draft.text)
        if !numbers.isEmpty && cited.isEmpty { issues.append(.noCitation) }
        let allowed = allowedNumbers(cited)
        for number in numbers where !allowed.contains(where: { matches(number, $0) }) {
            issues.append(.unsupportedNumber(number.text))
        }
        issues += directionIssues(draft.text, cited: cited)
        return issues
    }

    /// Whether a written number matches an allowed value: the same digits, or the allowed value
    /// rounded to the written precision (signs compared by magnitude; direction is checked apart).
    static func matches(_ number: NumberToken, _ allowed: Double) -> Bool {
        let tolerance = 0.5 * pow(10, -Double(number.decimals)) + 1e-9
        return abs(abs(number.value) - abs(allowed)) <= tolerance
    }

    private static func allowedNumbers(_ facts: [Fact]) -> [Double] {
        var values: [Double] = []
        for fact in facts {
            values += NumberExtractor.numbers(in: fact.display).map(\.value)
            values += NumberExtractor.numbers(in: fact.label).map(\.value)
            if let value = fact.value, value.isFinite {
                values.append(value)
                if fact.kind == .share { values.append(value * 100) }
            }
            if let n = fact.sampleSize { values.append(Double(n)) }
        }
        return values
    }

    private static func directionIssues(_ text: String, cited: [Fact]) -> [GroundingIssue] {
        let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
        let saysUp = !words.isDisjoint(with: upWords)
        let saysDown = !words.isDisjoint(with: downWords)
        guard saysUp != saysDown else { return [] }
        return cited.filter { $0.kind == .change }.compactMap { fact in
            guard let value = fact.value, value != 0 else { return nil }
            return (value > 0) == saysUp ? nil : .wrongDirection(factID: fact.id)
        }
    }
}
