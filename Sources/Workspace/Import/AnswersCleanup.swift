import FormCore

/// Shapes answers the way the workspace stores them: only what a respondent entered.
enum AnswersCleanup {
    /// Drops calculated values (they are recomputed from the form) and unanswered values
    /// (`null`, `""`, `[]` all mean unanswered in response files), in repeats too.
    static func stored(_ answers: Answers, fields: [Field]) -> Answers {
        var out = answers
        for field in AnswersFile.scopeFields(fields) {
            if field.type == .calculated || out.values[field.key]?.isEmpty == true { out.values[field.key] = nil }
            if field.type == .repeatGroup, let instances = out.repeats[field.key] {
                out.repeats[field.key] = instances.map { stored($0, fields: field.children) }
            }
        }
        return out
    }

    /// Adds the values of calculated fields as `engine` (already evaluated against `answers`)
    /// computes them, for exports.
    static func withCalculated(_ answers: Answers, engine: RuleEngine) -> Answers {
        var out = answers
        for (i, entry) in engine.index.entries.enumerated() where entry.field.type == .calculated {
            let keys = engine.index.scopes[entry.scope].repeatKeys
            for instance in engine.instances(ofField: i) {
                guard let value = engine.state(ofIndex: i, instance: instance)?.value, !value.isEmpty else { continue }
                out.modifyInstance(keys: keys, path: instance) { $0.values[entry.field.key] = value }
            }
        }
        return out
    }
}
