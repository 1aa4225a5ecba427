import FormCore
import TUIKit

/// Commands of the Fill screen.
enum FillReducer {
    static func reduce(_ action: FillAction, _ state: inout AppState) -> [Effect] {
        guard var fill = state.fill else { return [] }
        // Once submitted, every command leaves: the response is never sent twice.
        if fill.submitted != nil || (fill.engine == nil && action == .leave) { return leave(&state) }
        guard fill.engine != nil else { return [] }
        var effects: [Effect] = []
        switch action {
        case .leave:
            guard FillAnswers.commitEditor(&fill, effects: &effects) else { break }
            state.fill = fill
            return effects + leave(&state)
        case .nextField, .previousField:
            guard FillAnswers.commitEditor(&fill, effects: &effects) else { break }
            FillNavigation.settle(&fill)
            if !FillNavigation.moveField(forward: action == .nextField, &fill), action == .nextField,
               FillNavigation.neighbour(forward: true, fill) != nil {
                state.showToast("end of the page: pgdn for the next one")
            }
        case .nextPage, .previousPage:
            guard FillAnswers.commitEditor(&fill, effects: &effects) else { break }
            if let page = FillNavigation.neighbour(forward: action == .nextPage, fill) {
                FillNavigation.show(page: page, forward: true, &fill)
            }
        case .submit:
            guard FillAnswers.commitEditor(&fill, effects: &effects) else { break }
            effects += submit(&fill, &state)
        case .addEntry, .removeEntry:
            guard let item = fill.focus else {
                state.showToast("the cursor is not on a repeat group", kind: .error)
                break
            }
            guard FillAnswers.commitEditor(&fill, effects: &effects) else { break }
            effects += action == .addEntry ? FillAnswers.addEntry(item, &fill, &state) : FillAnswers.removeEntry(item, &fill, &state)
        }
        FillNavigation.settle(&fill)
        state.fill = fill
        return effects
    }

    /// Keys on the Fill screen: the focused field first, then the screen's keys, then the
    /// keys every screen shares.
    static func key(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        guard var fill = state.fill else { return [] }
        if fill.submitted != nil { return leave(&state) }
        if let effects = FillInput.key(key, &fill, &state) {
            FillNavigation.settle(&fill)
            state.fill = fill
            return effects
        }
        switch FillKeymap.keymap.resolve(key, in: state) {
        case .command(let id): return AppReducer.run(command: id, &state)
        case .disabled(_, let reason):
            state.showToast(reason, kind: .error)
            return []
        case .unbound: break
        }
        switch AppKeymap.global.resolve(key, in: state) {
        case .command(let id): return AppReducer.run(command: id, &state)
        default: return []
        }
    }

    /// Checks every answer; on problems lists them and jumps to the first, else submits
    /// (after the draft exists, so the draft becomes the response).
    static func submit(_ fill: inout FillState, _ state: inout AppState) -> [Effect] {
        guard let engine = fill.engine, let session = fill.session else { return [] }
        let problems = ResponseValidator.validate(engine).filter { $0.severity == .error }
        guard problems.isEmpty else {
            show(problems, &fill, &state)
            return []
        }
        if fill.creatingDraft {
            fill.submitWhenCreated = true
            return []
        }
        return [.fill(.submit(formID: fill.formID, version: session.version, draftID: fill.draftID, answers: engine.answers))]
    }

    /// Lists problems under their fields and in the problems box, focusing the first.
    static func show(_ problems: [ResponseProblem], _ fill: inout FillState, _ state: inout AppState) {
        fill.problems = problems
        fill.messages = Dictionary(problems.map { ($0.path, $0.message) }, uniquingKeysWith: { first, _ in first })
        if let first = problems.first { FillNavigation.jump(to: first, &fill) }
        state.showToast("not submitted: \(problems.count) problem\(problems.count == 1 ? "" : "s")", kind: .error)
    }

    /// Back to Forms, or out of the studio when `formwork fill` started it.
    static func leave(_ state: inout AppState) -> [Effect] {
        let quit = state.fill?.quitWhenDone ?? false
        let kept = state.fill?.draftID != nil
        state.fill = nil
        if quit { return [.quit] }
        state.screen = .forms
        if kept { state.showToast("your answers are kept in a draft") }
        return [.loadForms]
    }

    /// Opens the Fill screen on the Forms screen's highlighted form.
    static func start(from listing: FormListing, _ state: inout AppState) -> [Effect] {
        guard listing.latestVersion > 0 else {
            state.showToast("\"\(listing.title)\" has never been published: publish it (ctrl+s in the builder) first", kind: .error)
            return []
        }
        return FillEvents.reduce(.start(formID: listing.id, quitWhenDone: false), &state)
    }

    /// The answer to a Fill dialog.
    static func decide(_ purpose: FillConfirm, button: Int, _ state: inout AppState) -> [Effect] {
        switch purpose {
        case .resume:
            guard var fill = state.fill, let draft = fill.session?.draft else { return [] }
            // Either way the fill keeps the draft's id: resuming continues it, and starting
            // over overwrites it with the first new answer, so a form never collects a stale
            // second draft (until then the old answers stay resumable).
            fill.draftID = draft.id
            if button == 0 {
                fill.engine?.replaceAnswers(draft.answers)
                state.showToast("resumed the draft")
            }
            FillNavigation.show(page: fill.path.first ?? 0, forward: true, &fill)
            state.fill = fill
            return []
        case .submitted:
            return leave(&state)
        }
    }
}
