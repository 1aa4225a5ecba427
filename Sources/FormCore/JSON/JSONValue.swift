/// A JSON value that keeps object key order and where each value began in its source text,
/// so the form loader can say `file:line:col` for any mistake.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// A short name of the value's type for error messages ("a string", "an object").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A line and column (both 1-based) in a source text.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A JSON value and where it starts. Equality compares values only, not positions.
public struct JSONNode: Hashable, Sendable {
    public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    public var value: JSONValue
    public var position: SourcePosition

    public init(_ value: JSONValue, at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        self.value = value
        self.position = position
    }

    /// The member named `key` of an object, if any.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }
}

/// One `"key": value` pair of an object. Equality ignores positions.
public struct JSONMember: Hashable, Sendable {
    public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool { lhs.key == rhs.key && lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(key); hasher.combine(node) }

    public var key: String
    public var keyPosition: SourcePosition
    public var node: JSONNode

    public init(_ key: String, _ node: JSONNode, keyPosition: SourcePosition? = nil) {
        self.key = key
        self.node = node
        self.keyPosition = keyPosition ?? node.position
    }
}
