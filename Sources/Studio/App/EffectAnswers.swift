import FormCore
import TUIKit

/// What the app does with the answers effects send back.
enum EffectAnswers {
    static func reduce(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .formsLoaded(let forms):
            state.forms.forms = forms
            state.forms.loading = false
            state.forms.selected = max(0, min(state.forms.selected, state.forms.visible.count - 1))
        case .draftOpened(let snapshot):
            var builder = BuilderState(form: snapshot.form, revision: snapshot.revision)
            builder.generation = max(state.generationFloor, state.builder?.generation ?? 0)
            let effects = BuilderReducer.recompile(&builder)
            state.builder = builder
            state.rules = nil
            state.screen = .builder
            return effects
        case .formsChanged(let message):
            state.showToast(message)
            return [.loadForms]
        case .formCreated(let id, let message):
            state.showToast(message)
            return [.openDraft(formID: id)]
        case .draftSaved(let id, let revision):
            guard var b = state.builder, b.formID == id else { return [] }
            defer { state.builder = b }
            b.revision = revision
            if b.savingEditCount == b.editCount { b.dirty = false }
            b.savingEditCount = nil
            if b.publishAfterSave {
                b.publishAfterSave = false
                return [.publish(formID: id)]
            }
        case .saveFailed(let message):
            state.builder?.savingEditCount = nil
            state.builder?.publishAfterSave = false
            state.builder?.autosavePaused = true
            state.showToast("not saved: \(message)", kind: .error)
        case .published(_, let version):
            state.showToast("published version \(version)")
        case .rulesCompiled(let compiled, let generation):
            guard var b = state.builder, b.generation == generation else { return [] }
            defer { state.builder = b }
            b.engineError = compiled.error
            guard let engine = compiled.engine else { return [] }
            // Answers typed while the compile ran went into the old engine: carry them over.
            if let old = b.engine, old.answers != engine.answers { engine.replaceAnswers(old.answers) }
            b.engine = engine
        case .linted(let issues, let generation):
            guard state.builder?.generation == generation else { return [] }
            state.builder?.lint = issues
        case .failed(let message):
            state.showToast(message, kind: .error)
        default:
            break
        }
        return []
    }
}
