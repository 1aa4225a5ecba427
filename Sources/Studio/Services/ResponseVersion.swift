import FormCore
import Foundation

/// One saved version of a response's answers, as its revision history lists it.
public struct ResponseVersion: Hashable, Sendable {
    /// 1 for the answers as first stored, counting up with every saved edit.
    public var revision: Int
    /// The answers of that version.
    public var answers: Answers
    /// `draft` or `submitted`, at that version.
    public var status: String
    /// When that version was saved.
    public var savedAt: Date

    /// Creates a version.
    public init(revision: Int, answers: Answers, status: String, savedAt: Date) {
        self.revision = revision
        self.answers = answers
        self.status = status
        self.savedAt = savedAt
    }
}

/// Which answers differ between two versions of a response, as answer paths
/// (`age`, `kids[1].name` for the first entry; `kids` when entries were added or removed).
public enum ResponseDiff {
    /// The paths whose answers differ between `old` and `new`, sorted.
    public static func changedPaths(_ old: Answers, _ new: Answers) -> [String] {
        changed(old, new, prefix: "").sorted()
    }

    static func changed(_ old: Answers, _ new: Answers, prefix: String) -> [String] {
        var paths: [String] = []
        for key in Set(old.values.keys).union(new.values.keys) where old[key] != new[key] {
            paths.append(prefix + key)
        }
        for key in Set(old.repeats.keys).union(new.repeats.keys) {
            let before = old.repeats[key] ?? [], after = new.repeats[key] ?? []
            if before.count != after.count { paths.append(prefix + key) }
            for n in 0..<min(before.count, after.count) {
                paths += changed(before[n], after[n], prefix: "\(prefix)\(key)[\(n + 1)].")
            }
        }
        return paths
    }
}
