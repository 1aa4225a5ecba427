import Foundation

/// Checks a whole response as the rules leave it: required answers, types and formats,
/// ranges, lengths, patterns, dates, answer counts, repeat counts and custom constraints.
/// Hidden fields are never checked.
public enum ResponseValidator {
    /// Every problem, in form order.
    public static func validate(_ engine: RuleEngine) -> [ResponseProblem] {
        var problems: [ResponseProblem] = []
        for (i, entry) in engine.index.entries.enumerated() {
            for instance in engine.instances(ofField: i) {
                guard let state = engine.state(ofIndex: i, instance: instance), state.visible else { continue }
                let path = engine.index.path(of: i, instance: instance)
                func report(_ message: String, _ severity: Severity = .error) {
                    problems.append(ResponseProblem(path: path, fieldID: entry.field.id, message: message, severity: severity))
                }
                if entry.field.type == .repeatGroup {
                    repeatCount(entry.field, state.value, engine: engine, field: i, instance: instance).forEach { report($0) }
                    continue
                }
                guard entry.field.type.takesInput || entry.field.type == .calculated else { continue }
                if state.value.isEmpty {
                    if state.required { report("an answer is required") }
                    continue
                }
                FieldChecks.problems(entry.field, state.value).forEach { report($0) }
                if let constraint = engine.graph.rules[i].constraint, let spec = entry.field.constraint {
                    let context = EngineContext(engine: engine, scope: entry.scope, path: instance)
                    do {
                        if try !constraint.evaluable.evaluateCondition(in: context) { report(spec.message, spec.severity) }
                    } catch {
                        report("the constraint `\(constraint.text)` could not be checked: \(error)", .warning)
                    }
                }
            }
        }
        return problems
    }

    static func repeatCount(_ field: Field, _ value: Value, engine: RuleEngine, field index: Int, instance: [Int]) -> [String] {
        let count = Int(value.asNumber ?? 0)
        var messages: [String] = []
        if let spec = field.repeatSpec {
            if count < spec.minCount { messages.append("needs at least \(spec.minCount) entries, has \(count)") }
            if let max = spec.maxCount, count > max { messages.append("allows at most \(max) entries, has \(count)") }
            if let countRule = engine.graph.rules[index].repeatCount {
                let context = EngineContext(engine: engine, scope: engine.index.entries[index].scope, path: instance)
                // Compared as numbers: `Int(_:)` would trap on a count beyond Int's range.
                if let expected = (try? countRule.evaluable.evaluate(in: context))?.asNumber, expected != Double(count) {
                    messages.append("should have \(Value.format(number: expected)) entries (\(countRule.text)), has \(count)")
                }
            }
        }
        if field.required, count == 0, messages.isEmpty { messages.append("needs at least one entry") }
        return messages
    }
}
