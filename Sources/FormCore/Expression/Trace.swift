/// Records each evaluated node's outcome, in evaluation (post-) order.
final class TraceRecorder {
    var steps: [(Expression, Result<Value, EvaluationError>)] = []

    func record(_ expression: Expression, _ outcome: Result<Value, EvaluationError>) {
        steps.append((expression, outcome))
    }
}

/// One evaluated sub-expression and what it produced.
public struct TraceStep: Hashable, Sendable, CustomStringConvertible {
    /// The sub-expression in canonical printed form, e.g. `${follow_up} = 'yes'`.
    public let text: String
    /// The sub-expression's tree.
    public let expression: Expression
    /// Its value, or `nil` when it failed.
    public let value: Value?
    /// Why it failed, when it did.
    public let error: EvaluationError?

    /// The field key when this step is a `${key}` reference.
    public var referenceKey: String? {
        if case .reference(let key) = expression.kind { return key }
        return nil
    }

    /// True for constants, which explanations usually leave out.
    public var isLiteral: Bool {
        if case .literal = expression.kind { return true }
        return false
    }

    /// `` `text` is value `` or `` `text` failed: reason ``.
    public var description: String {
        if let value { return "`\(text)` is \(value)" }
        return "`\(text)` failed: \(error?.description ?? "unknown error")"
    }
}

/// The outcome of a traced evaluation: the result and every step that led to it.
public struct EvaluationTrace: Hashable, Sendable {
    /// The whole expression's value, or `nil` when it failed.
    public let value: Value?
    /// The failure, when there was one.
    public let error: EvaluationError?
    /// Every evaluated sub-expression in evaluation order; the last one is the whole expression.
    public let steps: [TraceStep]

    /// The referenced fields with the values they had, in first-use order, each once.
    public var references: [(key: String, value: Value)] {
        var seen = Set<String>()
        var result: [(key: String, value: Value)] = []
        for step in steps {
            guard let key = step.referenceKey, let value = step.value, seen.insert(key).inserted else { continue }
            result.append((key, value))
        }
        return result
    }

    /// One sentence for an explainer, e.g.
    /// `` `${follow_up} = 'yes'` is false because `${follow_up}` is 'no' ``.
    public var explanation: String {
        guard let whole = steps.last else { return "nothing was evaluated" }
        let reasons = references.map { "`${\($0.key)}` is \($0.value)" }
        if reasons.isEmpty || whole.referenceKey != nil { return whole.description }
        return whole.description + " because " + reasons.joined(separator: " and ")
    }
}

extension Expression {
    /// Evaluates like `evaluate(in:)` while recording every sub-expression's value, for
    /// explanations. Slower than `evaluate(in:)`: use it only when a person asks why.
    public func evaluateTraced(in context: any EvaluationContext) -> EvaluationTrace {
        let recorder = TraceRecorder()
        let evaluator = Evaluator(context: context, recorder: recorder)
        var value: Value?
        var failure: EvaluationError?
        do throws(EvaluationError) {
            value = try evaluator.eval(self)
        } catch {
            failure = error
        }
        let steps = recorder.steps.map { expression, outcome in
            switch outcome {
            case .success(let v): return TraceStep(text: expression.description, expression: expression, value: v, error: nil)
            case .failure(let e): return TraceStep(text: expression.description, expression: expression, value: nil, error: e)
            }
        }
        return EvaluationTrace(value: value, error: failure, steps: steps)
    }
}
