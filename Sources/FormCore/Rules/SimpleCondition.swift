/// The most common condition shape — one answer compared with a literal, or tested for
/// emptiness — decoded once so the engine can test it without walking an expression tree.
/// It calls the same comparison functions the evaluator does, so results are identical.
struct SimpleCondition: Sendable, Hashable {
    enum Test: Sendable, Hashable {
        case compare(BinaryOperator, Value)
        case isEmpty(Bool)
    }

    let field: Int
    let test: Test
    let range: SourceRange

    /// Recognises `${slot} op literal`, `empty(${slot})` and `notempty(${slot})`.
    init?(_ e: Expression) {
        switch e.kind {
        case .binary(let op, let lhs, let rhs):
            guard [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op),
                  case .reference(let key) = lhs.kind, let slot = RuleSource.slot(of: key),
                  case .literal(let literal) = rhs.kind else { return nil }
            field = slot
            test = .compare(op, literal)
        case .call(let function, let args) where (function == .empty || function == .notEmpty) && args.count == 1:
            guard case .reference(let key) = args[0].kind, let slot = RuleSource.slot(of: key) else { return nil }
            field = slot
            test = .isEmpty(function == .empty)
        default:
            return nil
        }
        range = e.range
    }

    /// The condition's truth for the given answer.
    func holds(for value: Value) throws(EvaluationError) -> Bool {
        switch test {
        case .isEmpty(let wantEmpty): return value.isEmpty == wantEmpty
        case .compare(.equal, let literal): return Comparison.equals(value, literal)
        case .compare(.notEqual, let literal): return !Comparison.equals(value, literal)
        case .compare(let op, let literal): return try Comparison.ordered(op, value, literal, range: range)
        }
    }
}
