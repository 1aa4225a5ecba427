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
            try ask(field)
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
                if entry.field.type.takesInput && entry.field.type != .hidden && state.enabled { return field }
            }
        }
        return nil
    }

    /// Asks one field until its answer is valid for its type and passes its checks.
    private func ask(_ field: Int) throws {
        let definition = engine.index.entries[field].field
        while true {
            let previous = engine.answers.values[definition.key]
            io.describe(definition, state: engine.state(ofIndex: field) ?? FieldState())
            let line = try io.read()
            do {
                if line == "-" {
                    engine.setAnswer(.empty, for: definition.id)
                } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    engine.setAnswer(try PlainPrompter.value(from: line, for: definition), for: definition.id)
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
            engine.setAnswer(previous, for: definition.id)
        }
    }

    /// Offers the newest draft of this form version, and takes its answers when accepted.
    private func offerResume() throws {
        guard let stored = target.stored else { return }
        let drafts = try stored.workspace.responses.list(
            ResponseFilter(formID: target.form.id, version: stored.version, status: .draft), offset: 0, limit: 10_000)
        guard let newest = drafts.max(by: { $0.updatedAt < $1.updatedAt }) else { return }
        guard try io.confirm("Resume your draft from \(Table.timestamp(newest.updatedAt)) UTC?") else { return }
        draftID = newest.id
        engine.replaceAnswers(newest.answers)
        for (field, entry) in engine.index.entries.enumerated() where newest.answers.values[entry.field.key] != nil {
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
