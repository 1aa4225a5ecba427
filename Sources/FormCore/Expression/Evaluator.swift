/// Walks an expression tree against a context. One evaluator serves both plain and traced
/// evaluation; the trace recorder is nil on the fast path.
///
/// The context is held as an existential rather than a generic parameter: callers in other
/// modules would otherwise run unspecialised generic code, which measured slower.
struct Evaluator {
    let context: any EvaluationContext
    let recorder: TraceRecorder?

    func eval(_ e: Expression) throws(EvaluationError) -> Value {
        guard let recorder else { return try evalNode(e) }
        do throws(EvaluationError) {
            let value = try evalNode(e)
            recorder.record(e, .success(value))
            return value
        } catch {
            recorder.record(e, .failure(error))
            throw error
        }
    }

    private func evalNode(_ e: Expression) throws(EvaluationError) -> Value {
        switch e.kind {
        case .literal(let value):
            return value
        case .reference(let key):
            return context.value(of: key)
        case .unary(let op, let operand):
            let value = try eval(operand)
            if op == .negate { return try Arithmetic.negate(value, range: e.range) }
            return .bool(!(try truth(value, "not", e.range)))
        case .binary(let op, let lhs, let rhs):
            return try binary(op, lhs, rhs, e.range)
        case .call(let function, let args):
            return try call(function, args, e.range)
        case .inList(let value, let items):
            return .bool(try membership(try eval(value), items))
        case .between(let value, let low, let high):
            let v = try eval(value), lo = try eval(low), hi = try eval(high)
            let aboveLow = try Comparison.ordered(.greaterOrEqual, v, lo, range: e.range)
            let belowHigh = try Comparison.ordered(.lessOrEqual, v, hi, range: e.range)
            return .bool(aboveLow && belowHigh)
        }
    }

    func truth(_ value: Value, _ operation: String, _ range: SourceRange) throws(EvaluationError) -> Bool {
        guard let b = value.asBool else { throw .mismatch(operation, value, at: range) }
        return b
    }

    private func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, _ range: SourceRange) throws(EvaluationError) -> Value {
        switch op {
        case .and:
            guard try truth(try eval(lhs), "and", range) else { return .bool(false) }
            return .bool(try truth(try eval(rhs), "and", range))
        case .or:
            if try truth(try eval(lhs), "or", range) { return .bool(true) }
            return .bool(try truth(try eval(rhs), "or", range))
        default:
            break
        }
        let a = try eval(lhs), b = try eval(rhs)
        switch op {
        case .equal: return .bool(Comparison.equals(a, b))
        case .notEqual: return .bool(!Comparison.equals(a, b))
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return .bool(try Comparison.ordered(op, a, b, range: range))
        case .contains, .startsWith, .endsWith, .matches: return .bool(try Comparison.text(op, a, b, range: range))
        default: return try Arithmetic.apply(op, a, b, range: range)
        }
    }

    /// `v in (items)`: equal to one of the items; a list (multiple choice) must have every
    /// selected choice among the items.
    private func membership(_ v: Value, _ items: [Expression]) throws(EvaluationError) -> Bool {
        guard case .list(let selected) = v, !selected.isEmpty else {
            for item in items {
                if Comparison.equals(v, try eval(item)) { return true }
            }
            return false
        }
        var candidates: [Value] = []
        candidates.reserveCapacity(items.count)
        for item in items { candidates.append(try eval(item)) }
        return selected.allSatisfy { choice in candidates.contains { Comparison.equals(choice, $0) } }
    }
}

extension Expression {
    /// Evaluates the expression against `context`.
    ///
    /// Empty answers never throw (see docs/expressions.md for what they produce); type
    /// errors, division by zero, invalid regular expressions and unusable function
    /// arguments throw `EvaluationError` with the range of the failing sub-expression.
    public func evaluate(in context: any EvaluationContext) throws(EvaluationError) -> Value {
        try Evaluator(context: context, recorder: nil).eval(self)
    }

    /// Evaluates the expression as a condition: its truth value (see `Value.asBool`).
    /// Throws when the result is not a truth value, such as a date.
    public func evaluateCondition(in context: any EvaluationContext) throws(EvaluationError) -> Bool {
        let evaluator = Evaluator(context: context, recorder: nil)
        return try evaluator.truth(try evaluator.eval(self), "condition", range)
    }
}
