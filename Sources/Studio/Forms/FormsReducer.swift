import FormCore
import TUIKit

/// State changes of the Forms screen.
enum FormsReducer {
    static func reduce(_ action: FormsAction, _ state: inout AppState) -> [Effect] {
        let count = state.forms.visible.count
        switch action {
        case .up: state.forms.selected = max(0, state.forms.selected - 1)
        case .down: state.forms.selected = max(0, min(count - 1, state.forms.selected + 1))
        case .open:
            guard let form = state.forms.current else { return [] }
            return [.openDraft(formID: form.id)]
        case .new:
            state.overlay = .prompt(PromptState(title: "New form title", purpose: .newForm))
        case .duplicate:
            guard let form = state.forms.current else { return [] }
            state.overlay = .prompt(PromptState(title: "Title of the copy", text: form.title + " copy", purpose: .duplicateForm(formID: form.id)))
        case .rename:
            guard let form = state.forms.current else { return [] }
            state.overlay = .prompt(PromptState(title: "Rename form", text: form.title, purpose: .renameForm(formID: form.id)))
        case .delete:
            guard let form = state.forms.current else { return [] }
            let responses = form.responseCount == 0 ? "" : " and its \(form.responseCount) responses"
            state.overlay = .confirm(ConfirmState(title: "Delete form", message: "Delete \"\(form.title)\"\(responses)? This cannot be undone.",
                                                  buttons: ["Delete", "Cancel"], purpose: .deleteForm(formID: form.id)))
        case .importFile:
            state.overlay = .prompt(PromptState(title: "Import .form.json (path)", purpose: .importForm))
        case .filter:
            state.forms.filtering = true
        case .reload:
            return [.loadForms]
        case .fill:
            guard let form = state.forms.current else { return [] }
            return FillReducer.start(from: form, &state)
        case .report:
            return ReportsReducer.open(formID: state.forms.current?.id, &state)
        case .responses:
            return ResponsesReducer.show(formID: state.forms.current?.id, &state)
        }
        return []
    }

    /// Keys typed into the filter line; enter keeps the filter, esc clears it.
    static func filterKey(_ key: KeyEvent, _ state: inout AppState) {
        switch key.key {
        case .enter: state.forms.filtering = false
        case .escape:
            state.forms.filtering = false
            state.forms.filter = TextField()
        case .up, .down:
            state.forms.filtering = false
            _ = reduce(key.key == .up ? .up : .down, &state)
        default:
            state.forms.filter.handle(key)
            state.forms.selected = 0
        }
    }

    /// A new form's id from its title: lowercase letters, digits and `-`, unique among `taken`.
    static func slug(_ title: String, taken: Set<String>) -> String {
        var base = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                base.unicodeScalars.append(scalar)
            } else if !base.isEmpty, base.last != "-" {
                base.append("-")
            }
        }
        while base.hasSuffix("-") { base.removeLast() }
        if base.isEmpty { base = "form" }
        var candidate = base, n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// A new empty form: one page, no fields.
    static func newForm(title: String, taken: Set<String>) -> Form {
        let id = slug(title, taken: taken)
        return Form(id: id, title: title, pages: [Page(id: "p_main", title: title)])
    }
}
