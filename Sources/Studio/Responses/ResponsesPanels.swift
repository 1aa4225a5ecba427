import FormCore
import Foundation
import TUIKit

/// Keys and commands while the filter line, a panel or an edit has the keys.
enum ResponsesPanels {
    /// Whether the screen takes typed keys itself (text entry, panels, esc in the read view).
    static func takesKeys(_ state: AppState, _ key: KeyEvent) -> Bool {
        let r = state.responses
        if r.filtering || r.panel != nil || r.detail?.edits != nil { return true }
        return key.key == .escape && (r.detail != nil || !r.appliedFilter.isEmpty)
    }

    /// A key while `takesKeys`.
    static func key(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        if state.responses.detail?.edits != nil, state.responses.panel == nil { return ResponsesDetailReducer.editKey(key, &state) }
        if state.responses.filtering { return filterKey(key, &state) }
        guard let panel = state.responses.panel else {
            // esc outside any panel: close the read view, else drop the filter.
            if var history = state.responses.detail?.history {
                state.responses.detail?.history = history.back() ? history : nil
                return []
            }
            if state.responses.detail != nil {
                state.responses.detail = nil
                return []
            }
            state.responses.appliedFilter = ""
            state.responses.filter = TextField()
            return ResponsesReducer.requery(&state)
        }
        if key.key == .escape {
            state.responses.panel = nil
            return []
        }
        if key.key == .enter { return reduce(.confirm, &state) }
        switch panel {
        case .formPicker(let selected):
            state.responses.panel = .formPicker(selected: moved(selected, key, count: state.forms.forms.count))
        case .columns(let selected):
            if key == .char(" ") { return reduce(.toggle, &state) }
            state.responses.panel = .columns(selected: moved(selected, key, count: state.responses.allColumns.count))
        case .importPath(var field):
            field.handle(key)
            state.responses.panel = .importPath(field)
        case .importPreview(let preview, let offset):
            if key == .char("y") { return reduce(.confirm, &state) }
            state.responses.panel = .importPreview(preview, offset: moved(offset, key, count: preview.problems.count))
        case .exportPath(let format, var field):
            if key.key == .tab { return reduce(.toggle, &state) }
            field.handle(key)
            state.responses.panel = .exportPath(format: format, field: field)
        case .confirmDelete(let id, let selected):
            switch key.key {
            case .left, .right, .tab: state.responses.panel = .confirmDelete(id: id, selected: 1 - selected)
            case .char("y"): return deleteNow(id, &state)
            case .char("n"): state.responses.panel = nil
            default: break
            }
        }
        return []
    }

    static func moved(_ index: Int, _ key: KeyEvent, count: Int) -> Int {
        switch key.key {
        case .up, .char("k"): return max(0, index - 1)
        case .down, .char("j"): return max(0, min(count - 1, index + 1))
        default: return index
        }
    }

    /// The filter line: every key re-parses, so a syntax error shows with its column at once.
    static func filterKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch key.key {
        case .enter: return reduce(.confirm, &state)
        case .escape:
            state.responses.filtering = false
            state.responses.filter = TextField(state.responses.appliedFilter)
            state.responses.filterError = nil
        default:
            state.responses.filter.handle(key)
            do {
                _ = try ResponseMatching.parse(state.responses.filter.text)
                state.responses.filterError = nil
            } catch {
                state.responses.filterError = error as? ExpressionError
            }
        }
        return []
    }

    /// `confirm` and `toggle` for the filter line and each panel.
    static func reduce(_ action: ResponsesAction, _ state: inout AppState) -> [Effect] {
        var r = state.responses
        if r.filtering {
            guard action == .confirm else { return [] }
            if let error = r.filterError {
                state.showToast("the filter has an error at column \(error.column): \(error.message)", kind: .error)
                return []
            }
            r.filtering = false
            r.appliedFilter = r.filter.text.trimmingCharacters(in: .whitespaces)
            r.selected = 0
            r.top = 0
            state.responses = r
            return ResponsesReducer.requery(&state)
        }
        guard let panel = r.panel, action == .confirm || action == .toggle else { return [] }
        switch (panel, action) {
        case (.formPicker(let selected), .confirm):
            r.panel = nil
            state.responses = r
            guard state.forms.forms.indices.contains(selected) else { return [] }
            return ResponsesReducer.show(formID: state.forms.forms[selected].id, &state)
        case (.columns(let selected), .toggle):
            let all = r.allColumns
            guard all.indices.contains(selected) else { return [] }
            let column = all[selected]
            if let index = r.columns.firstIndex(of: column) {
                if r.columns.count > 1 { r.columns.remove(at: index) }
            } else {
                r.columns = all.filter { r.columns.contains($0) || $0 == column }
            }
            r.focusedColumn = min(r.focusedColumn, r.columns.count - 1)
        case (.columns, .confirm): r.panel = nil
        case (.importPath(let field), .confirm):
            let path = field.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty, let formID = r.formID else { return [] }
            r.panel = nil
            state.responses = r
            return [.responses(.previewImport(path: expandTilde(path), formID: formID))]
        case (.importPreview(let preview, _), .confirm):
            r.panel = nil
            state.responses = r
            guard let formID = r.formID else { return [] }
            return [.responses(.importFile(path: preview.path, formID: formID))]
        case (.exportPath(let format, var field), .toggle):
            let next: ResponseFileFormat = format == .csv ? .jsonl : .csv
            let text = field.text
            if text.hasSuffix("." + format.rawValue) { field.setText(String(text.dropLast(format.rawValue.count)) + next.rawValue) }
            r.panel = .exportPath(format: next, field: field)
        case (.exportPath(let format, let field), .confirm):
            let path = field.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty, let formID = r.formID else { return [] }
            r.panel = nil
            state.responses = r
            return [.responses(.export(formID: formID, format: format, path: expandTilde(path)))]
        case (.confirmDelete(let id, let selected), .confirm):
            state.responses = r
            guard selected == 0 else {
                state.responses.panel = nil
                return []
            }
            return deleteNow(id, &state)
        default: return []
        }
        state.responses = r
        return []
    }

    static func deleteNow(_ id: Int64, _ state: inout AppState) -> [Effect] {
        state.responses.panel = nil
        return [.responses(.delete(id))]
    }

    /// Pasted text goes where typing would: the filter, a path prompt, or the focused answer.
    static func paste(_ text: String, _ state: inout AppState) {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        switch state.responses.panel {
        case .importPath(var field)?:
            field.insert(line)
            state.responses.panel = .importPath(field)
        case .exportPath(let format, var field)?:
            field.insert(line)
            state.responses.panel = .exportPath(format: format, field: field)
        case nil where state.responses.filtering:
            for character in line { _ = filterKey(KeyEvent(.char(character)), &state) }
        case nil:
            guard var d = state.responses.detail, var edits = d.edits, edits.indices.contains(d.focus) else { return }
            edits[d.focus].text.insert(line)
            edits[d.focus].error = ResponsesDetailReducer.parseError(edits[d.focus])
            d.edits = edits
            state.responses.detail = d
        default: break
        }
    }

    /// `~/x` → the home folder's `x`, as a shell would.
    static func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + String(path.dropFirst(1))
    }
}
