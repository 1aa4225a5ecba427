import FormCore

extension Form {
    /// This form with the field `id` replaced by `field` (children included); nil when no
    /// field has that id.
    func replacingField(_ id: FieldID, with field: Field) -> Form? {
        var form = self
        for page in form.pages.indices {
            if Form.replace(id, with: field, in: &form.pages[page].fields) { return form }
        }
        return nil
    }

    private static func replace(_ id: FieldID, with field: Field, in fields: inout [Field]) -> Bool {
        for index in fields.indices {
            if fields[index].id == id {
                fields[index] = field
                return true
            }
            if !fields[index].children.isEmpty, replace(id, with: field, in: &fields[index].children) { return true }
        }
        return false
    }

    /// A key and id not used in the form, derived from `base` (`short_text_1`, `f_short_text_1`).
    func freshKeyAndID(base: String) -> (key: String, id: FieldID) {
        let fields = allFields.map(\.field)
        let keys = Set(fields.map(\.key)), ids = Set(fields.map(\.id))
        var n = 1
        while keys.contains("\(base)_\(n)") || ids.contains("f_\(base)_\(n)") { n += 1 }
        return ("\(base)_\(n)", "f_\(base)_\(n)")
    }

    /// A rule id not used in the form.
    func freshRuleID() -> String {
        let ids = Set(rules.map(\.id))
        var n = rules.count + 1
        while ids.contains("r\(n)") { n += 1 }
        return "r\(n)"
    }
}

/// New fields as the palette inserts them.
enum FieldFactory {
    /// A field of `type` with a fresh key and id, a label, and starter choices where needed.
    static func make(_ type: FieldType, in form: Form) -> Field {
        let (key, id) = form.freshKeyAndID(base: type.rawValue)
        var field = Field(id: id, key: key, type: type, label: type.displayName)
        if type.usesChoices { field.choices = .list([Choice(value: "option_1", label: "Option 1"), Choice(value: "option_2", label: "Option 2")]) }
        if type == .choiceMatrix { field.matrix = MatrixSpec(rows: [Choice(value: "row_1", label: "Row 1")], columns: [Choice(value: "col_1", label: "Column 1")]) }
        if type == .multipleText { field.matrix = MatrixSpec(rows: [Choice(value: "item_1", label: "Item 1")]) }
        if type == .calculated { field.calculate = "0" }
        if type == .rating || type == .opinionScale || type == .range { field.validation = FieldValidation(min: 0, max: type == .rating ? 5 : 10) }
        return field
    }

    /// Where a new field goes: right below the selected field, else at the end of the first page.
    static func position(below selection: String?, in form: Form) -> FieldTree.Position? {
        if let selection, selection.hasPrefix(TreeLine.pagePrefix) {
            return .page(String(selection.dropFirst(TreeLine.pagePrefix.count)), index: 0)
        }
        if let selection, form.location(of: selection) != nil { return .after(selection) }
        guard let page = form.pages.first else { return nil }
        return .page(page.id, index: page.fields.count)
    }
}

