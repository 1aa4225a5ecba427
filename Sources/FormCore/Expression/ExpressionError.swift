/// A syntax error in an expression, with the column where it was found.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based column of the first offending character (one past the end for "unexpected end").
    public let column: Int
    /// How many columns the offending token covers (at least 1), for underlining.
    public let length: Int
    /// What is wrong, in one line.
    public let message: String

    /// Creates an error at a column.
    public init(column: Int, length: Int = 1, message: String) {
        self.column = max(1, column)
        self.length = max(1, length)
        self.message = message
    }

    /// `column N: message`.
    public var description: String { "column \(column): \(message)" }

    /// Two lines: the source (white space shown as plain spaces so columns line up)
    /// and a `^` under the error's column.
    public func caretDiagram(_ source: String) -> String {
        var flat = String.UnicodeScalarView()
        for scalar in source.unicodeScalars {
            flat.append(scalar.properties.isWhitespace ? " " : scalar)
        }
        return String(flat) + "\n" + String(repeating: " ", count: column - 1) + "^"
    }
}
