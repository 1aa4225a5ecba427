import FormCore
import Foundation
import TUIKit

/// Keys while an overlay is open. `esc` closes every overlay.
enum OverlayReducer {
    static func key(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        guard let overlay = state.overlay else { return [] }
        if key.key == .escape {
            state.overlay = nil
            return []
        }
        switch overlay {
        case .help(let offset): scroll(key, offset: offset, &state) { .help(offset: $0) }
        case .explain(var explain):
            if key.key == .enter || key == .char("w") || key == .char("q") {
                state.overlay = nil
            } else {
                scroll(key, offset: explain.offset, &state) { offset in
                    explain.offset = min(offset, max(0, explain.lines.count - 1))
                    return .explain(explain)
                }
            }
        case .palette(let palette): return paletteKey(key, palette, &state)
        case .picker(let picker): return PickerReducer.key(key, picker, &state)
        case .prompt(let prompt): return promptKey(key, prompt, &state)
        case .confirm(let confirm): return ConfirmReducer.key(key, confirm, &state)
        }
        return []
    }

    static func scroll(_ key: KeyEvent, offset: Int, _ state: inout AppState, _ make: (Int) -> Overlay) {
        switch key.key {
        case .up, .char("k"): state.overlay = make(max(0, offset - 1))
        case .down, .char("j"): state.overlay = make(offset + 1)
        case .pageDown: state.overlay = make(offset + 10)
        case .pageUp: state.overlay = make(max(0, offset - 10))
        case .char("?"), .char("q"): state.overlay = nil
        default: break
        }
    }

    static func paletteKey(_ key: KeyEvent, _ palette: CommandPaletteState, _ state: inout AppState) -> [Effect] {
        var palette = palette
        let hints = AppKeymap.current(state).hints(in: state)
        let view = CommandPalette(hints: hints, state: palette)
        switch (key.key, key.modifiers) {
        case (.up, _), (.char("p"), .ctrl), (.char("k"), .ctrl): palette.moveSelection(by: -1, count: view.results.count)
        case (.down, _), (.char("n"), .ctrl), (.char("j"), .ctrl): palette.moveSelection(by: 1, count: view.results.count)
        case (.enter, _):
            state.overlay = nil
            guard let hint = view.selectedHint else { return [] }
            if let reason = hint.disabledReason {
                state.showToast(reason, kind: .error)
                return []
            }
            return AppReducer.run(command: hint.id, &state)
        default:
            palette.query.handle(key)
            palette.selected = 0
        }
        state.overlay = .palette(palette)
        return []
    }

    static func promptKey(_ key: KeyEvent, _ prompt: PromptState, _ state: inout AppState) -> [Effect] {
        var prompt = prompt
        guard key.key == .enter else {
            prompt.field.handle(key)
            state.overlay = .prompt(prompt)
            return []
        }
        state.overlay = nil
        let text = prompt.field.text.trimmingCharacters(in: .whitespaces)
        let taken = Set(state.forms.forms.map(\.id))
        switch prompt.purpose {
        case .newForm:
            guard !text.isEmpty else { return [] }
            return [.createForm(FormsReducer.newForm(title: text, taken: taken))]
        case .renameForm(let id):
            guard !text.isEmpty else { return [] }
            return [.renameForm(formID: id, title: text)]
        case .duplicateForm(let id):
            guard !text.isEmpty else { return [] }
            return [.duplicateForm(formID: id, newID: FormsReducer.slug(text, taken: taken), title: text)]
        case .importForm:
            guard !text.isEmpty else { return [] }
            return [.importForm(path: (text as NSString).expandingTildeInPath)]
        case .ruleValue(let line):
            return RulePicking.apply(.ruleValue(line: line), value: prompt.field.text, &state)
        case .reportSchedule(let schedule, let isNew):
            return ReportsAnswers.cronTyped(text, schedule: schedule, isNew: isNew)
        case .setting(let key):
            return [.settings(.set(key: key, value: prompt.secret ? prompt.field.text : text))]
        }
    }
}

