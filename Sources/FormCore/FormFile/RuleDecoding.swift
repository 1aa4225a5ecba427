extension FormFile {
    static func decodeRule(_ node: JSONNode) throws -> Rule {
        var reader = try ObjectReader(node, context: "a rule")
        let id = try reader.string("id")
        reader = try ObjectReader(node, context: "rule \"\(id)\"")
        _ = reader.optionalNode("id")
        let condition = try decodeCondition(&reader, at: node)
        var rule = Rule(id: id, when: condition, action: try reader.enumValue("action", as: RuleAction.self))
        rule.targetFieldIds = try reader.array("targetFieldIds").map { try ObjectReader.string($0, key: "targetFieldIds") }
        rule.setValue = try reader.optionalString("setValue")
        rule.targetPageId = try reader.optionalString("targetPageId")
        try reader.finish()
        if rule.action == .skipToPage, rule.targetPageId == nil {
            throw FormFileError(position: node.position, message: "rule \"\(id)\": skip_to_page needs \"targetPageId\"")
        }
        if rule.action == .setValue, rule.setValue == nil {
            throw FormFileError(position: node.position, message: "rule \"\(id)\": set_value needs \"setValue\"")
        }
        if rule.action != .skipToPage, rule.targetFieldIds.isEmpty {
            throw FormFileError(position: node.position, message: "rule \"\(id)\": \(rule.action.rawValue) needs at least one of \"targetFieldIds\"")
        }
        return rule
    }

    /// A condition is either a row (`sourceFieldId`, `condition`, `value`) or an `all`/`any` list.
    static func decodeCondition(_ reader: inout ObjectReader, at node: JSONNode) throws -> RuleCondition {
        if let all = reader.optionalNode("all") { return .all(try decodeConditionList(all, key: "all")) }
        if let any = reader.optionalNode("any") { return .any(try decodeConditionList(any, key: "any")) }
        let source = try reader.string("sourceFieldId")
        let op = try reader.enumValue("condition", as: RuleOperator.self)
        let value = try reader.optionalNode("value").map(decodeRuleValue) ?? .none
        if op.takesValue, value == .none {
            throw FormFileError(position: node.position, message: "condition \"\(op.rawValue)\" needs a \"value\"")
        }
        return .row(ConditionRow(sourceFieldId: source, condition: op, value: value))
    }

    static func decodeConditionList(_ node: JSONNode, key: String) throws -> [RuleCondition] {
        guard case .array(let items) = node.value, !items.isEmpty else {
            throw ObjectReader.mismatch(node, key: key, expected: "a non-empty array of conditions")
        }
        return try items.map { item in
            var reader = try ObjectReader(item, context: "a condition")
            let condition = try decodeCondition(&reader, at: item)
            try reader.finish()
            return condition
        }
    }

    static func decodeRuleValue(_ node: JSONNode) throws -> RuleValue {
        switch node.value {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .array(let items): return .list(try items.map(decodeRuleValue))
        case .null: return .none
        case .object: throw ObjectReader.mismatch(node, key: "value", expected: "a string, number, boolean or array")
        }
    }
}
