/// A problem the static type check found, with the columns to underline.
public struct TypeIssue: Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Hashable, Sendable {
        /// `${key}` names no field.
        case unknownField
        /// Operand or argument types that cannot work together.
        case typeMismatch
        /// A function called with too few or too many arguments.
        case wrongArgumentCount
        /// A condition whose value is not a truth value (e.g. a date).
        case notACondition
    }

    /// The kind of problem.
    public let kind: Kind
    /// Where it is in the source text.
    public let range: SourceRange
    /// What is wrong, in one line.
    public let message: String

    /// Creates an issue.
    public init(_ kind: Kind, range: SourceRange, message: String) {
        self.kind = kind
        self.range = range
        self.message = message
    }

    /// `column N: message` (or just the message for nodes not parsed from text).
    public var description: String {
        range.start > 0 ? "column \(range.start): \(message)" : message
    }
}
