import FormCore

/// Which fields of a form a report talks about.
public enum ReportFields {
    /// Fields answered once per response (outside repeat groups): inputs and calculations, in
    /// form order. Notes and containers carry no answer.
    public static func answerable(in form: Form) -> [Field] {
        AnswersFile.scopeFields(form.pages.flatMap(\.fields)).filter { field in
            !field.type.isContainer && (field.type.takesInput || field.type == .calculated)
        }
    }

    /// Every field of the form, depth first, with its nesting depth (for the codebook).
    public static func all(in form: Form) -> [(field: Field, depth: Int)] {
        var out: [(Field, Int)] = []
        func walk(_ fields: [Field], _ depth: Int) {
            for field in fields {
                out.append((field, depth))
                walk(field.children, depth + 1)
            }
        }
        form.pages.forEach { walk($0.fields, 0) }
        return out
    }

    /// Whether a field's answers are summarised as categories (one pick per response).
    static func isCategorical(_ type: FieldType) -> Bool {
        switch type {
        case .singleChoice, .dropdown, .yesNo, .consent: return true
        default: return false
        }
    }
}
