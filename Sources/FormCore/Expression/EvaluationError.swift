/// Why an expression could not be evaluated. Empty answers never cause this; only
/// genuine type errors, division by zero, bad regular expressions and bad arguments do.
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Reason: Hashable, Sendable {
        /// An operator or function got values of types it cannot combine.
        case typeMismatch(operation: String, types: [ValueType])
        /// `/` or `mod` by zero.
        case divisionByZero
        /// A `matches` pattern that is not a valid regular expression.
        case invalidRegex(pattern: String)
        /// A function argument with the right type but an unusable value (e.g. an unknown unit).
        case invalidArgument(function: Function, message: String)
    }

    /// The kind of failure.
    public let reason: Reason
    /// The columns of the sub-expression that failed, for underlining.
    public let range: SourceRange

    /// Creates an error.
    public init(_ reason: Reason, range: SourceRange) {
        self.reason = reason
        self.range = range
    }

    /// One line, e.g. `cannot apply '+' to text and number`.
    public var description: String {
        switch reason {
        case .typeMismatch(let operation, let types):
            let names = types.map(\.description)
            let list = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            return "cannot apply '\(operation)' to \(list)"
        case .divisionByZero:
            return "division by zero"
        case .invalidRegex(let pattern):
            return "invalid regular expression '\(pattern)'"
        case .invalidArgument(let function, let message):
            return "\(function.name): \(message)"
        }
    }

    static func mismatch(_ operation: String, _ values: Value..., at range: SourceRange) -> EvaluationError {
        EvaluationError(.typeMismatch(operation: operation, types: values.map(\.type)), range: range)
    }
}
