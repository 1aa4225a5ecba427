import FormCore

/// Keyboard moves done in place, for the cases that cannot change a key's scope: stepping
/// past a sibling, into or out of a plain group, and over a folded group (treated as one item,
/// as org-mode moves past a folded subtree).
///
/// `FieldTree` does the same moves but re-checks every key in the form afterwards, which on a
/// 10,000-field form costs more than the whole keystroke budget. These moves never enter or
/// leave a repeat group (the only scope boundary), so no key can clash; every other case
/// returns nil and the caller falls back to `FieldTree`, which also says why a move is refused.
enum FastMoves {
    /// A run of adjacent siblings.
    struct Run {
        var page: Int
        var parentPath: [Int]
        var range: Range<Int>
    }

    /// `form` after the move, or nil when the fast path does not apply.
    static func apply(_ action: BuilderAction, ids: [FieldID], in form: Form, collapsed: Set<FieldID>) -> Form? {
        guard let run = run(ids, in: form) else { return nil }
        let siblings = form.siblings(page: run.page, parentPath: run.parentPath)
        let parent = run.parentPath.isEmpty ? nil : form.field(at: FieldLocation(page: run.page, path: run.parentPath))
        switch action {
        case .moveDown:
            if run.range.upperBound < siblings.count {
                let next = siblings[run.range.upperBound]
                if !next.type.isContainer || collapsed.contains(next.id) { return splice(run, in: form, to: .sibling(run.range.lowerBound + 1)) }
                guard next.type == .group else { return nil }
                return splice(run, in: form, to: .child(of: run.range.lowerBound, at: 0))
            }
            guard parent?.type == .group, let index = run.parentPath.last else { return nil }
            return splice(run, in: form, to: .outside(after: index))
        case .moveUp:
            if run.range.lowerBound > 0 {
                let previous = siblings[run.range.lowerBound - 1]
                if !previous.type.isContainer || collapsed.contains(previous.id) { return splice(run, in: form, to: .sibling(run.range.lowerBound - 1)) }
                guard previous.type == .group else { return nil }
                return splice(run, in: form, to: .child(of: run.range.lowerBound - 1, at: previous.children.count))
            }
            guard parent?.type == .group, let index = run.parentPath.last else { return nil }
            return splice(run, in: form, to: .outside(after: index - 1))
        case .indent:
            guard run.range.lowerBound > 0, siblings[run.range.lowerBound - 1].type == .group else { return nil }
            let group = siblings[run.range.lowerBound - 1]
            return splice(run, in: form, to: .child(of: run.range.lowerBound - 1, at: group.children.count))
        case .outdent:
            guard parent?.type == .group, let index = run.parentPath.last else { return nil }
            return splice(run, in: form, to: .outside(after: index))
        default:
            return nil
        }
    }

    /// Where a run goes, relative to its siblings after it has been taken out.
    enum Destination {
        /// At this index among the remaining siblings.
        case sibling(Int)
        /// Into the sibling at `of` (index among the remaining siblings), at child index `at`.
        case child(of: Int, at: Int)
        /// Into the grandparent's list, after index `after` (-1: first).
        case outside(after: Int)
    }

    static func splice(_ run: Run, in form: Form, to destination: Destination) -> Form {
        var result = form
        let moved = result.editSiblings(page: run.page, parentPath: run.parentPath) { siblings -> [Field] in
            defer { siblings.removeSubrange(run.range) }
            return Array(siblings[run.range])
        }
        switch destination {
        case .sibling(let index):
            result.editSiblings(page: run.page, parentPath: run.parentPath) { $0.insert(contentsOf: moved, at: index) }
        case .child(let group, let index):
            result.editSiblings(page: run.page, parentPath: run.parentPath + [group]) { $0.insert(contentsOf: moved, at: min(index, $0.count)) }
        case .outside(let after):
            result.editSiblings(page: run.page, parentPath: Array(run.parentPath.dropLast())) { $0.insert(contentsOf: moved, at: after + 1) }
        }
        return result
    }

    /// The run `ids` form, or nil when they are not adjacent siblings.
    static func run(_ ids: [FieldID], in form: Form) -> Run? {
        let locations = ids.compactMap { form.location(of: $0) }
        guard !ids.isEmpty, locations.count == ids.count else { return nil }
        let parent = Array(locations[0].path.dropLast())
        guard locations.allSatisfy({ $0.page == locations[0].page && Array($0.path.dropLast()) == parent }) else { return nil }
        let indices = locations.map(\.index).sorted()
        guard let low = indices.first, let high = indices.last, high - low == indices.count - 1 else { return nil }
        return Run(page: locations[0].page, parentPath: parent, range: low..<(high + 1))
    }
}

extension Form {
    /// The fields under `parentPath` on `page` (the page's top level when empty).
    func siblings(page: Int, parentPath: [Int]) -> [Field] {
        parentPath.isEmpty ? pages[page].fields : field(at: FieldLocation(page: page, path: parentPath)).children
    }

    /// Edits the sibling list under `parentPath` in place.
    @discardableResult
    mutating func editSiblings<R>(page: Int, parentPath: [Int], _ body: (inout [Field]) -> R) -> R {
        Form.edit(&pages[page].fields, path: parentPath[...], body)
    }

    private static func edit<R>(_ fields: inout [Field], path: ArraySlice<Int>, _ body: (inout [Field]) -> R) -> R {
        guard let first = path.first else { return body(&fields) }
        return edit(&fields[first].children, path: path.dropFirst(), body)
    }
}
