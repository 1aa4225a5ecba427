/// Where a field sits: its page and the index path through nested `children`.
public struct FieldLocation: Hashable, Sendable {
    public var page: Int
    /// Index in the page's fields, then in each group's children.
    public var path: [Int]

    public init(page: Int, path: [Int]) {
        self.page = page
        self.path = path
    }

    /// The location of the containing group, or nil for a field at a page's top level.
    public var parent: FieldLocation? {
        path.count > 1 ? FieldLocation(page: page, path: Array(path.dropLast())) : nil
    }

    /// Index among its siblings.
    public var index: Int { path[path.count - 1] }
}

extension Form {
    /// The location of the field with `id`, searching every page depth-first.
    public func location(of id: FieldID) -> FieldLocation? {
        for (pageIndex, page) in pages.enumerated() {
            if let path = Self.path(of: id, in: page.fields) { return FieldLocation(page: pageIndex, path: path) }
        }
        return nil
    }

    private static func path(of id: FieldID, in fields: [Field]) -> [Int]? {
        for (i, field) in fields.enumerated() {
            if field.id == id { return [i] }
            if !field.children.isEmpty, let sub = path(of: id, in: field.children) { return [i] + sub }
        }
        return nil
    }

    /// The field at `location`.
    public func field(at location: FieldLocation) -> Field {
        var field = pages[location.page].fields[location.path[0]]
        for index in location.path.dropFirst() { field = field.children[index] }
        return field
    }

    /// The field with `id`, if the form has one.
    public func field(_ id: FieldID) -> Field? {
        location(of: id).map(field(at:))
    }

    /// Every field in document order (pages, then depth-first), with its depth.
    public var allFields: [(field: Field, depth: Int)] {
        var out: [(Field, Int)] = []
        func walk(_ fields: [Field], _ depth: Int) {
            for field in fields {
                out.append((field, depth))
                walk(field.children, depth + 1)
            }
        }
        for page in pages { walk(page.fields, 0) }
        return out
    }

    /// Runs `body` on the sibling list that holds `parent`'s children (a page's fields when nil).
    mutating func modifySiblings<R>(page: Int, parentPath: [Int], _ body: (inout [Field]) throws -> R) rethrows -> R {
        try Self.modify(&pages[page].fields, path: parentPath[...], body)
    }

    private static func modify<R>(_ fields: inout [Field], path: ArraySlice<Int>, _ body: (inout [Field]) throws -> R) rethrows -> R {
        guard let first = path.first else { return try body(&fields) }
        return try modify(&fields[first].children, path: path.dropFirst(), body)
    }
}
