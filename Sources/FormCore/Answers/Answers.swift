/// A response's answers: values by field key, and the instances of each repeat group.
///
/// A key missing from `values` means "never answered" (the field's default applies); a key
/// present with `.empty` means "answered, then cleared".
public struct Answers: Hashable, Sendable {
    public var values: [String: Value]
    /// Instances of each repeat group by the group's key, each with its own answers.
    public var repeats: [String: [Answers]]

    public init(values: [String: Value] = [:], repeats: [String: [Answers]] = [:]) {
        self.values = values
        self.repeats = repeats
    }

    /// The answer for `key` at this level, `.empty` when there is none.
    public subscript(key: String) -> Value {
        get { values[key] ?? .empty }
        set { values[key] = newValue }
    }

    /// The answers of the repeat instance at `path` (one index per nested repeat, outermost
    /// first), following `keys` (the repeat groups' keys in the same order).
    public func instance(keys: [String], path: [Int]) -> Answers? {
        var current = self
        for (key, index) in zip(keys, path) {
            guard let instances = current.repeats[key], instances.indices.contains(index) else { return nil }
            current = instances[index]
        }
        return current
    }

    /// Changes the answers of the instance at `path` (creating missing instances on the way).
    public mutating func modifyInstance(keys: [String], path: [Int], _ body: (inout Answers) -> Void) {
        guard let key = keys.first, let index = path.first else { return body(&self) }
        var instances = repeats[key] ?? []
        while instances.count <= index { instances.append(Answers()) }
        instances[index].modifyInstance(keys: Array(keys.dropFirst()), path: Array(path.dropFirst()), body)
        repeats[key] = instances
    }
}
