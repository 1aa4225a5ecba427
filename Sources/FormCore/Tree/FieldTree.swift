/// Pure operations on a form's field tree. Each returns a new form or throws a
/// `FieldTreeError` that says why; ids stay unique, keys stay unique per scope and no field
/// ends up inside itself.
///
/// A selection is one field or a run of adjacent siblings; moves carry the whole run.
public enum FieldTree {
    /// Where an inserted field goes.
    public enum Position: Hashable, Sendable {
        /// Right after a field, as its sibling.
        case after(FieldID)
        /// Right before a field, as its sibling.
        case before(FieldID)
        /// As the last child of a group or repeat.
        case inside(FieldID)
        /// At an index among a page's top-level fields (clamped).
        case page(String, index: Int)
    }

    /// Inserts `field` (with any children) at `position`.
    public static func insert(_ field: Field, at position: Position, in form: Form) throws -> Form {
        try insert([field], at: position, in: form)
    }

    /// Inserts a run of fields at `position`, in order.
    public static func insert(_ fields: [Field], at position: Position, in form: Form) throws -> Form {
        var result = form
        for field in fields {
            for (sub, _) in flatten([field]) where form.location(of: sub.id) != nil { throw FieldTreeError.duplicateID(sub.id) }
        }
        switch position {
        case .after(let id), .before(let id):
            guard let location = form.location(of: id) else { throw FieldTreeError.notFound(id) }
            let index = location.index + (position == .after(id) ? 1 : 0)
            result.modifySiblings(page: location.page, parentPath: Array(location.path.dropLast())) {
                $0.insert(contentsOf: fields, at: index)
            }
        case .inside(let id):
            guard let location = form.location(of: id) else { throw FieldTreeError.notFound(id) }
            guard form.field(at: location).type.isContainer else { throw FieldTreeError.notAGroup(id) }
            result.modifySiblings(page: location.page, parentPath: location.path) { $0.append(contentsOf: fields) }
        case .page(let pageID, let index):
            guard let page = form.pages.firstIndex(where: { $0.id == pageID }) else { throw FieldTreeError.pageNotFound(pageID) }
            result.modifySiblings(page: page, parentPath: []) { $0.insert(contentsOf: fields, at: max(0, min(index, $0.count))) }
        }
        try checkKeys(result)
        return result
    }

    /// Deletes the selected fields and everything inside them; rules lose the deleted targets
    /// and rules whose condition reads a deleted field are removed.
    public static func delete(_ selection: [FieldID], in form: Form) throws -> Form {
        var result = form
        var removed: Set<FieldID> = []
        for id in selection {
            guard let location = result.location(of: id) else { throw FieldTreeError.notFound(id) }
            let field = result.field(at: location)
            flatten([field]).forEach { removed.insert($0.field.id) }
            result.modifySiblings(page: location.page, parentPath: Array(location.path.dropLast())) { _ = $0.remove(at: location.index) }
        }
        result.rules = result.rules.compactMap { rule in
            if rule.when.rows.contains(where: { removed.contains($0.sourceFieldId) }) { return nil }
            var rule = rule
            rule.targetFieldIds.removeAll { removed.contains($0) }
            return rule.targetFieldIds.isEmpty && rule.action != .skipToPage ? nil : rule
        }
        return result
    }

    /// Copies a field (and its children) right below itself with fresh ids and keys; returns the
    /// new form and the copy's id.
    public static func duplicate(_ id: FieldID, in form: Form) throws -> (form: Form, copyID: FieldID) {
        guard let original = form.field(id) else { throw FieldTreeError.notFound(id) }
        var usedIDs = Set(form.allFields.map(\.field.id))
        var usedKeys = Set(form.allFields.map(\.field.key))
        func fresh(_ base: String, in used: inout Set<String>) -> String {
            var n = 2
            var candidate = "\(base)_\(n)"
            while used.contains(candidate) { n += 1; candidate = "\(base)_\(n)" }
            used.insert(candidate)
            return candidate
        }
        func copy(_ field: Field) -> Field {
            var field = field
            field.id = fresh(field.id, in: &usedIDs)
            field.key = fresh(field.key, in: &usedKeys)
            field.children = field.children.map(copy)
            return field
        }
        let clone = copy(original)
        return (try insert(clone, at: .after(id), in: form), clone.id)
    }

