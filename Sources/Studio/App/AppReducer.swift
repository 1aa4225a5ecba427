import FormCore
import TUIKit

/// The one place state changes: an action in, the new state and effects out.
public enum AppReducer {
    /// Applies `action` to `state` and returns the effects to run.
    public static func reduce(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .key(let key): return handleKey(key, &state)
        case .paste(let text): return paste(text, &state)
        case .mouse(let event): return BuilderMouse.reduce(event, &state)
        case .resize(let size):
            state.size = size
            return []
        case .tick:
            state.tick += 1
            if let toast = state.toast, toast.expiresAt <= state.tick { state.toast = nil }
            return BuilderReducer.tick(&state) + ReportsReducer.tick(&state) + FillAutosave.tick(&state)
        case .command(let id): return run(command: id, &state)
        case .global(let action): return GlobalReducer.reduce(action, &state)
        case .forms(let action): return FormsReducer.reduce(action, &state)
        case .builder(let action): return BuilderReducer.reduce(action, &state)
        case .rules(let action): return RuleEditorReducer.reduce(action, &state)
        case .fill(let action): return FillReducer.reduce(action, &state)
        case .fillEvent(let event): return FillEvents.reduce(event, &state)
        case .reports(let action): return ReportsReducer.reduce(action, &state)
        case .reportsEvent(let event): return ReportsAnswers.reduce(event, &state)
        case .settings(let action): return SettingsReducer.reduce(action, &state)
        case .settingsEvent(let event): return SettingsReducer.answer(event, &state)
        case .responses(let action): return ResponsesReducer.reduce(action, &state)
        case .responsesEvent(let event): return ResponsesEvents.reduce(event, &state)
        case .jobs(let action): return JobsReducer.reduce(action, &state)
        case .jobsEvent(let event): return JobsReducer.event(event, &state)
        default: return EffectAnswers.reduce(action, &state)
        }
    }

    /// Overlays and text edits take keys first; otherwise the focused keymap decides. A
    /// disabled command still takes its key and says why.
    static func handleKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        if state.overlay != nil { return OverlayReducer.key(key, &state) }
        state.toast = nil
        if state.screen == .builder, state.builder?.editing != nil { return PropertiesReducer.key(key, &state) }
        if state.screen == .rules, state.rules?.raw != nil, state.rules?.focus == .editor { return RawMode.key(key, &state) }
        if state.screen == .reports, state.reports.pathsShown {
            state.reports.pathsShown = false
            return []
        }
        if state.screen == .forms, state.forms.filtering {
            FormsReducer.filterKey(key, &state)
            return []
        }
        if state.screen == .fill { return FillReducer.key(key, &state) }
        if state.screen == .responses, ResponsesPanels.takesKeys(state, key) { return ResponsesPanels.key(key, &state) }
        switch AppKeymap.current(state).resolve(key, in: state) {
        case .command(let id): return run(command: id, &state)
        case .disabled(_, let reason):
            state.showToast(reason, kind: .error)
            return []
        case .unbound: return []
        }
    }

    /// Runs a command by id, whichever screen it belongs to.
    public static func run(command id: String, _ state: inout AppState) -> [Effect] {
        if let action = GlobalAction(rawValue: id) { return GlobalReducer.reduce(action, &state) }
        if let tab = NavigationTab(rawValue: id) { return NavigationReducer.reduce(tab, &state) }
        if let action = FormsAction(rawValue: id) { return FormsReducer.reduce(action, &state) }
        if let action = BuilderAction(rawValue: id) { return BuilderReducer.reduce(action, &state) }
        if let action = RuleEditorAction(rawValue: id) { return RuleEditorReducer.reduce(action, &state) }
        if let action = FillAction(rawValue: id) { return FillReducer.reduce(action, &state) }
        if let action = ReportsAction(rawValue: id) { return ReportsReducer.reduce(action, &state) }
        if let action = SettingsAction(rawValue: id) { return SettingsReducer.reduce(action, &state) }
        if let action = ResponsesAction(rawValue: id) { return ResponsesReducer.reduce(action, &state) }
        if let action = JobsAction(rawValue: id) { return JobsReducer.reduce(action, &state) }
        return []
    }

    static func paste(_ text: String, _ state: inout AppState) -> [Effect] {
        switch state.overlay {
        case .prompt(var prompt)?:
            prompt.field.insert(text)
            state.overlay = .prompt(prompt)
        case .palette(var palette)?:
            palette.query.insert(text)
            state.overlay = .palette(palette)
        case .picker(var picker)?:
            picker.filter.insert(text)
            state.overlay = .picker(picker)
        default:
            if state.screen == .responses { ResponsesPanels.paste(text, &state) }
            if state.builder?.editing != nil { PropertiesReducer.paste(text, &state) }
            if var rules = state.rules, var raw = rules.raw {
                raw.field.insert(text)
                RawMode.check(&raw)
                rules.raw = raw
                state.rules = rules
            }
            if state.screen == .fill { state.fill?.editor?.insert(text) }
        }
        return []
    }
}

/// Commands every screen shares.
enum GlobalReducer {
    static func reduce(_ action: GlobalAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .help: state.overlay = .help(offset: 0)
        case .palette: state.overlay = .palette(CommandPaletteState())
        case .suspend: return [.suspend]
        case .escape:
            state.toast = nil
            if state.screen == .forms { state.forms.filter = TextField() }
            state.builder?.anchor = nil
            if state.rules?.focus == .editor { state.rules?.focus = .list }
        case .forceQuit:
            guard state.hasUnsavedChanges else { return [.quit] }
            state.overlay = .confirm(ConfirmState(title: "Quit", message: "The form has unsaved edits.",
                                                  buttons: ["Save and quit", "Quit without saving", "Cancel"], purpose: .quit))
        case .quit:
            switch state.screen {
            case .forms: return [.quit]
            case .reports, .settings: return NavigationReducer.reduce(.forms, &state)
            case .responses: return ResponsesReducer.quit(&state)
            case .rules:
                state.rules = nil
                state.screen = .builder
            case .jobs:
                // The detail pane closes first; the Jobs tab itself is top-level like Forms.
                guard state.jobs.detail == nil else { return JobsReducer.reduce(.close, &state) }
                return [.quit]
            case .builder:
                guard state.hasUnsavedChanges else { return leaveBuilder(&state) }
                state.overlay = .confirm(ConfirmState(title: "Leave the form", message: "Save your edits before leaving?",
                                                      buttons: ["Save", "Discard", "Cancel"], purpose: .leaveBuilder))
            case .fill: return FillReducer.reduce(.leave, &state)
            }
        }
        return []
    }

    static func leaveBuilder(_ state: inout AppState) -> [Effect] {
        state.generationFloor = max(state.generationFloor, state.builder?.generation ?? 0)
        state.builder = nil
        state.rules = nil
        state.screen = .forms
        return [.loadForms]
    }
}
