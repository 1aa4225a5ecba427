import FormCore
import TUIKit

/// Editing the selected field's properties, and inline text edits in general.
enum PropertiesReducer {
    /// `enter` on a property: flip a toggle, pick a type, or start a text edit. From the tree,
    /// it moves the focus to the properties pane.
    static func edit(_ b: inout BuilderState, _ app: inout AppState) -> [Effect] {
        guard let field = b.selectedField else { return [] }
        if b.focus == .tree {
            b.focus = .properties
            return []
        }
        let kinds = PropertyText.kinds(for: field)
        guard kinds.indices.contains(b.propertyRow) else { return [] }
        let kind = kinds[b.propertyRow]
        switch kind {
        case .type:
            app.overlay = .picker(PickerState(title: "Change type", options: BuilderReducer.typeOptions(), purpose: .changeType,
                                              selectedValue: field.type.rawValue))
            return []
        case .required, .hiddenValue:
            var changed = field
            if kind == .required { changed.required.toggle() } else { changed.hiddenValuePolicy = field.hiddenValuePolicy == .clear ? .keep : .clear }
            guard let form = b.form.replacingField(field.id, with: changed) else { return [] }
            return BuilderReducer.commit(form, &b, app)
        default:
            let text = PropertyText.text(kind, of: field)
            b.editing = EditingState(target: .property(kind), field: TextField(text), error: nil, errorColumn: nil)
            return []
        }
    }

    /// A key while a text edit is open: enter applies, esc cancels, anything else edits.
    static func key(_ key: KeyEvent, _ app: inout AppState) -> [Effect] {
        guard var b = app.builder, var editing = b.editing else { return [] }
        defer { app.builder = b }
        switch key.key {
        case .escape:
            if case .answer(let id) = editing.target { PreviewReducer.restoreAnswer(id, &b) }
            b.editing = nil
            return []
        case .enter:
            return finish(editing, &b, &app)
        default:
            editing.field.handle(key)
            check(&editing, b)
            b.editing = editing
            if case .answer(let id) = editing.target, editing.error == nil { PreviewReducer.setAnswer(text: editing.field.text, for: id, &b) }
            return []
        }
    }

    /// Pasted text goes into the open edit.
    static func paste(_ text: String, _ app: inout AppState) {
        guard var b = app.builder, var editing = b.editing else { return }
        editing.field.insert(text.replacingOccurrences(of: "\n", with: " "))
        check(&editing, b)
        b.editing = editing
        if case .answer(let id) = editing.target, editing.error == nil { PreviewReducer.setAnswer(text: editing.field.text, for: id, &b) }
        app.builder = b
    }

    /// Live checks while typing: expressions parse, answers fit their field.
    static func check(_ editing: inout EditingState, _ b: BuilderState) {
        editing.error = nil
        editing.errorColumn = nil
        switch editing.target {
        case .property(let kind) where kind.isExpression && !editing.field.text.trimmingCharacters(in: .whitespaces).isEmpty:
            do { _ = try PropertyText.parse(editing.field.text) } catch let error as PropertyError {
                editing.error = error.message
                editing.errorColumn = error.column
            } catch {
                editing.error = "\(error)"
            }
        case .answer(let id):
            guard let field = b.form.field(id) else { return }
            do { _ = try AnswerCoding.value(fromText: editing.field.text, for: field) } catch { editing.error = "\(error)" }
        default: break
        }
    }

    static func finish(_ editing: EditingState, _ b: inout BuilderState, _ app: inout AppState) -> [Effect] {
        switch editing.target {
        case .answer:
            b.editing = nil
            return []
        case .property(let kind):
            guard let field = b.selectedField else {
                b.editing = nil
                return []
            }
            do {
                let changed = try PropertyText.apply(kind, text: editing.field.text, to: field)
                b.editing = nil
                guard changed != field, let form = b.form.replacingField(field.id, with: changed) else { return [] }
                try FieldTree.checkKeys(form)
                return BuilderReducer.commit(form, &b, app)
            } catch {
                b.editing = editing
                app.showToast("\(error)", kind: .error)
                return []
            }
        }
    }
}
