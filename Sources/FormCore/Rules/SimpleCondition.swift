/// The most common condition shape — one answer compared with a literal, or tested for
/// emptiness — decoded once so the engine can test it without walking an expression tree.
/// It calls the same comparison functions the evaluator does, so results are identical.
struct SimpleCondition: Sendable, Hashable {
    enum Test: Sendable, Hashable {
        case compare(BinaryOperator, Value)
        case isEmpty(Bool)
        case oneOf([Value])
    }

    let field: Int
    let test: Test
    let range: SourceRange

    /// Recognises `${slot} op literal`, `${slot} in (literals)`, `empty(${slot})` and
    /// `notempty(${slot})`.
    init?(_ e: Expression) {
        switch e.kind {
        case .binary(let op, let lhs, let rhs):
            guard [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op),
                  case .reference(let key) = lhs.kind, let slot = RuleSource.slot(of: key),
                  case .literal(let literal) = rhs.kind else { return nil }
            field = slot
            test = .compare(op, literal)
        case .inList(let subject, let items):
            guard case .reference(let key) = subject.kind, let slot = RuleSource.slot(of: key) else { return nil }
            var literals: [Value] = []
            for item in items {
                guard case .literal(let value) = item.kind else { return nil }
                literals.append(value)
            }
            field = slot
            test = .oneOf(literals)
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
        case .oneOf(let candidates):
            // As the evaluator's `in`: a multiple-choice answer needs every pick among the items.
            guard case .list(let picks) = value, !picks.isEmpty else { return candidates.contains { Comparison.equals(value, $0) } }
            return picks.allSatisfy { pick in candidates.contains { Comparison.equals(pick, $0) } }
        case .compare(.equal, let literal): return Comparison.equals(value, literal)
        case .compare(.notEqual, let literal): return !Comparison.equals(value, literal)
        case .compare(let op, let literal): return try Comparison.ordered(op, value, literal, range: range)
        }
    }
}
