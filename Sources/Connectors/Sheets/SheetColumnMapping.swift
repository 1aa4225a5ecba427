import FormCore
import Foundation

/// How a sheet's header row maps onto a form's fields. Each header is matched by field key,
/// then by field label (both ignoring case), then by the saved mapping the person edits
/// (`header → key`, an empty key meaning "ignore this column"). A Google Forms `Timestamp`
/// column that matches no field becomes the response's submission time.
public struct SheetColumnMapping: Codable, Equatable, Sendable {
    /// Saved choices: header text → field key ("" to ignore the column).
    public var columns: [String: String]

    /// A mapping with the given saved choices.
    public init(columns: [String: String] = [:]) {
        self.columns = columns
    }

    /// What one column holds.
    public enum Column: Equatable, Sendable {
        /// Answers to this field.
        case field(Field)
        /// The submission time (Google Forms' `Timestamp`).
        case timestamp
        /// Nothing imported.
        case ignored
    }

    /// The resolved columns, and the headers that matched nothing (to add to the saved mapping).
    public func resolve(header: [SheetValue], form: Form) -> (columns: [Column], unmapped: [String]) {
        let fields = AnswersFile.scopeFields(form.pages.flatMap(\.fields)).filter(Self.takesAnswers)
        var columns: [Column] = []
        var unmapped: [String] = []
        var taken = Set<String>()
        for cell in header {
            let name = cell.description.trimmingCharacters(in: .whitespaces)
            if let field = match(name, fields), !taken.contains(field.key) {
                taken.insert(field.key)
                columns.append(.field(field))
            } else if name.lowercased() == "timestamp" {
                columns.append(.timestamp)
            } else {
                if !name.isEmpty && saved(name) == nil { unmapped.append(name) }
                columns.append(.ignored)
            }
        }
        return (columns, unmapped)
    }

    /// The mapping with an empty entry for each unmapped header, ready for the person to fill in.
    public func adding(unmapped: [String]) -> SheetColumnMapping {
        var copy = self
        for name in unmapped where copy.columns[name] == nil { copy.columns[name] = "" }
        return copy
    }

    private func match(_ name: String, _ fields: [Field]) -> Field? {
        let lower = name.lowercased()
        if let field = fields.first(where: { $0.key.lowercased() == lower }) { return field }
        if let field = fields.first(where: { $0.label.trimmingCharacters(in: .whitespaces).lowercased() == lower }) { return field }
        guard let key = saved(name), !key.isEmpty else { return nil }
        return fields.first { $0.key == key }
    }

    private func saved(_ name: String) -> String? { columns[name] }

    private static func takesAnswers(_ field: Field) -> Bool {
        ![.calculated, .note, .group, .repeatGroup].contains(field.type)
    }
}
