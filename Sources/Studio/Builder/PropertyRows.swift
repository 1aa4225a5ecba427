import FormCore

/// The properties the properties pane shows and edits.
public enum PropertyKind: String, CaseIterable, Hashable, Sendable {
    // One case per row of the properties pane, in display order.
    case label, key, type, required, help, choices, validation, hiddenValue, visibleIf, requiredIf, enabledIf, calculate, defaultValue

    /// The row title.
    public var title: String {
        switch self {
        case .label: return "Label"
        case .key: return "Key"
        case .type: return "Type"
        case .required: return "Required"
        case .help: return "Help"
        case .choices: return "Choices"
        case .validation: return "Validation"
        case .hiddenValue: return "If hidden"
        case .visibleIf: return "Visible if"
        case .requiredIf: return "Required if"
        case .enabledIf: return "Enabled if"
        case .calculate: return "Calculate"
        case .defaultValue: return "Default"
        }
    }

    /// Whether the value is an expression (parsed live while typed).
    public var isExpression: Bool {
        [.visibleIf, .requiredIf, .enabledIf, .calculate].contains(self)
    }

    /// Whether `enter` flips the value instead of opening a text edit.
    public var isToggle: Bool { self == .required || self == .hiddenValue }
}

/// Reading and writing a field's properties as text.
enum PropertyText {
    /// The properties worth showing for `field`: choices only for choice fields.
    static func kinds(for field: Field) -> [PropertyKind] {
        PropertyKind.allCases.filter { kind in
            switch kind {
            case .choices: return field.type.usesChoices
            case .required, .validation, .hiddenValue, .defaultValue: return field.type.takesInput
            case .calculate: return field.type == .calculated || field.calculate != nil
            default: return true
            }
        }
    }

    /// The property as text.
    static func text(_ kind: PropertyKind, of field: Field) -> String {
        switch kind {
        case .label: return field.label
        case .key: return field.key
        case .type: return field.type.displayName
        case .required: return field.required ? "yes" : "no"
        case .help: return field.help ?? ""
        case .choices:
            return (field.choices?.staticChoices ?? []).map { $0.label == $0.value ? $0.value : "\($0.value)=\($0.label)" }.joined(separator: ", ")
        case .validation: return validationText(field.validation)
        case .hiddenValue: return field.hiddenValuePolicy == .clear ? "clear the answer" : "keep the answer"
        case .visibleIf: return field.visibleIf ?? ""
        case .requiredIf: return field.requiredIf ?? ""
        case .enabledIf: return field.enabledIf ?? ""
        case .calculate: return field.calculate ?? ""
        case .defaultValue: return field.defaultValue ?? ""
        }
    }

    /// `field` with the property set from `text`; throws a message when the text is invalid.
    static func apply(_ kind: PropertyKind, text: String, to field: Field) throws -> Field {
        var field = field
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let optional: String? = trimmed.isEmpty ? nil : trimmed
        switch kind {
        case .label: field.label = text
        case .key:
            guard isValidKey(trimmed) else {
                throw PropertyError("a key starts with a letter or _ and holds only letters, digits and _")
            }
            field.key = trimmed
        case .help: field.help = optional
        case .choices: field.choices = optional.map { .list(parseChoices($0)) }
        case .validation: field.validation = try parseValidation(trimmed)
        case .visibleIf, .requiredIf, .enabledIf, .calculate:
            if let optional { _ = try parse(optional) }
            switch kind {
            case .visibleIf: field.visibleIf = optional
            case .requiredIf: field.requiredIf = optional
            case .enabledIf: field.enabledIf = optional
            default: field.calculate = optional
            }
        case .defaultValue: field.defaultValue = optional
        case .type, .required, .hiddenValue: break
        }
        return field
    }

    /// Keys start with a letter or `_` and hold only ASCII letters, digits and `_`.
    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// Parses an expression, turning the error into a message with its column.
    static func parse(_ text: String) throws -> Expression {
        do {
            return try ExpressionParser.parse(text)
        } catch {
            throw PropertyError(error.message, column: error.column)
        }
    }

    /// `a, b=Label B` → choices.
    static func parseChoices(_ text: String) -> [Choice] {
        text.split(separator: ",").compactMap { part in
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { return nil }
            if let eq = item.firstIndex(of: "=") {
                let value = item[..<eq].trimmingCharacters(in: .whitespaces)
                return Choice(value: value, label: item[item.index(after: eq)...].trimmingCharacters(in: .whitespaces))
            }
            return Choice(value: item)
        }
    }

    static let validationKeys = ["min", "max", "minLength", "maxLength", "pattern", "minPicks", "maxPicks", "step"]

    /// `min=1 max=5 pattern=^a` as text.
    static func validationText(_ v: FieldValidation) -> String {
        var parts: [String] = []
        func number(_ name: String, _ value: Double?) { if let value { parts.append("\(name)=\(Value.format(number: value))") } }
        number("min", v.min)
        number("max", v.max)
        if let n = v.minLength { parts.append("minLength=\(n)") }
        if let n = v.maxLength { parts.append("maxLength=\(n)") }
        if let p = v.pattern { parts.append("pattern=\(p)") }
        if let n = v.minPicks { parts.append("minPicks=\(n)") }
        if let n = v.maxPicks { parts.append("maxPicks=\(n)") }
        number("step", v.step)
        return parts.joined(separator: " ")
    }

    /// Reads `name=value` pairs separated by spaces (`pattern` takes the rest of its word).
    static func parseValidation(_ text: String) throws -> FieldValidation {
        var v = FieldValidation()
        for word in text.split(separator: " ") {
            guard let eq = word.firstIndex(of: "=") else { throw PropertyError("expected name=value, got \"\(word)\"") }
            let name = String(word[..<eq]), value = String(word[word.index(after: eq)...])
            func number() throws -> Double {
                guard let n = Value.parseNumber(value) else { throw PropertyError("\(name) needs a number, got \"\(value)\"") }
                return n
            }
            func integer() throws -> Int {
                guard let n = Int(value) else { throw PropertyError("\(name) needs a whole number, got \"\(value)\"") }
                return n
            }
            switch name {
            case "min": v.min = try number()
            case "max": v.max = try number()
            case "step": v.step = try number()
            case "minLength": v.minLength = try integer()
            case "maxLength": v.maxLength = try integer()
            case "minPicks": v.minPicks = try integer()
            case "maxPicks": v.maxPicks = try integer()
            case "pattern": v.pattern = value
            default: throw PropertyError("unknown check \"\(name)\" (known: \(validationKeys.joined(separator: ", ")))")
            }
        }
        return v
    }
}

/// A property value that cannot be used, with the column of the problem when known.
struct PropertyError: Error, CustomStringConvertible {
    let message: String
    let column: Int?
    init(_ message: String, column: Int? = nil) {
        self.message = message
        self.column = column
    }
    var description: String { column.map { "column \($0): \(message)" } ?? message }
}
