import FormCore
import Foundation
import Workspace

/// The `--plain` walk: asks each visible, enabled field on the respondent's page path in
/// order, recomputing the rules after every answer, saving a draft as it goes.
final class PlainFill {
    private let target: FillTarget
    private let engine: RuleEngine
    private let io = PlainPrompter()
    private var asked = Set<Int>()
    private var draftID: Int64?

    init(target: FillTarget) throws {
        self.target = target
        engine = try RuleEngine(form: target.form)
    }

    /// Runs the whole conversation; returns the submitted response id (nil when standalone).
    func run() throws -> Int64? {
        try offerResume()
        while let field = nextField() {
            asked.insert(field)
            if engine.index.entries[field].field.type == .repeatGroup {
                try askRepeat(field)
            } else {
                try ask(field)
            }
        }
        io.say("")
        TextPreview.render(engine).forEach(io.say)
        let problems = ResponseValidator.validate(engine).filter { $0.severity == .error }
        guard problems.isEmpty else {
            problems.forEach { io.say("\($0.path): \($0.message)") }
            throw FillNotSubmitted(reason: "the answers do not validate; the draft is kept")
        }
        guard try io.confirm("Submit?") else { throw FillNotSubmitted(reason: "not submitted; the draft is kept") }
        guard let stored = target.stored else { return nil }
        try save()
        guard let id = draftID else { return nil }
        try stored.workspace.responses.submit(id)
        return id
    }

    /// The first field on the page path, in form order, that a respondent answers and has not
    /// been asked yet. Recomputed after every answer, so appearing fields and skipped pages count.
    private func nextField() -> Int? {
        let index = engine.index
        for page in engine.pagePath {
            for field in index.entries.indices where index.entries[field].page == page && !asked.contains(field) {
                let entry = index.entries[field]
                guard entry.scope == 0, let state = engine.state(ofIndex: field), state.visible else { continue }
                if entry.field.type == .note {
                    asked.insert(field)
                    io.say("")
                    io.say(entry.field.label)
                    continue
                }
                if (entry.field.type.takesInput || entry.field.type == .repeatGroup) && entry.field.type != .hidden && state.enabled {
                    return field
                }
            }
        }
        return nil
    }

    /// Asks one field (of one repeat entry, when `instance` is given) until its answer is valid
    /// for its type and passes its checks.
    private func ask(_ field: Int, instance: [Int] = []) throws {
        let entry = engine.index.entries[field], definition = entry.field
        let keys = engine.index.scopes[entry.scope].repeatKeys
        while true {
            let previous = engine.answers.instance(keys: keys, path: instance)?.values[definition.key]
            io.describe(definition, state: engine.state(ofIndex: field, instance: instance) ?? FieldState())
            let line = try io.read()
            do {
                if line == "-" {
                    engine.setAnswer(.empty, for: definition.id, instance: instance)
                } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    engine.setAnswer(try PlainPrompter.value(from: line, for: definition), for: definition.id, instance: instance)
                }
            } catch let error as AnswerError {
                io.say("  \(error.message)")
                continue
            }
            let problems = ResponseValidator.validate(engine).filter { $0.fieldID == definition.id && $0.severity == .error }
            if problems.isEmpty {
                try save()
                return
            }
            problems.forEach { io.say("  \($0.message)") }
            engine.setAnswer(previous, for: definition.id, instance: instance)
        }
    }

    /// Asks for entries of a top-level repeat group: the minimum without asking, then "Add an
    /// entry?" until the respondent says no or the maximum is reached. A repeat whose count
    /// an expression sets gets exactly the entries the rules made.
    private func askRepeat(_ field: Int) throws {
        let definition = engine.index.entries[field].field
        guard let scope = engine.index.scopes.firstIndex(where: { $0.repeatField == field }) else { return }
        let spec = definition.repeatSpec ?? RepeatSpec(minCount: 0, maxCount: nil, countExpression: nil)
        var count = engine.answers.repeats[definition.key]?.count ?? 0
        if spec.countExpression != nil {
            count = engine.index.scopes[scope].fields.first.map { engine.instances(ofField: $0).count } ?? 0
            for entry in 0..<count { try askEntry(scope, entry, of: definition) }
            return
        }
        for entry in 0..<count { try askEntry(scope, entry, of: definition) }
        while spec.maxCount.map({ count < $0 }) ?? true {
            if count >= spec.minCount, !(try io.confirm("Add an entry to \(definition.label)?")) { return }
            var answers = engine.answers
            answers.repeats[definition.key, default: []].append(Answers())
            engine.replaceAnswers(answers)
            try save()
            try askEntry(scope, count, of: definition)
            count += 1
        }
    }

    /// Asks the visible, enabled fields of one repeat entry in order (nested repeats left as
    /// they are).
    private func askEntry(_ scope: Int, _ entry: Int, of group: Field) throws {
        io.say("")
        io.say("\(group.label): entry \(entry + 1)")
        for field in engine.index.scopes[scope].fields {
            let type = engine.index.entries[field].field.type
            guard type.takesInput, type != .hidden, type != .repeatGroup,
                  let state = engine.state(ofIndex: field, instance: [entry]), state.visible, state.enabled else { continue }
            try ask(field, instance: [entry])
        }
    }

    /// Offers the newest draft of this form version, and takes its answers when accepted.
    /// Declining starts over in the same draft: the first new answer overwrites it, as on the
    /// Fill screen, so a form never collects a stale second draft.
    private func offerResume() throws {
        guard let stored = target.stored else { return }
        let drafts = try stored.workspace.responses.list(
            ResponseFilter(formID: target.form.id, version: stored.version, status: .draft), offset: 0, limit: 10_000)
        guard let newest = drafts.max(by: { $0.updatedAt < $1.updatedAt }) else { return }
        draftID = newest.id
        guard try io.confirm("Resume your draft from \(Table.timestamp(newest.updatedAt)) UTC?") else { return }
        engine.replaceAnswers(newest.answers)
        for (field, entry) in engine.index.entries.enumerated() where entry.scope == 0
            && (newest.answers.values[entry.field.key] != nil || newest.answers.repeats[entry.field.key] != nil) {
            asked.insert(field)
        }
    }

    /// Writes the answers so far to the draft (creating it on the first answer).
    private func save() throws {
        guard let stored = target.stored else { return }
        if let id = draftID {
            try stored.workspace.responses.updateDraft(id, answers: engine.answers)
        } else {
            draftID = try stored.workspace.responses.insert(NewResponse(answers: engine.answers, status: .draft),
                                                            formID: target.form.id, version: stored.version)
        }
    }
}

/// The walk ended without a submission.
struct FillNotSubmitted: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
