import FormCore
import Foundation
import TUIKit

/// The revision history of the open response: the list of versions, and one old version's
/// answers being read (read only).
public struct ResponseHistoryState: Hashable, Sendable {
    /// Every saved version, oldest first, ending with the current one.
    public var versions: [ResponseVersion]
    /// For each version, the answer paths that differ in the next one (empty for the last).
    public var changes: [[String]]
    /// The highlighted version in the list.
    public var selected: Int
    /// The version being read, if one is open.
    public var viewing: Int?
    /// The first line shown of the version being read.
    public var offset = 0
    /// The lines of the version being read.
    public var lines: [DetailLine] = []

    /// The history of `versions`, the current one highlighted.
    public init(versions: [ResponseVersion]) {
        self.versions = versions
        self.changes = versions.indices.map { n in
            n + 1 < versions.count ? ResponseDiff.changedPaths(versions[n].answers, versions[n + 1].answers) : []
        }
        self.selected = max(0, versions.count - 1)
    }

    /// A command while the history is open: move in the list, open a version (its answers laid
    /// out over `fields`), or scroll it.
    mutating func reduce(_ action: ResponsesAction, page: Int, fields: [Field]) {
        if viewing != nil {
            switch action {
            case .up: offset -= 1
            case .down: offset += 1
            case .pageUp: offset -= page
            case .pageDown: offset += page
            case .first: offset = 0
            case .last: offset = lines.count
            default: return
            }
            offset = max(0, min(offset, lines.count - page))
            return
        }
        switch action {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .first: selected = 0
        case .last: selected = versions.count - 1
        case .open:
            guard versions.indices.contains(selected) else { return }
            viewing = selected
            offset = 0
            lines = ResponseDetailState.lines(versions[selected].answers, fields: fields, depth: 0)
        default: return
        }
        selected = max(0, min(selected, versions.count - 1))
    }

    /// Esc: from a version back to the list; from the list back to the response (by the caller
    /// dropping the history when this returns false).
    mutating func back() -> Bool {
        guard viewing != nil else { return false }
        viewing = nil
        return true
    }

    /// The list line of version `n`: revision, time, status and what the next one changed.
    func line(_ n: Int, stamp: (Date) -> String) -> String {
        let version = versions[n]
        var text = "r\(version.revision)  \(stamp(version.savedAt))  \(version.status)"
        if n == versions.count - 1 { return text + "  · current" }
        let changed = changes[n]
        text += changed.isEmpty ? "  · r\(versions[n + 1].revision) changed nothing" : "  · r\(versions[n + 1].revision) changed " + changed.joined(separator: ", ")
        return text
    }
}
