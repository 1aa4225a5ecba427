/// A successful fuzzy match: its score and which characters matched (for highlighting).
public struct FuzzyMatch: Hashable, Sendable {
    /// Higher is better.
    public var score: Int
    /// Offsets of matched characters in the candidate, ascending.
    public var indices: [Int]

    /// Creates a match.
    public init(score: Int, indices: [Int]) {
        self.score = score
        self.indices = indices
    }
}

/// fzf-style fuzzy matching: query characters must appear in order; consecutive runs, word
/// starts and camelCase humps score higher, and gaps cost a little.
///
/// The best alignment is found by dynamic programming over query × candidate, so "mvd" prefers
/// the word starts of "Move Down" over stray letters elsewhere. Matching ignores case unless the
/// query contains an uppercase letter (smart case).
public enum FuzzyMatcher {
    static let scoreMatch = 16
    static let gapStart = -3
    static let gapExtension = -1
    static let bonusBoundary = 8
    static let bonusCamel = 7
    static let bonusConsecutive = 5
    static let firstCharMultiplier = 2

    /// Matches `query` against `candidate`; nil when some query character cannot be placed.
    public static func match(_ query: String, in candidate: String) -> FuzzyMatch? {
        let pattern = Array(query.filter { $0 != " " })
        guard !pattern.isEmpty else { return FuzzyMatch(score: 0, indices: []) }
        let text = Array(candidate)
        guard pattern.count <= text.count else { return nil }
        let caseSensitive = pattern.contains { $0.isUppercase }
        let fold: (Character) -> Character = { caseSensitive ? $0 : Character($0.lowercased()) }
        let needle = pattern.map(fold), haystack = text.map(fold)
        let bonuses = text.indices.map { bonus(at: $0, in: text) }
        return align(needle, haystack, bonuses)
    }

    /// Items that match `query`, best first (ties: shorter text first, then original order).
    public static func rank<Item>(_ query: String, _ items: [Item], text: (Item) -> String) -> [(item: Item, match: FuzzyMatch)] {
        // No query: everything matches equally, and the caller's order is the meaningful one.
        guard query.contains(where: { $0 != " " }) else { return items.map { ($0, FuzzyMatch(score: 0, indices: [])) } }
        let scored = items.enumerated().compactMap { offset, item -> (Int, Item, FuzzyMatch, Int)? in
            let candidate = text(item)
            guard let found = match(query, in: candidate) else { return nil }
            return (offset, item, found, candidate.count)
        }
        return scored.sorted { a, b in
            if a.2.score != b.2.score { return a.2.score > b.2.score }
            if a.3 != b.3 { return a.3 < b.3 }
            return a.0 < b.0
        }.map { ($0.1, $0.2) }
    }

    static func bonus(at index: Int, in text: [Character]) -> Int {
        let current = text[index]
        guard index > 0 else { return bonusBoundary }
        let previous = text[index - 1]
        if !previous.isLetter && !previous.isNumber && (current.isLetter || current.isNumber) { return bonusBoundary }
        if previous.isLowercase && current.isUppercase { return bonusCamel }
        if previous.isLetter && current.isNumber { return bonusCamel }
        return 0
    }

    // score[i][j]: best score with needle[i] matched at haystack[j]; from[i][j]: where needle[i-1] sat.
    private static func align(_ needle: [Character], _ haystack: [Character], _ bonuses: [Int]) -> FuzzyMatch? {
        let n = needle.count, m = haystack.count
        let impossible = Int.min / 4
        var score = Array(repeating: Array(repeating: impossible, count: m), count: n)
        var from = Array(repeating: Array(repeating: -1, count: m), count: n)
        for j in 0..<m where haystack[j] == needle[0] {
            score[0][j] = scoreMatch + bonuses[j] * firstCharMultiplier
        }
        for i in 1..<max(1, n) {
            var gapBest = impossible, gapFrom = -1
            for j in 0..<m {
                if j >= 2, score[i - 1][j - 2] > impossible, score[i - 1][j - 2] + gapStart >= gapBest + gapExtension {
                    gapBest = score[i - 1][j - 2] + gapStart
                    gapFrom = j - 2
                } else if gapBest > impossible {
                    gapBest += gapExtension
                }
                guard haystack[j] == needle[i] else { continue }
                let consecutive = j >= 1 && score[i - 1][j - 1] > impossible ? score[i - 1][j - 1] + bonusConsecutive : impossible
                let best = max(consecutive, gapBest)
                guard best > impossible else { continue }
                score[i][j] = best + scoreMatch + bonuses[j]
                from[i][j] = consecutive >= gapBest ? j - 1 : gapFrom
            }
        }
        guard let end = (0..<m).max(by: { score[n - 1][$0] < score[n - 1][$1] }), score[n - 1][end] > impossible else {
            return nil
        }
        var indices = [end]
        var i = n - 1, j = end
        while i > 0 {
            j = from[i][j]
            i -= 1
            indices.append(j)
        }
        return FuzzyMatch(score: score[n - 1][end], indices: indices.reversed())
    }
}
