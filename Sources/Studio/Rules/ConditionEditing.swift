import FormCore

/// Edits of a rule's condition tree addressed by index paths (see `ConditionLine.path`).
enum ConditionEditing {
    static func items(_ c: RuleCondition) -> [RuleCondition]? {
        switch c {
        case .row: return nil
        case .all(let items), .any(let items): return items
        }
    }

    static func rebuild(_ c: RuleCondition, items: [RuleCondition]) -> RuleCondition {
        if case .any = c { return .any(items) }
        return .all(items)
    }

    /// The node at `path`.
    static func node(_ c: RuleCondition, at path: [Int]) -> RuleCondition? {
        guard let first = path.first else { return c }
        guard let items = items(c), items.indices.contains(first) else { return nil }
        return node(items[first], at: Array(path.dropFirst()))
    }

    /// `c` with the node at `path` replaced by `replacement`.
    static func replacing(_ c: RuleCondition, at path: [Int], with replacement: RuleCondition) -> RuleCondition {
        guard let first = path.first else { return replacement }
        guard var list = items(c), list.indices.contains(first) else { return c }
        list[first] = replacing(list[first], at: Array(path.dropFirst()), with: replacement)
        return rebuild(c, items: list)
    }

    /// `c` with `addition` placed after the node at `path`; a group header takes it as its
    /// last item, and a lone root row becomes an `all` group.
    static func inserting(_ addition: RuleCondition, after path: [Int], in c: RuleCondition) -> RuleCondition {
        guard let target = node(c, at: path) else { return c }
        if var list = items(target) {
            list.append(addition)
            return replacing(c, at: path, with: rebuild(target, items: list))
        }
        guard let last = path.last else { return .all([c, addition]) }
        let parentPath = Array(path.dropLast())
        guard let parent = node(c, at: parentPath), var list = items(parent) else { return c }
        list.insert(addition, at: last + 1)
        return replacing(c, at: parentPath, with: rebuild(parent, items: list))
    }

    /// `c` without the node at `path`; nil when that would leave no condition at all.
    /// Groups left empty disappear, and a root group left with one row becomes that row.
    static func removing(at path: [Int], from c: RuleCondition) -> RuleCondition? {
        guard let last = path.last else { return nil }
        let parentPath = Array(path.dropLast())
        guard let parent = node(c, at: parentPath), var list = items(parent) else { return c }
        list.remove(at: last)
        if list.isEmpty { return removing(at: parentPath, from: c) }
        let result = replacing(c, at: parentPath, with: rebuild(parent, items: list))
        if let rootItems = items(result), rootItems.count == 1, case .row = rootItems[0] { return rootItems[0] }
        return result
    }

    /// `c` with the group at `path` switched between all and any.
    static func toggling(at path: [Int], in c: RuleCondition) -> RuleCondition {
        guard let target = node(c, at: path) else { return c }
        switch target {
        case .row: return c
        case .all(let items): return replacing(c, at: path, with: .any(items))
        case .any(let items): return replacing(c, at: path, with: .all(items))
        }
    }
}

/// Rule parts as the editor shows them.
enum RuleText {
    static func value(_ value: RuleValue) -> String {
        switch value {
        case .none: return "—"
        case .string(let s): return s.isEmpty ? "\"\"" : s
        case .number(let n): return Value.format(number: n)
        case .bool(let b): return b ? "yes" : "no"
        case .list(let items): return items.map(self.value).joined(separator: ", ")
        }
    }

    static func key(_ id: FieldID, in form: Form) -> String { form.field(id)?.key ?? "?\(id)" }

    static func row(_ row: ConditionRow, in form: Form) -> String {
        let value = row.condition.takesValue ? " " + self.value(row.value) : ""
        return "\(key(row.sourceFieldId, in: form)) \(row.condition.rawValue)\(value)"
    }

    /// `show email when subscribe equals yes`.
    static func summary(_ rule: Rule, in form: Form) -> String {
        let targets = rule.targetFieldIds.map { key($0, in: form) }.joined(separator: ", ")
        let rows = rule.when.rows.map { row($0, in: form) }
        let joiner: String
        if case .any = rule.when { joiner = " or " } else { joiner = " and " }
        let object = rule.action == .skipToPage ? "to \(rule.targetPageId ?? "?")" : targets
        return "\(rule.action.rawValue) \(object) when \(rows.joined(separator: joiner))"
    }

    /// A literal typed for `field`: numbers for number fields, yes/no for yes/no fields, and a
    /// comma-separated list for `in` and `between`.
    static func parseValue(_ text: String, for field: Field?, op: RuleOperator) -> RuleValue {
        func one(_ item: String) -> RuleValue {
            let t = item.trimmingCharacters(in: .whitespaces)
            switch field?.type.answerKind {
            case .number?: if let n = Value.parseNumber(t) { return .number(n) }
            case .bool?:
                if ["yes", "true"].contains(t.lowercased()) { return .bool(true) }
                if ["no", "false"].contains(t.lowercased()) { return .bool(false) }
            default: break
            }
            return .string(t)
        }
        if op == .in || op == .between { return .list(text.split(separator: ",").map { one(String($0)) }) }
        return one(text)
    }
}
