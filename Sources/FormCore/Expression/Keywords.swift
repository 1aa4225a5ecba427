/// Reserved words and the "did you mean" hint for unknown function names.
enum Keywords {
    /// Words that are operators or literals, never function names.
    static let all: Set<String> = [
        "and", "or", "not", "mod", "in", "between", "true", "false",
        "contains", "startswith", "endswith", "matches",
    ]

    /// `unknown function 'lenght' (did you mean 'len'?)`.
    static func unknownFunctionMessage(_ name: String) -> String {
        let best = Function.allCases
            .map { ($0.name, editDistance(name.lowercased(), $0.name)) }
            .min { $0.1 < $1.1 }
        if let best, best.1 <= max(2, name.count / 3) {
            return "unknown function '\(name)' (did you mean '\(best.0)'?)"
        }
        // A misspelt tail ("lenght") still shares a clear prefix with the intended name.
        let prefixed = Function.allCases.first { $0.name.count >= 3 && name.lowercased().hasPrefix($0.name) }
        if let prefixed { return "unknown function '\(name)' (did you mean '\(prefixed.name)'?)" }
        return "unknown function '\(name)'"
    }

    /// Levenshtein distance; names are short so the quadratic table is fine.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = Swift.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = row
        }
        return previous[b.count]
    }
}
