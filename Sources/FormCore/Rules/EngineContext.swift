import Foundation

/// The `EvaluationContext` expressions see inside the engine: references resolve from the
/// scope the expression was written in, at one instance path.
struct EngineContext: EvaluationContext {
    /// Unowned(unsafe): a context never outlives the evaluation call that made it, and a
    /// counted reference here costs more than the expression it serves.
    unowned(unsafe) let engine: RuleEngine
    let scope: Int
    let path: [Int]

    var now: Date { engine.now }
    var timeZone: TimeZone { engine.timeZone }

    func value(of key: String) -> Value {
        guard let field = RuleSource.slot(of: key) ?? engine.index.resolve(key, from: scope)?.index else { return .empty }
        let fieldScope = engine.scopeOf[field]
        if fieldScope == 0 { return engine.storedValue(field, path: []) }
        let reach: FormIndex.Reach = fieldScope == scope || engine.index.isAncestor(fieldScope, of: scope) ? .single : .aggregate
        switch reach {
        case .single:
            let depth = engine.scopeDepth[engine.scopeOf[field]]
            return engine.storedValue(field, path: depth == path.count ? path : Array(path.prefix(depth)))
        case .aggregate:
            return .list(engine.aggregate(field, under: path))
        }
    }

    func repeatValues(of key: String) -> [Value] {
        guard let field = RuleSource.slot(of: key) ?? engine.index.resolve(key, from: scope)?.index else { return [] }
        let fieldScope = engine.scopeOf[field]
        if fieldScope != scope, !engine.index.isAncestor(fieldScope, of: scope) { return engine.aggregate(field, under: path) }
        return value(of: key).asList
    }
}

extension RuleEngine {
    /// Evaluates an expression as if written at the form's top level, against the current
    /// results (hidden answers cleared as the rules say), recording every step.
    public func evaluateTraced(_ expression: Expression) -> EvaluationTrace {
        expression.evaluateTraced(in: EngineContext(engine: self, scope: 0, path: []))
    }
}
