import Foundation

/// Why a pattern could not be used as a regular expression.
public struct RegexError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String

    /// `invalid regular expression '…'`.
    public var description: String { "invalid regular expression '\(pattern)'" }
}

/// Compiled regular expressions keyed by pattern, shared by the parser (which checks
/// literal patterns) and the evaluator (which matches). Patterns match the whole text.
final class RegexCache: @unchecked Sendable {
    /// The process-wide cache; guarded by `lock`, so it is safe from any thread.
    static let shared = RegexCache()

    private let lock = NSLock()
    private var entries: [String: Result<NSRegularExpression, RegexError>] = [:]
    /// Bounded so that patterns built from answers cannot grow memory without limit.
    private let capacity = 512

    /// The compiled whole-text matcher for `pattern`, or why it is invalid.
    func regex(for pattern: String) -> Result<NSRegularExpression, RegexError> {
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[pattern] { return cached }
        let result: Result<NSRegularExpression, RegexError>
        do {
            // The bare pattern is compiled first so that one like `a)|(b` is refused
            // instead of becoming valid once wrapped.
            _ = try NSRegularExpression(pattern: pattern, options: [])
            result = .success(try NSRegularExpression(pattern: "^(?:" + pattern + ")$", options: []))
        } catch {
            result = .failure(RegexError(pattern: pattern))
        }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[pattern] = result
        return result
    }

    /// Whether `text` matches `pattern` as a whole.
    func matches(_ text: String, pattern: String) -> Result<Bool, RegexError> {
        regex(for: pattern).map { regex in
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            return regex.firstMatch(in: text, options: [], range: range) != nil
        }
    }
}
