/// Static type checking for the linter: infers each node's type from the field types and
/// reports combinations that would fail or could never be true at run time.
struct TypeChecker {
    let fieldTypes: (String) -> ValueType?
    var issues: [TypeIssue] = []

    mutating func issue(_ kind: TypeIssue.Kind, _ node: Expression, _ message: String) {
        issues.append(TypeIssue(kind, range: node.range, message: message))
    }

    mutating func infer(_ e: Expression) -> ValueType {
        switch e.kind {
        case .literal(let value):
            return value.type
        case .reference(let key):
            guard let type = fieldTypes(key) else {
                issue(.unknownField, e, "unknown field ${\(key)}")
                return .any
            }
            return type
        case .unary(.negate, let operand):
            let type = infer(operand)
            guard [.number, .duration, .any].contains(type) else {
                issue(.typeMismatch, e, "cannot negate \(type)")
                return .any
            }
            return type
        case .unary(.not, let operand):
            checkTruth(operand, infer(operand), "not")
            return .bool
        case .binary(let op, let lhs, let rhs):
            return binary(op, lhs, rhs, e)
        case .call(let function, let args):
            let types = args.map { infer($0) }
            guard function.accepts(argumentCount: args.count) else {
                issue(.wrongArgumentCount, e, "\(function.name) takes \(function.arityDescription), got \(args.count)")
                return .any
            }
            return call(function, args, types, e)
        case .inList(let value, let items):
            let type = infer(value)
            for item in items { checkComparable("in", value, type, item, infer(item), e) }
            return .bool
        case .between(let value, let low, let high):
            let type = infer(value)
            let lowType = infer(low), highType = infer(high)
            checkOrdered("between", value, type, low, lowType, e)
            checkOrdered("between", value, type, high, highType, e)
            return .bool
        }
    }

    /// Types that `and`, `or`, `not` and `if` accept (text may hold yes/no).
    mutating func checkTruth(_ node: Expression, _ type: ValueType, _ operation: String) {
        guard [.bool, .number, .text, .list, .any].contains(type) else {
            issue(.typeMismatch, node, "'\(operation)' needs a yes/no value, not \(type)")
            return
        }
    }

    private mutating func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, _ e: Expression) -> ValueType {
        let a = infer(lhs), b = infer(rhs)
        switch op {
        case .and, .or:
            checkTruth(lhs, a, op.rawValue)
            checkTruth(rhs, b, op.rawValue)
            return .bool
        case .equal, .notEqual:
            checkComparable(op.rawValue, lhs, a, rhs, b, e)
            return .bool
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            checkOrdered(op.rawValue, lhs, a, rhs, b, e)
            return .bool
        case .contains, .startsWith, .endsWith, .matches:
            let textual: Set<ValueType> = op == .contains ? [.text, .number, .list, .any] : [.text, .number, .any]
            if !textual.contains(a) || [.list, .geopoint].contains(b) {
                issue(.typeMismatch, e, "'\(op.rawValue)' works on text, not \(a) and \(b)")
            }
            return .bool
        default:
            guard let result = TypeChecker.arithmetic(op, a, b) else {
                issue(.typeMismatch, e, "cannot apply '\(op.rawValue)' to \(a) and \(b)")
                return .any
            }
            return result
        }
    }

    /// The result type of arithmetic, mirroring `Arithmetic`; `nil` when it would fail.
    static func arithmetic(_ op: BinaryOperator, _ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == .any || b == .any {
            let known = a == .any ? b : a
            return [.number, .duration, .date, .dateTime, .time, .any].contains(known) ? .any : nil
        }
        switch (op, a, b) {
        case (_, .number, .number): return .number
        case (.add, .date, .number), (.add, .number, .date), (.subtract, .date, .number): return .date
        case (.subtract, .date, .date), (.divide, .duration, .duration): return .number
        case (.add, .dateTime, .duration), (.add, .duration, .dateTime), (.subtract, .dateTime, .duration): return .dateTime
        case (.add, .time, .duration), (.add, .duration, .time), (.subtract, .time, .duration): return .time
        case (.subtract, .dateTime, .dateTime), (.subtract, .time, .time): return .duration
        case (.add, .duration, .duration), (.subtract, .duration, .duration): return .duration
        case (.multiply, .duration, .number), (.multiply, .number, .duration), (.divide, .duration, .number): return .duration
        default: return nil
        }
    }

    /// Whether `=` between the two types can ever be true (see `Comparison.equals`).
    mutating func checkComparable(_ op: String, _ lhs: Expression, _ a: ValueType, _ rhs: Expression, _ b: ValueType, _ e: Expression) {
        if a.fits(b) || a == .list || b == .list { return }
        if TypeChecker.coercible(a, b, lhs, rhs) { return }
        issue(.typeMismatch, e, "'\(op)' compares \(a) with \(b): never equal")
    }

    mutating func checkOrdered(_ op: String, _ lhs: Expression, _ a: ValueType, _ rhs: Expression, _ b: ValueType, _ e: Expression) {
        guard a.isOrdered, b.isOrdered else {
            issue(.typeMismatch, e, "'\(op)' cannot order \(a) and \(b)")
            return
        }
        if a.fits(b) || TypeChecker.coercible(a, b, lhs, rhs) { return }
        issue(.typeMismatch, e, "'\(op)' compares \(a) with \(b)")
    }

    /// Pairs that compare through a documented coercion. Text against a date or time is
    /// accepted only when the text is an ISO literal, since an arbitrary text field would
    /// usually be a mistake.
    static func coercible(_ a: ValueType, _ b: ValueType, _ lhs: Expression, _ rhs: Expression) -> Bool {
        let pair = Set([a, b])
        if pair == [.number, .text] || pair == [.bool, .text] || pair == [.bool, .number] || pair == [.date, .dateTime] {
            return true
        }
        guard pair.contains(.text), !pair.isDisjoint(with: [.date, .dateTime, .time]) else { return false }
        let textNode = a == .text ? lhs : rhs
        guard case .literal(.string(let s)) = textNode.kind else { return false }
        return LocalDate(iso: s) != nil || LocalDateTime(iso: s) != nil || LocalTime(iso: s) != nil
    }
}

extension Expression {
    /// Type-checks the tree. `fieldTypes` gives each field key's type (`nil` for an unknown
    /// key). With `asCondition`, a result that is not a truth value is reported too.
    public func inferType(fieldTypes: (String) -> ValueType?, asCondition: Bool = false) -> [TypeIssue] {
        staticType(fieldTypes: fieldTypes, asCondition: asCondition).issues
    }

    /// The inferred result type together with the issues found.
    public func staticType(fieldTypes: (String) -> ValueType?, asCondition: Bool = false) -> (type: ValueType, issues: [TypeIssue]) {
        withoutActuallyEscaping(fieldTypes) { lookup in
            var checker = TypeChecker(fieldTypes: lookup)
            let type = checker.infer(self)
            if asCondition, ![ValueType.bool, .number, .text, .list, .any].contains(type) {
                checker.issue(.notACondition, self, "a condition must be yes/no, but this is a \(type)")
            }
            return (type, checker.issues)
        }
    }
}