    /// Moves the selection up one step: past the previous sibling, into the end of a group just
    /// above, or out of the top of its group.
    public static func moveUp(_ selection: [FieldID], in form: Form) throws -> Form {
        let run = try siblingRun(selection, in: form)
        var result = form
        let moved = try result.modifySiblings(page: run.page, parentPath: run.parentPath) { siblings -> [Field] in
            Array(siblings[run.range])
        }
        if run.range.lowerBound > 0 {
            let above = form.field(at: FieldLocation(page: run.page, path: run.parentPath + [run.range.lowerBound - 1]))
            result.modifySiblings(page: run.page, parentPath: run.parentPath) { $0.removeSubrange(run.range) }
            if above.type.isContainer {
                result.modifySiblings(page: run.page, parentPath: run.parentPath + [run.range.lowerBound - 1]) { $0.append(contentsOf: moved) }
            } else {
                result.modifySiblings(page: run.page, parentPath: run.parentPath) { $0.insert(contentsOf: moved, at: run.range.lowerBound - 1) }
            }
        } else if let parentIndex = run.parentPath.last {
            result.modifySiblings(page: run.page, parentPath: run.parentPath) { $0.removeSubrange(run.range) }
            result.modifySiblings(page: run.page, parentPath: Array(run.parentPath.dropLast())) { $0.insert(contentsOf: moved, at: parentIndex) }
        } else {
            throw FieldTreeError.cannotMoveUp
        }
        try checkKeys(result)
        return result
    }

    /// Moves the selection down one step: past the next sibling, into the start of a group just
    /// below, or out of the bottom of its group.
    public static func moveDown(_ selection: [FieldID], in form: Form) throws -> Form {
        let run = try siblingRun(selection, in: form)
        var result = form
        let (moved, count) = result.modifySiblings(page: run.page, parentPath: run.parentPath) { (Array($0[run.range]), $0.count) }
        if run.range.upperBound < count {
            let below = form.field(at: FieldLocation(page: run.page, path: run.parentPath + [run.range.upperBound]))
            result.modifySiblings(page: run.page, parentPath: run.parentPath) { $0.removeSubrange(run.range) }
            if below.type.isContainer {
                result.modifySiblings(page: run.page, parentPath: run.parentPath + [run.range.lowerBound]) { $0.insert(contentsOf: moved, at: 0) }
            } else {
                result.modifySiblings(page: run.page, parentPath: run.parentPath) { $0.insert(contentsOf: moved, at: run.range.lowerBound + 1) }
            }
        } else if let parentIndex = run.parentPath.last {
            result.modifySiblings(page: run.page, parentPath: run.parentPath) { $0.removeSubrange(run.range) }
            result.modifySiblings(page: run.page, parentPath: Array(run.parentPath.dropLast())) { $0.insert(contentsOf: moved, at: parentIndex + 1) }
        } else {
            throw FieldTreeError.cannotMoveDown
        }
        try checkKeys(result)
        return result
    }

    /// Moves the selection into the group right above it, as its last children.
    public static func indent(_ selection: [FieldID], in form: Form) throws -> Form {
        let run = try siblingRun(selection, in: form)
        guard run.range.lowerBound > 0,
              form.field(at: FieldLocation(page: run.page, path: run.parentPath + [run.range.lowerBound - 1])).type.isContainer
        else { throw FieldTreeError.noGroupAbove }
        var result = form
        let moved = result.modifySiblings(page: run.page, parentPath: run.parentPath) { siblings -> [Field] in
            defer { siblings.removeSubrange(run.range) }
            return Array(siblings[run.range])
        }
        result.modifySiblings(page: run.page, parentPath: run.parentPath + [run.range.lowerBound - 1]) { $0.append(contentsOf: moved) }
        try checkKeys(result)
        return result
    }

