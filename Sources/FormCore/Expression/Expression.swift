/// Columns of the source text a node was parsed from: 1-based `start`, exclusive `end`.
/// Programmatically built nodes use `.none` (0..<0).
public struct SourceRange: Hashable, Sendable {
    /// First column of the node, counting from 1.
    public var start: Int
    /// Column just past the node's last character.
    public var end: Int

    /// Creates a range of columns.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The empty range of a node that was not parsed from text.
    public static let none = SourceRange(start: 0, end: 0)

    /// Number of columns covered.
    public var length: Int { max(0, end - start) }
}

/// A parsed expression: a tree of nodes, each remembering the columns it came from.
///
/// Equality and hashing compare the tree's shape and values only, never the source
/// ranges, so `parse("1+2") == parse("1 + 2")`.
public struct Expression: Hashable, Sendable {
    /// What a node is.
    public indirect enum Kind: Hashable, Sendable {
        /// A constant: number, text, boolean, date, time or date-time.
        case literal(Value)
        /// `${key}`: the answer of the field with that key.
        case reference(String)
        /// A prefix operator applied to one operand.
        case unary(UnaryOperator, Expression)
        /// An infix operator applied to two operands.
        case binary(BinaryOperator, Expression, Expression)
        /// A built-in function applied to its arguments.
        case call(Function, [Expression])
        /// `value in (a, b, c)`.
        case inList(Expression, [Expression])
        /// `value between low and high` (both ends included).
        case between(Expression, Expression, Expression)
    }

    /// The node's kind and children.
    public var kind: Kind
    /// Where the node sits in the source text.
    public var range: SourceRange

    /// Creates a node.
    public init(_ kind: Kind, range: SourceRange = .none) {
        self.kind = kind
        self.range = range
    }

    /// Compares trees while ignoring source ranges.
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.kind == rhs.kind
    }

    /// Hashes the tree while ignoring source ranges.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
    }

    /// Same as `==`: structural equality that ignores source ranges.
    public func structurallyEquals(_ other: Expression) -> Bool { self == other }
}

extension Expression {
    /// A literal node.
    public static func literal(_ value: Value) -> Expression { Expression(.literal(value)) }
    /// A `${key}` node.
    public static func reference(_ key: String) -> Expression { Expression(.reference(key)) }
    /// A prefix-operator node.
    public static func unary(_ op: UnaryOperator, _ operand: Expression) -> Expression {
        Expression(.unary(op, operand))
    }
    /// An infix-operator node.
    public static func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> Expression {
        Expression(.binary(op, lhs, rhs))
    }
    /// A function-call node.
    public static func call(_ function: Function, _ arguments: [Expression]) -> Expression {
        Expression(.call(function, arguments))
    }
    /// An `in` node.
    public static func inList(_ value: Expression, _ items: [Expression]) -> Expression {
        Expression(.inList(value, items))
    }
    /// A `between` node.
    public static func between(_ value: Expression, _ low: Expression, _ high: Expression) -> Expression {
        Expression(.between(value, low, high))
    }

    /// The node's direct children, left to right.
    public var children: [Expression] {
        switch kind {
        case .literal, .reference: return []
        case .unary(_, let operand): return [operand]
        case .binary(_, let lhs, let rhs): return [lhs, rhs]
        case .call(_, let args): return args
        case .inList(let value, let items): return [value] + items
        case .between(let value, let low, let high): return [value, low, high]
        }
    }
}

/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable, CaseIterable {
    /// `-x`: arithmetic negation.
    case negate = "-"
    /// `not x`: logical negation.
    case not = "not"
}

/// An infix operator; `precedence` orders them (higher binds tighter).
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    /// `a or b`
    case or = "or"
    /// `a and b`
    case and = "and"
    /// `a = b`
    case equal = "="
    /// `a != b`
    case notEqual = "!="
    /// `a < b`
    case less = "<"
    /// `a <= b`
    case lessOrEqual = "<="
    /// `a > b`
    case greater = ">"
    /// `a >= b`
    case greaterOrEqual = ">="
    /// `a contains b`: text containment, or list membership when `a` is a list.
    case contains = "contains"
    /// `a startswith b`
    case startsWith = "startswith"
    /// `a endswith b`
    case endsWith = "endswith"
    /// `a matches b`: `b` is a regular expression that must match the whole of `a`.
    case matches = "matches"
    /// `a + b`
    case add = "+"
    /// `a - b`
    case subtract = "-"
    /// `a * b`
    case multiply = "*"
    /// `a / b`
    case divide = "/"
    /// `a mod b`: remainder with the sign of `a`.
    case modulo = "mod"

    /// Binding strength: or 1, and 2, (not 3), comparisons 4, + - 5, * / mod 6.
    public var precedence: Int {
        switch self {
        case .or: return Precedence.or
        case .and: return Precedence.and
        case .add, .subtract: return Precedence.additive
        case .multiply, .divide, .modulo: return Precedence.multiplicative
        default: return Precedence.comparison
        }
    }

    /// True for the operators that compare (they do not chain: `a < b < c` is an error).
    public var isComparison: Bool { precedence == Precedence.comparison }
}

/// Binding strengths shared by the parser and the printer.
enum Precedence {
    static let or = 1
    static let and = 2
    static let not = 3
    static let comparison = 4
    static let additive = 5
    static let multiplicative = 6
    static let negate = 7
    static let primary = 8
}

extension Expression {
    /// Number of nodes on the longest root-to-leaf path, computed without recursion so it
    /// is safe on any tree.
    public var height: Int {
        var deepest = 0
        var stack: [(Expression, Int)] = [(self, 1)]
        while let (node, level) = stack.popLast() {
            deepest = Swift.max(deepest, level)
            for child in node.children { stack.append((child, level + 1)) }
        }
        return deepest
    }
}

/// The same type as `Expression`, under a name that does not clash with Foundation's
/// `Expression` (macro predicates) in files that import both Foundation and FormCore.
public typealias FormExpression = Expression
