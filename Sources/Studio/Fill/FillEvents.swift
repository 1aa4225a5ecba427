import Foundation
import FormCore
import TUIKit

/// What the Fill screen does with the answers of its effects.
enum FillEvents {
    static func reduce(_ event: FillEvent, _ state: inout AppState) -> [Effect] {
        switch event {
        case .start(let formID, let quitWhenDone):
            state.fill = FillState(formID: formID, quitWhenDone: quitWhenDone)
            state.screen = .fill
            return [.fill(.open(formID: formID))]
        case .opened(let session): opened(session, &state)
        case .openFailed(let message):
            let quit = state.fill?.quitWhenDone ?? false
            state.fill = nil
            if quit { return [.quit] }
            state.screen = .forms
            state.showToast(message, kind: .error)
        case .draftSaved(let id): return saved(id, &state)
        case .saveFailed(let message):
            state.fill?.pendingSaves = 0
            state.fill?.creatingDraft = false
            state.showToast("not saved: \(message)", kind: .error)
        case .submitted(let id):
            state.fill?.submitted = id
            state.fill?.draftID = nil
            state.fill?.problems = []
            let title = state.fill?.form?.title ?? "the form"
            var confirm = ConfirmState(title: "Submitted", message: "Thank you: your response to \"\(title)\" is stored as response \(id).",
                                       buttons: [state.fill?.quitWhenDone == true ? "Quit" : "Back to forms"], purpose: .fill(.submitted))
            confirm.selected = 0
            state.overlay = .confirm(confirm)
        case .rejected(let problems):
            guard var fill = state.fill else { return [] }
            FillReducer.show(problems, &fill, &state)
            state.fill = fill
        }
        return []
    }

    /// The form arrived: start on its first page, or ask about the draft first.
    static func opened(_ session: FillSession, _ state: inout AppState) {
        guard var fill = state.fill, fill.formID == session.form.id else { return }
        fill.session = session
        do {
            fill.engine = try RuleEngine(form: session.form, now: session.now, timeZone: session.timeZone)
        } catch {
            state.fill = nil
            state.screen = .forms
            state.showToast("the form's rules cannot be evaluated: \(error)", kind: .error)
            return
        }
        FillNavigation.show(page: fill.path.first ?? 0, forward: true, &fill)
        state.fill = fill
        guard let draft = session.draft else { return }
        var confirm = ConfirmState(title: "Draft found", message: "Resume your draft from \(stamp(draft.updatedAt))?",
                                   buttons: ["Resume", "Start over"], purpose: .fill(.resume))
        confirm.selected = 0
        state.overlay = .confirm(confirm)
    }

    /// A save landed: remember the new draft's id and send what waited for it.
    static func saved(_ id: Int64, _ state: inout AppState) -> [Effect] {
        guard var fill = state.fill else { return [] }
        defer { state.fill = fill }
        fill.pendingSaves = max(0, fill.pendingSaves - 1)
        fill.draftID = id
        fill.creatingDraft = false
        var effects: [Effect] = []
        if fill.saveWhenCreated {
            fill.saveWhenCreated = false
            effects += FillAnswers.save(&fill)
        }
        if fill.submitWhenCreated {
            fill.submitWhenCreated = false
            effects += FillReducer.submit(&fill, &state)
        }
        return effects
    }

    /// `2026-11-27 03:04 UTC`: the same in every time zone, so screens and tests agree.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }
}
