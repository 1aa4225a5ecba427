/// What the rules make of one field for one set of answers.
public struct FieldState: Hashable, Sendable {
    public var visible: Bool
    public var enabled: Bool
    public var required: Bool
    /// The value expressions see: the answer, a default, a calculation or a `set_value`;
    /// empty when hidden under the `clear` policy.
    public var value: Value

    public init(visible: Bool = true, enabled: Bool = true, required: Bool = false, value: Value = .empty) {
        self.visible = visible
        self.enabled = enabled
        self.required = required
        self.value = value
    }
}

/// Results for one instance of a scope (the form, or one instance of a repeat), by the
/// field's position within the scope.
struct InstanceState {
    var visible: [Bool]
    var enabled: [Bool]
    var required: [Bool]
    var values: [Value]

    init(count: Int) {
        visible = Array(repeating: true, count: count)
        enabled = Array(repeating: true, count: count)
        required = Array(repeating: false, count: count)
        values = Array(repeating: .empty, count: count)
    }
}

/// One node evaluated for one instance: the key of recorded evaluation errors.
struct NodeInstance: Hashable {
    let node: Int
    let path: [Int]
}
