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

/// Moves that treat a folded group as one item, as org-mode moves past a folded subtree:
/// the selection steps over the group instead of entering it.
enum FoldedMoves {
    /// The folded group right below (`down`) or above the run of `ids`, if there is one.
    static func foldedNeighbour(of ids: [FieldID], down: Bool, in form: Form, collapsed: Set<FieldID>) -> FieldID? {
        let locations = ids.compactMap { form.location(of: $0) }
        guard locations.count == ids.count, let first = locations.min(by: { $0.index < $1.index }),
              let last = locations.max(by: { $0.index < $1.index }) else { return nil }
        let index = down ? last.index + 1 : first.index - 1
        let siblings = first.parent.map { form.field(at: $0).children } ?? form.pages[first.page].fields
        guard siblings.indices.contains(index), siblings[index].type.isContainer, collapsed.contains(siblings[index].id) else { return nil }
        return siblings[index].id
    }

    /// The run of `ids` placed on the other side of the folded group `group`.
    static func step(_ ids: [FieldID], over group: FieldID, down: Bool, in form: Form) throws -> Form {
        var moved: [Field] = []
        var result = form
        for page in result.pages.indices {
            result.pages[page].fields = remove(ids, from: result.pages[page].fields, into: &moved)
        }
        let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        moved.sort { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
        return try FieldTree.insert(moved, at: down ? .after(group) : .before(group), in: result)
    }

    private static func remove(_ ids: [FieldID], from fields: [Field], into moved: inout [Field]) -> [Field] {
        var kept: [Field] = []
        for var field in fields {
            if ids.contains(field.id) {
                moved.append(field)
                continue
            }
            if !field.children.isEmpty { field.children = remove(ids, from: field.children, into: &moved) }
            kept.append(field)
        }
        return kept
    }
}