    /// Moves the selection out of its group, right after the group.
    public static func outdent(_ selection: [FieldID], in form: Form) throws -> Form {
        let run = try siblingRun(selection, in: form)
        guard let parentIndex = run.parentPath.last else { throw FieldTreeError.alreadyTopLevel }
        var result = form
        let moved = result.modifySiblings(page: run.page, parentPath: run.parentPath) { siblings -> [Field] in
            defer { siblings.removeSubrange(run.range) }
            return Array(siblings[run.range])
        }
        result.modifySiblings(page: run.page, parentPath: Array(run.parentPath.dropLast())) { $0.insert(contentsOf: moved, at: parentIndex + 1) }
        try checkKeys(result)
        return result
    }

    /// Moves the selection to the end of another page's top level.
    public static func move(_ selection: [FieldID], toPage pageID: String, in form: Form) throws -> Form {
        let run = try siblingRun(selection, in: form)
        guard let target = form.pages.firstIndex(where: { $0.id == pageID }) else { throw FieldTreeError.pageNotFound(pageID) }
        var result = form
        let moved = result.modifySiblings(page: run.page, parentPath: run.parentPath) { siblings -> [Field] in
            defer { siblings.removeSubrange(run.range) }
            return Array(siblings[run.range])
        }
        result.pages[target].fields.append(contentsOf: moved)
        try checkKeys(result)
        return result
    }

    /// Moves the selection into a group anywhere in the form (the end of its children).
    public static func move(_ selection: [FieldID], into groupID: FieldID, in form: Form) throws -> Form {
        if let group = form.field(groupID), !group.type.isContainer { throw FieldTreeError.notAGroup(groupID) }
        for id in selection {
            if let field = form.field(id), flatten([field]).contains(where: { $0.field.id == groupID }) {
                throw FieldTreeError.intoItself(id)
            }
        }
        let run = try siblingRun(selection, in: form)
        var result = form
        let moved = result.modifySiblings(page: run.page, parentPath: run.parentPath) { siblings -> [Field] in
            defer { siblings.removeSubrange(run.range) }
            return Array(siblings[run.range])
        }
        return try insert(moved, at: .inside(groupID), in: result)
    }

    // MARK: - Helpers

    struct SiblingRun {
        var page: Int
        var parentPath: [Int]
        var range: Range<Int>
    }

    /// Resolves a selection to one run of adjacent siblings.
    static func siblingRun(_ selection: [FieldID], in form: Form) throws -> SiblingRun {
        guard !selection.isEmpty else { throw FieldTreeError.emptySelection }
        let locations = try selection.map { id -> FieldLocation in
            guard let location = form.location(of: id) else { throw FieldTreeError.notFound(id) }
            return location
        }
        let first = locations[0]
        let parentPath = Array(first.path.dropLast())
        guard locations.allSatisfy({ $0.page == first.page && Array($0.path.dropLast()) == parentPath }) else {
            throw FieldTreeError.notSiblings
        }
        let indices = locations.map(\.index).sorted()
        guard Set(indices).count == indices.count, indices.last! - indices.first! == indices.count - 1 else {
            throw FieldTreeError.notSiblings
        }
        return SiblingRun(page: first.page, parentPath: parentPath, range: indices.first!..<(indices.last! + 1))
    }

    /// Every field under `fields` with the key scope it belongs to (the enclosing repeat's id,
    /// or "" for the form).
    static func flatten(_ fields: [Field], scope: String = "") -> [(field: Field, scope: String)] {
        var out: [(Field, String)] = []
        for field in fields {
            out.append((field, scope))
            let inner = field.type == .repeatGroup ? field.id : scope
            out.append(contentsOf: flatten(field.children, scope: inner))
        }
        return out
    }

    /// Throws on the first key used twice within one scope, or id used twice anywhere.
    public static func checkKeys(_ form: Form) throws {
        var ids: Set<FieldID> = []
        var keys: Set<String> = []
        for page in form.pages {
            for (field, scope) in flatten(page.fields) {
                guard ids.insert(field.id).inserted else { throw FieldTreeError.duplicateID(field.id) }
                guard keys.insert(scope + "\u{0}" + field.key).inserted else {
                    throw FieldTreeError.duplicateKey(key: field.key, scope: scope.isEmpty ? "the form" : "repeat \"\(scope)\"")
                }
            }
        }
    }
}
