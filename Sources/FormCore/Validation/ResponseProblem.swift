/// One problem in a response: which field (with repeat indices), what, and how serious.
public struct ResponseProblem: Hashable, Sendable, CustomStringConvertible {
    /// The key path: `score`, `dependents[2].name`.
    public let path: String
    public let fieldID: FieldID
    public let message: String
    public let severity: Severity

    public init(path: String, fieldID: FieldID, message: String, severity: Severity = .error) {
        self.path = path
        self.fieldID = fieldID
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(severity.rawValue): \(path): \(message)" }
}
