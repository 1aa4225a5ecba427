import Foundation

/// A number written in text.
public struct NumberToken: Sendable, Equatable {
    /// The text as written, e.g. "38.7%", "1,234", "−0.3".
    public var text: String
    /// Its value, sign included, percent sign not applied ("38.7%" → 38.7).
    public var value: Double
    /// Digits after the decimal point, for rounding tolerance.
    public var decimals: Int
    /// Whether a percent sign followed.
    public var isPercent: Bool
}

/// Finds the numbers in a paragraph: integers, decimals, thousands separators, percentages and
/// signed deltas (ASCII or Unicode minus). Digits glued to letters ("Q3", "H2O") are names, not
/// numbers, and are skipped.
public enum NumberExtractor {
    private static let pattern = try? NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}_.,])[-+\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?![\p{L}\p{N}_])"#)

    /// Every number in `text`, in order.
    public static func numbers(in text: String) -> [NumberToken] {
        guard let pattern else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            guard let swiftRange = Range(match.range, in: text) else { return nil }
            return token(String(text[swiftRange]))
        }
    }

    static func token(_ raw: String) -> NumberToken? {
        var body = raw.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: "")
        let isPercent = body.hasSuffix("%")
        if isPercent { body.removeLast() }
        if body.hasPrefix("+") { body.removeFirst() }
        guard let value = Double(body) else { return nil }
        let decimals = body.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return NumberToken(text: raw, value: value, decimals: decimals, isPercent: isPercent)
    }
}
