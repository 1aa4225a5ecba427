/// A flat table of a form's fields with their parents, pages and key scopes, built once per
/// edit so the engine works with integer indices instead of walking the tree.
public struct FormIndex: Sendable {
    /// One field in document order.
    public struct Entry: Sendable {
        public let field: Field
        /// Index of the containing group or repeat.
        public let parent: Int?
        /// The key scope: 0 is the form, others are repeat groups.
        public let scope: Int
        public let page: Int
        public let depth: Int
    }

    /// A key scope: the form itself, or the inside of a repeat group.
    public struct Scope: Sendable {
        /// The repeat group that opens this scope (nil for the form).
        public let repeatField: Int?
        public let parent: Int?
        /// Keys of the repeat groups from the form down to this scope.
        public let repeatKeys: [String]
        /// Fields in this scope (not inside a nested repeat), by index.
        public internal(set) var fields: [Int]
    }

    /// How a reference reaches the field it names.
    public enum Reach: Sendable, Equatable {
        /// The field is in the same scope or an enclosing one: one value.
        case single
        /// The field is inside a repeat below the referencing scope: a list over its instances.
        case aggregate
    }

    public let form: Form
    public private(set) var entries: [Entry] = []
    public private(set) var scopes: [Scope] = [Scope(repeatField: nil, parent: nil, repeatKeys: [], fields: [])]
    public private(set) var indexByID: [FieldID: Int] = [:]
    private var indicesByKey: [String: [Int]] = [:]

    public init(_ form: Form) {
        self.form = form
        for (pageIndex, page) in form.pages.enumerated() {
            add(page.fields, parent: nil, scope: 0, page: pageIndex, depth: 0)
        }
    }

    private mutating func add(_ fields: [Field], parent: Int?, scope: Int, page: Int, depth: Int) {
        for field in fields {
            let index = entries.count
            entries.append(Entry(field: field, parent: parent, scope: scope, page: page, depth: depth))
            scopes[scope].fields.append(index)
            if indexByID[field.id] == nil { indexByID[field.id] = index }
            indicesByKey[field.key, default: []].append(index)
            var inner = scope
            if field.type == .repeatGroup {
                inner = scopes.count
                scopes.append(Scope(repeatField: index, parent: scope, repeatKeys: scopes[scope].repeatKeys + [field.key], fields: []))
            }
            add(field.children, parent: index, scope: inner, page: page, depth: depth + 1)
        }
    }

    /// The field a `${key}` written in `scope` names: the nearest in the scope chain, else the
    /// only one in a repeat below it. Nil when unknown or ambiguous.
    public func resolve(_ key: String, from scope: Int) -> (index: Int, reach: Reach)? {
        guard let candidates = indicesByKey[key] else { return nil }
        var current: Int? = scope
        while let s = current {
            if let hit = candidates.first(where: { entries[$0].scope == s }) { return (hit, .single) }
            current = scopes[s].parent
        }
        let inner = candidates.filter { isAncestor(scope, of: entries[$0].scope) }
        return inner.count == 1 ? (inner[0], .aggregate) : nil
    }

    /// True when scope `a` encloses scope `b` (or is it).
    public func isAncestor(_ a: Int, of b: Int) -> Bool {
        var current: Int? = b
        while let s = current {
            if s == a { return true }
            current = scopes[s].parent
        }
        return false
    }

    /// The first field with this key anywhere in the form.
    public func index(ofKey key: String) -> Int? { indicesByKey[key]?.first }

    /// All fields with this key (more than one only across repeat scopes).
    public func indices(ofKey key: String) -> [Int] { indicesByKey[key] ?? [] }

    /// The key path a person reads, with repeat indices: `dependents[2].name`.
    public func path(of index: Int, instance: [Int]) -> String {
        let scope = scopes[entries[index].scope]
        var parts: [String] = []
        for (key, i) in zip(scope.repeatKeys, instance) { parts.append("\(key)[\(i + 1)]") }
        parts.append(entries[index].field.key)
        return parts.joined(separator: ".")
    }
}
