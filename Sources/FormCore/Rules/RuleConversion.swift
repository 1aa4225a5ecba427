/// Converts rule rows to expressions and back. A row reads its source by id; the expression
/// reads it by key, so conversion needs the form's keys.
///
/// Every row has an expression. An expression converts back to rows when it is a tree of
/// `and`/`or` over comparisons of one reference with literals in the shapes rows can hold;
/// otherwise `rows(from:)` returns nil and the rule editor keeps it as raw text.
public enum RuleConversion {
    /// The expression for a whole condition tree.
    public static func expression(for condition: RuleCondition, keyOf: (FieldID) -> String?) -> Expression {
        switch condition {
        case .row(let row): return expression(for: row, keyOf: keyOf)
        case .all(let items): return combine(items.map { expression(for: $0, keyOf: keyOf) }, with: .and)
        case .any(let items): return combine(items.map { expression(for: $0, keyOf: keyOf) }, with: .or)
        }
    }

    private static func combine(_ items: [Expression], with op: BinaryOperator) -> Expression {
        guard var result = items.first else { return .literal(.bool(op == .and)) }
        for item in items.dropFirst() { result = .binary(op, result, item) }
        return result
    }

    /// The expression for one row. An unknown source becomes a reference to its id, which the
    /// linter reports as unknown.
    public static func expression(for row: ConditionRow, keyOf: (FieldID) -> String?) -> Expression {
        let subject = Expression.reference(keyOf(row.sourceFieldId) ?? row.sourceFieldId)
        let values = literals(row.value)
        let first = values.first ?? .literal(.empty)
        switch row.condition {
        case .equals: return .binary(.equal, subject, first)
        case .notEquals: return .binary(.notEqual, subject, first)
        case .contains: return .binary(.contains, subject, first)
        case .notContains: return .unary(.not, .binary(.contains, subject, first))
        case .greaterThan: return .binary(.greater, subject, first)
        case .lessThan: return .binary(.less, subject, first)
        case .greaterOrEqual: return .binary(.greaterOrEqual, subject, first)
        case .lessOrEqual: return .binary(.lessOrEqual, subject, first)
        case .isEmpty: return .call(.empty, [subject])
        case .isNotEmpty: return .call(.notEmpty, [subject])
        case .in: return .inList(subject, values)
        case .between: return .between(subject, first, values.count > 1 ? values[1] : first)
        case .matches: return .binary(.matches, subject, first)
        }
    }

    private static func literals(_ value: RuleValue) -> [Expression] {
        switch value {
        case .none: return []
        case .string(let s): return [.literal(.string(s))]
        case .number(let n): return [.literal(.number(n))]
        case .bool(let b): return [.literal(.bool(b))]
        case .list(let items): return items.flatMap(literals)
        }
    }

    /// Rows for an expression when rows can say it exactly, else nil.
    public static func condition(from expression: Expression, idOf: (String) -> FieldID?) -> RuleCondition? {
        switch expression.kind {
        case .binary(.and, let lhs, let rhs), .binary(.or, let lhs, let rhs):
            guard case .binary(let op, _, _) = expression.kind,
                  let left = condition(from: lhs, idOf: idOf), let right = condition(from: rhs, idOf: idOf) else { return nil }
            return merge(left, right, all: op == .and)
        default:
            return row(from: expression, idOf: idOf).map(RuleCondition.row)
        }
    }

    /// Flattens `a and (b and c)` into one `all`, so a printed-and-parsed tree of rows comes back
    /// as the same rows.
    private static func merge(_ left: RuleCondition, _ right: RuleCondition, all: Bool) -> RuleCondition {
        func items(_ c: RuleCondition) -> [RuleCondition] {
            switch (c, all) {
            case (.all(let xs), true), (.any(let xs), false): return xs
            default: return [c]
            }
        }
        let combined = items(left) + items(right)
        return all ? .all(combined) : .any(combined)
    }

    private static func row(from e: Expression, idOf: (String) -> FieldID?) -> ConditionRow? {
        func source(_ e: Expression) -> FieldID? {
            if case .reference(let key) = e.kind { return idOf(key) }
            return nil
        }
        func literal(_ e: Expression) -> RuleValue? {
            guard case .literal(let v) = e.kind else { return nil }
            switch v {
            case .string(let s): return .string(s)
            case .number(let n): return .number(n)
            case .bool(let b): return .bool(b)
            default: return nil
            }
        }
        switch e.kind {
        case .binary(let op, let lhs, let rhs):
            guard let id = source(lhs), let value = literal(rhs) else { return nil }
            let map: [BinaryOperator: RuleOperator] = [
                .equal: .equals, .notEqual: .notEquals, .contains: .contains, .greater: .greaterThan,
                .less: .lessThan, .greaterOrEqual: .greaterOrEqual, .lessOrEqual: .lessOrEqual, .matches: .matches,
            ]
            guard let rowOp = map[op] else { return nil }
            return ConditionRow(sourceFieldId: id, condition: rowOp, value: value)
        case .unary(.not, let inner):
            guard case .binary(.contains, let lhs, let rhs) = inner.kind, let id = source(lhs), let value = literal(rhs) else { return nil }
            return ConditionRow(sourceFieldId: id, condition: .notContains, value: value)
        case .call(let function, let args) where args.count == 1 && (function == .empty || function == .notEmpty):
            guard let id = source(args[0]) else { return nil }
            return ConditionRow(sourceFieldId: id, condition: function == .empty ? .isEmpty : .isNotEmpty)
        case .inList(let subject, let items):
            guard let id = source(subject) else { return nil }
            let values = items.compactMap(literal)
            guard values.count == items.count else { return nil }
            return ConditionRow(sourceFieldId: id, condition: .in, value: .list(values))
        case .between(let subject, let low, let high):
            guard let id = source(subject), let lo = literal(low), let hi = literal(high) else { return nil }
            return ConditionRow(sourceFieldId: id, condition: .between, value: .list([lo, hi]))
        default:
            return nil
        }
    }
}
