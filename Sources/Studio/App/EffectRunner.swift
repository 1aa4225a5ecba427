import FormCore

/// Performs effects against the services and answers with actions. It blocks while it works,
/// so hosts call it off the key loop (the live studio on a background queue; tests inline).
public struct EffectRunner: Sendable {
    /// The services effects call.
    public let services: StudioServices
    /// The workspace's forms.
    public var repository: FormRepository { services.forms }

    /// A runner over `services`.
    public init(services: StudioServices) {
        self.services = services
    }

    /// A runner with only the forms service (the builder's effects need no other).
    public init(repository: FormRepository) {
        self.init(services: StudioServices(forms: repository))
    }

    /// Whether the effect talks to the store (and so must keep its order with other store
    /// effects) rather than only computing.
    public static func touchesStore(_ effect: Effect) -> Bool {
        switch effect {
        case .compileRules, .lint, .quit, .suspend: return false
        default: return true
        }
    }

    /// Performs `effect`; `.quit` and `.suspend` belong to the host and answer nothing.
    public func perform(_ effect: Effect) -> [AppAction] {
        do {
            return try attempt(effect)
        } catch {
            if case .saveDraft = effect { return [.saveFailed("\(error)")] }
            return [.failed("\(error)")]
        }
    }

    private func attempt(_ effect: Effect) throws -> [AppAction] {
        switch effect {
        case .loadForms: return [.formsLoaded(try repository.list())]
        case .openDraft(let id): return [.draftOpened(try repository.loadDraft(id))]
        case .createForm(let form):
            _ = try repository.saveDraft(form, expectedRevision: 0)
            return [.formCreated(formID: form.id, message: "created \"\(form.title)\"")]
        case .duplicateForm(let id, let newID, let title):
            try repository.duplicate(id, as: newID, title: title)
            return [.formsChanged(message: "copied to \"\(title)\"")]
        case .renameForm(let id, let title):
            try repository.rename(id, title: title)
            return [.formsChanged(message: "renamed to \"\(title)\"")]
        case .deleteForm(let id):
            try repository.delete(id)
            return [.formsChanged(message: "deleted \(id)")]
        case .importForm(let path):
            let id = try repository.importFile(path: path)
            return [.formsChanged(message: "imported \(id)")]
        case .saveDraft(let form, let revision):
            let saved = try repository.saveDraft(form, expectedRevision: revision)
            return [.draftSaved(formID: form.id, revision: saved)]
        case .publish(let id):
            return [.published(formID: id, version: try repository.publish(id))]
        case .compileRules(let form, let answers, let generation):
            return [.rulesCompiled(CompiledRules(form: form, answers: answers), generation: generation)]
        case .lint(let form, let generation):
            return [.linted(Linter.lint(form), generation: generation)]
        case .quit, .suspend:
            return []
        case .fill(let effect): return perform(fill: effect)
        case .reports(let effect): return try perform(effect)
        case .settings(let effect): return try perform(effect)
        case .responses(let effect):
            return perform(responses: effect)
        case .jobs(let effect):
            return performJobs(effect)
        }
    }
}
