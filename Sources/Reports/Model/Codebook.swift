import FormCore

/// One field described for a reader of the data: key, type, options and rules in words.
public struct CodebookEntry: Sendable, Equatable {
    /// Field key (the column name in exports).
    public var key: String
    /// Question text.
    public var label: String
    /// Human type name ("Single choice").
    public var typeName: String
    /// Nesting depth (0 for fields directly on a page).
    public var depth: Int
    /// Options as "value = label" (or just the value when they match).
    public var choices: [String]
    /// Rules, checks and calculations in words.
    public var rules: [String]
}

/// Builds the codebook from a form: every field, with rules written out through
/// `RuleConversion` and `ExpressionPrinter`, so they read as they would be typed.
public enum CodebookBuilder {
    /// One entry per field, depth first.
    public static func entries(for form: Form) -> [CodebookEntry] {
        let all = ReportFields.all(in: form)
        let keys = Dictionary(all.map { ($0.field.id, $0.field.key) }, uniquingKeysWith: { first, _ in first })
        return all.map { field, depth in
            CodebookEntry(key: field.key, label: field.label, typeName: field.type.displayName, depth: depth,
                          choices: choices(of: field), rules: rules(for: field, in: form, keyOf: { keys[$0] }))
        }
    }

    static func choices(of field: Field) -> [String] {
        switch field.choices {
        case .csv(let path, _, _)?: return ["options from \(path)"]
        case let source?: return (source.staticChoices ?? []).map { $0.label == $0.value ? $0.value : "\($0.value) = \($0.label)" }
        case nil: return field.type == .yesNo ? ["yes", "no"] : []
        }
    }

    static func rules(for field: Field, in form: Form, keyOf: (FieldID) -> String?) -> [String] {
        var out: [String] = []
        if field.required { out.append("Always required.") }
        for rule in form.rules where rule.targetFieldIds.contains(field.id) {
            let condition = ExpressionPrinter.print(RuleConversion.expression(for: rule.when, keyOf: keyOf))
            out.append("\(verb(rule)) when \(condition).")
        }
        if let e = field.visibleIf { out.append("Shown when \(e).") }
        if let e = field.requiredIf { out.append("Required when \(e).") }
        if let e = field.enabledIf { out.append("Enabled when \(e).") }
        if let e = field.calculate { out.append("Calculated as \(e).") }
        if let e = field.defaultValue { out.append("Starts as \(e).") }
        if let c = field.constraint { out.append("Must satisfy \(c.expression) (\(c.severity.rawValue): \(c.message))") }
        out += validation(field.validation)
        return out
    }

    private static func verb(_ rule: Rule) -> String {
        switch rule.action {
        case .show: return "Shown"
        case .hide: return "Hidden"
        case .require: return "Required"
        case .disable: return "Disabled"
        case .enable: return "Enabled"
        case .setValue: return "Set to \(rule.setValue ?? "''")"
        case .skipToPage: return "Skips to page \(rule.targetPageId ?? "?")"
        }
    }

    private static func validation(_ v: FieldValidation) -> [String] {
        var out: [String] = []
        func n(_ x: Double) -> String { ChartSpec.compactNumber(x) }
        switch (v.min, v.max) {
        case let (lo?, hi?): out.append("Between \(n(lo)) and \(n(hi)).")
        case let (lo?, nil): out.append("At least \(n(lo)).")
        case let (nil, hi?): out.append("At most \(n(hi)).")
        default: break
        }
        switch (v.minLength, v.maxLength) {
        case let (lo?, hi?): out.append("\(lo) to \(hi) characters.")
        case let (lo?, nil): out.append("At least \(lo) characters.")
        case let (nil, hi?): out.append("At most \(hi) characters.")
        default: break
        }
        if let p = v.pattern { out.append("Matches \(p).") }
        if let lo = v.minDate { out.append("On or after \(lo).") }
        if let hi = v.maxDate { out.append("On or before \(hi).") }
        if let lo = v.minPicks { out.append("At least \(lo) picks.") }
        if let hi = v.maxPicks { out.append("At most \(hi) picks.") }
        return out
    }
}
