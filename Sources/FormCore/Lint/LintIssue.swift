/// One problem the linter found in a form's design.
public struct LintIssue: Hashable, Sendable, CustomStringConvertible {
    /// A stable name scripts can filter on (`unknown-reference`, `cycle`, …).
    public let code: String
    public let severity: Severity
    /// Where: `field "score" visibleIf`, `rule "r2"`, `page "p3"`.
    public let location: String
    public let message: String
    /// 1-based column inside the expression, when the problem has one.
    public let column: Int?

    public init(_ code: String, _ severity: Severity, at location: String, _ message: String, column: Int? = nil) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
        self.column = column
    }

    public var description: String {
        let col = column.map { " (column \($0))" } ?? ""
        return "\(severity.rawValue): \(location): \(message)\(col) [\(code)]"
    }
}

extension AnswerKind {
    /// The expression type of an answer of this kind.
    public var valueType: ValueType {
        switch self {
        case .text: return .text
        case .number: return .number
        case .date: return .date
        case .time: return .time
        case .dateTime: return .dateTime
        case .duration: return .duration
        case .bool: return .bool
        case .list, .record, .signature: return .list
        case .geopoint: return .geopoint
        case .any, .none: return .any
        }
    }
}

extension FieldType {
    /// The type expressions see for `${key}` of a field of this type.
    public var valueType: ValueType { self == .repeatGroup ? .number : answerKind.valueType }
}