/// Keys in a picker: arrows move, typing filters, enter chooses.
enum PickerReducer {
    static func key(_ key: KeyEvent, _ picker: PickerState, _ state: inout AppState) -> [Effect] {
        var picker = picker
        let count = picker.filtered.count
        switch (key.key, key.modifiers) {
        case (.up, _), (.char("p"), .ctrl), (.char("k"), .ctrl): picker.selected = max(0, picker.selected - 1)
        case (.down, _), (.char("n"), .ctrl), (.char("j"), .ctrl): picker.selected = max(0, min(count - 1, picker.selected + 1))
        case (.enter, _):
            guard let option = picker.current else { return [] }
            if picker.purpose == .ruleTarget {
                let effects = RulePicking.apply(.ruleTarget, value: option.value, &state)
                if let rule = state.builder?.form.rules[safe: state.rules?.selectedRule ?? -1] { picker.checked = Set(rule.targetFieldIds) }
                state.overlay = .picker(picker)
                return effects
            }
            state.overlay = nil
            return choose(option.value, picker.purpose, &state)
        default:
            picker.filter.handle(key)
            picker.selected = 0
        }
        state.overlay = .picker(picker)
        return []
    }

    static func choose(_ value: String, _ purpose: PickerPurpose, _ state: inout AppState) -> [Effect] {
        switch purpose {
        case .addField:
            guard let type = FieldType(rawValue: value) else { return [] }
            return BuilderReducer.insert(type, &state)
        case .changeType:
            guard let type = FieldType(rawValue: value) else { return [] }
            return BuilderReducer.retype(type, &state)
        case .answer(let id):
            guard var b = state.builder else { return [] }
            PreviewReducer.pick(value, for: id, &b)
            state.builder = b
            return []
        case .reportForm, .reportTemplate:
            ReportsAnswers.pick(purpose, value: value, &state)
            return []
        default:
            return RulePicking.apply(purpose, value: value, &state)
        }
    }
}

/// Keys in a confirmation: arrows pick a button, enter decides.
enum ConfirmReducer {
    static func key(_ key: KeyEvent, _ confirm: ConfirmState, _ state: inout AppState) -> [Effect] {
        var confirm = confirm
        switch key.key {
        case .left, .backtab: confirm.selected = max(0, confirm.selected - 1)
        case .right, .tab: confirm.selected = min(confirm.buttons.count - 1, confirm.selected + 1)
        case .enter:
            state.overlay = nil
            return decide(confirm.purpose, button: confirm.selected, &state)
        default: break
        }
        state.overlay = .confirm(confirm)
        return []
    }

    static func decide(_ purpose: ConfirmPurpose, button: Int, _ state: inout AppState) -> [Effect] {
        switch (purpose, button) {
        case (.deleteForm(let id), 0): return [.deleteForm(formID: id)]
        case (.deleteFields(let ids), 0): return BuilderReducer.delete(ids, &state)
        case (.leaveBuilder, 0):
            let save = state.builder.map { [Effect.saveDraft($0.form, expectedRevision: $0.revision)] } ?? []
            return save + GlobalReducer.leaveBuilder(&state)
        case (.leaveBuilder, 1): return GlobalReducer.leaveBuilder(&state)
        case (.quit, 0):
            let save = state.builder.map { [Effect.saveDraft($0.form, expectedRevision: $0.revision)] } ?? []
            return save + [.quit]
        case (.quit, 1): return [.quit]
        case (.fill(let purpose), _): return FillReducer.decide(purpose, button: button, &state)
        case (.deleteSchedule(let name), 0): return [.reports(.deleteSchedule(name: name))]
        case (.jobs(let purpose), 0): return JobsReducer.confirmed(purpose, &state)
        default: return []
        }
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
