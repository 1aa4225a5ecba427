/// Writes a `Form` as `*.form.json` text: stable key order, defaults left out.
extension FormFile {
    /// The form file text for `form`.
    public static func encode(_ form: Form) -> String {
        JSONWriter.write(JSONNode(encodeForm(form)))
    }

    static func encodeForm(_ form: Form) -> JSONValue {
        var o = ObjectBuilder()
        o["format"] = .string(Form.formatTag)
        o["schemaVersion"] = .number(Double(Form.schemaVersion))
        o["id"] = .string(form.id)
        o["title"] = .string(form.title)
        o["description"] = form.description.map(JSONValue.string)
        o["version"] = .number(Double(form.version))
        o["state"] = .string(form.state.rawValue)
        o["pages"] = .array(form.pages.map { JSONNode(encodePage($0)) })
        if !form.rules.isEmpty { o["rules"] = .array(form.rules.map { JSONNode(encodeRule($0)) }) }
        return o.value
    }

    static func encodePage(_ page: Page) -> JSONValue {
        var o = ObjectBuilder()
        o["id"] = .string(page.id)
        o["title"] = .string(page.title)
        o["description"] = page.description.map(JSONValue.string)
        o["visibleIf"] = page.visibleIf.map(JSONValue.string)
        o["fields"] = .array(page.fields.map { JSONNode(encodeField($0)) })
        return o.value
    }

    static func encodeField(_ f: Field) -> JSONValue {
        var o = ObjectBuilder()
        o["id"] = .string(f.id)
        o["key"] = .string(f.key)
        o["type"] = .string(f.type.rawValue)
        if !f.label.isEmpty { o["label"] = .string(f.label) }
        o["help"] = f.help.map(JSONValue.string)
        if f.required { o["required"] = .bool(true) }
        o["choices"] = f.choices.map(encodeChoiceSource)
        if !f.validation.isEmpty { o["validation"] = encodeValidation(f.validation) }
        o["visibleIf"] = f.visibleIf.map(JSONValue.string)
        o["requiredIf"] = f.requiredIf.map(JSONValue.string)
        o["enabledIf"] = f.enabledIf.map(JSONValue.string)
        o["calculate"] = f.calculate.map(JSONValue.string)
        o["default"] = f.defaultValue.map(JSONValue.string)
        if let c = f.constraint {
            var co = ObjectBuilder()
            co["expression"] = .string(c.expression)
            co["message"] = .string(c.message)
            co["severity"] = .string(c.severity.rawValue)
            o["constraint"] = co.value
        }
        if f.hiddenValuePolicy != .clear { o["hiddenValue"] = .string(f.hiddenValuePolicy.rawValue) }
        if let m = f.matrix {
            var mo = ObjectBuilder()
            mo["rows"] = encodeChoices(m.rows)
            if !m.columns.isEmpty { mo["columns"] = encodeChoices(m.columns) }
            o["matrix"] = mo.value
        }
        if let r = f.repeatSpec {
            var ro = ObjectBuilder()
            ro["min"] = .number(Double(r.minCount))
            ro["max"] = r.maxCount.map { .number(Double($0)) }
            ro["count"] = r.countExpression.map(JSONValue.string)
            o["repeat"] = ro.value
        }
        if f.type.isContainer { o["children"] = .array(f.children.map { JSONNode(encodeField($0)) }) }
        return o.value
    }

    static func encodeChoices(_ choices: [Choice]) -> JSONValue {
        .array(choices.map { choice in
            if choice.label == choice.value { return JSONNode(.string(choice.value)) }
            var o = ObjectBuilder()
            o["value"] = .string(choice.value)
            o["label"] = .string(choice.label)
            return JSONNode(o.value)
        })
    }

    static func encodeChoiceSource(_ source: ChoiceSource) -> JSONValue {
        switch source {
        case .list(let choices): return encodeChoices(choices)
        case .csv(let path, let valueColumn, let labelColumn):
            var o = ObjectBuilder()
            o["csv"] = .string(path)
            o["valueColumn"] = .string(valueColumn)
            o["labelColumn"] = .string(labelColumn)
            return o.value
        case .filtered(let choices, let filter):
            var o = ObjectBuilder()
            o["options"] = encodeChoices(choices)
            o["filter"] = .string(filter)
            return o.value
        }
    }

    static func encodeValidation(_ v: FieldValidation) -> JSONValue {
        var o = ObjectBuilder()
        o["min"] = v.min.map(JSONValue.number)
        o["max"] = v.max.map(JSONValue.number)
        o["minLength"] = v.minLength.map { .number(Double($0)) }
        o["maxLength"] = v.maxLength.map { .number(Double($0)) }
        o["pattern"] = v.pattern.map(JSONValue.string)
        o["patternMessage"] = v.patternMessage.map(JSONValue.string)
        o["minPicks"] = v.minPicks.map { .number(Double($0)) }
        o["maxPicks"] = v.maxPicks.map { .number(Double($0)) }
        o["minDate"] = v.minDate.map(JSONValue.string)
        o["maxDate"] = v.maxDate.map(JSONValue.string)
        o["step"] = v.step.map(JSONValue.number)
        o["currency"] = v.currencyCode.map(JSONValue.string)
        return o.value
    }

    static func encodeRule(_ rule: Rule) -> JSONValue {
        var o = ObjectBuilder()
        o["id"] = .string(rule.id)
        encodeCondition(rule.when, into: &o)
        o["action"] = .string(rule.action.rawValue)
        if !rule.targetFieldIds.isEmpty { o["targetFieldIds"] = .array(rule.targetFieldIds.map { JSONNode(.string($0)) }) }
        o["setValue"] = rule.setValue.map(JSONValue.string)
        o["targetPageId"] = rule.targetPageId.map(JSONValue.string)
        return o.value
    }

    static func encodeCondition(_ condition: RuleCondition, into o: inout ObjectBuilder) {
        switch condition {
        case .row(let row):
            o["sourceFieldId"] = .string(row.sourceFieldId)
            o["condition"] = .string(row.condition.rawValue)
            if row.value != .none { o["value"] = encodeRuleValue(row.value) }
        case .all(let items): o["all"] = .array(items.map(encodeConditionNode))
        case .any(let items): o["any"] = .array(items.map(encodeConditionNode))
        }
    }

    static func encodeConditionNode(_ condition: RuleCondition) -> JSONNode {
        var o = ObjectBuilder()
        encodeCondition(condition, into: &o)
        return JSONNode(o.value)
    }

    static func encodeRuleValue(_ value: RuleValue) -> JSONValue {
        switch value {
        case .none: return .null
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .list(let items): return .array(items.map { JSONNode(encodeRuleValue($0)) })
        }
    }
}

/// Builds a JSON object in insertion order; assigning nil leaves the key out.
struct ObjectBuilder {
    private(set) var members: [JSONMember] = []

    subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.node.value }
        set {
            guard let newValue else { return }
            members.append(JSONMember(key, JSONNode(newValue)))
        }
    }

    var value: JSONValue { .object(members) }
}
