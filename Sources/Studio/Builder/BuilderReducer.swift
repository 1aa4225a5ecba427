import FormCore
import TUIKit

/// State changes of the builder: navigation, tree edits, undo, saving.
enum BuilderReducer {
    static func reduce(_ action: BuilderAction, _ app: inout AppState) -> [Effect] {
        guard var b = app.builder else { return [] }
        let effects = reduceInPlace(action, &b, &app)
        BuilderLayout.scrollTree(&b, size: app.size)
        app.builder = b
        return effects
    }

    /// The same, on a builder state the caller already holds.
    static func reduceInPlace(_ action: BuilderAction, _ b: inout BuilderState, _ app: inout AppState) -> [Effect] {
        switch action {
        case .up, .down, .first, .last: navigate(action, &b)
        case .expand, .collapse, .toggleFold: fold(action, &b)
        case .nextPane: b.focus = BuilderPane(rawValue: (b.focus.rawValue + 1) % 3) ?? .tree
        case .previousPane: b.focus = BuilderPane(rawValue: (b.focus.rawValue + 2) % 3) ?? .tree
        case .moveDown, .moveUp, .indent, .outdent: return arrange(action, &b, &app)
        case .moveMode: b.moveMode = MoveModeState(original: b.form)
        case .dropMove:
            if let original = b.moveMode?.original, original != b.form { b.history.record(original, selection: b.selection) }
            b.moveMode = nil
        case .cancelMove:
            guard let original = b.moveMode?.original else { return [] }
            b.moveMode = nil
            if original != b.form { return commit(original, &b, app, record: false) }
        case .range: b.anchor = b.anchor == nil ? b.selection : nil
        case .addField:
            app.overlay = .picker(PickerState(title: "Add field", options: typeOptions(), purpose: .addField))
        case .changeType:
            app.overlay = .picker(PickerState(title: "Change type", options: typeOptions(), purpose: .changeType,
                                              selectedValue: b.selectedField?.type.rawValue))
        case .deleteField:
            let ids = b.selectedIDs
            let names = ids.compactMap { b.form.field($0)?.key }.joined(separator: ", ")
            app.overlay = .confirm(ConfirmState(title: "Delete", message: "Delete \(names) and everything inside? Rules that read them go too.",
                                                buttons: ["Delete", "Cancel"], purpose: .deleteFields(ids)))
        case .duplicateField:
            guard let id = b.selection else { return [] }
            do {
                let (form, copy) = try FieldTree.duplicate(id, in: b.form)
                let effects = commit(form, &b, app)
                b.selection = copy
                return effects
            } catch { app.showToast("\(error)", kind: .error) }
        case .editProperty: return PropertiesReducer.edit(&b, &app)
        case .undo, .redo: return undoRedo(action, &b, &app)
        case .save: return save(&b)
        case .publish:
            b.publishAfterSave = true
            return b.dirty ? save(&b) : [.publish(formID: b.formID)]
        case .openRules:
            app.rules = RuleEditorState(form: b.form, focusField: b.selection)
            app.screen = .rules
        case .explain, .toggleHidden, .answer, .answerYes, .answerNo, .clearAnswer:
            return PreviewReducer.reduce(action, &b, &app)
        }
        return []
    }

    static func typeOptions() -> [PickerOption] {
        FieldType.allCases.map { PickerOption(value: $0.rawValue, label: $0.displayName, badge: $0.rawValue) }
    }

    // MARK: - Navigation

    static func navigate(_ action: BuilderAction, _ b: inout BuilderState) {
        if b.focus == .properties {
            let count = b.selectedField.map { PropertyText.kinds(for: $0).count } ?? 0
            b.propertyRow = step(b.propertyRow, action, count: count)
            return
        }
        if b.focus == .preview {
            let current = b.selection.flatMap(b.form.location(of:))
            let target: FieldLocation?
            switch (action, current) {
            case (.up, let from?): target = PreviewLines.next(b, from: from, forward: false)
            case (.down, let from?): target = PreviewLines.next(b, from: from, forward: true)
            case (.last, _): target = PreviewLines.end(b, last: true)
            default: target = PreviewLines.end(b, last: false)
            }
            if let target {
                b.selection = b.form.field(at: target).id
                b.revealSelection()
            }
            return
        }
        guard !b.rows.isEmpty else { return }
        b.selection = b.rows[step(b.selectedRow ?? 0, action, count: b.rows.count)].id
        b.propertyRow = 0
    }

    static func step(_ index: Int, _ action: BuilderAction, count: Int) -> Int {
        guard count > 0 else { return 0 }
        switch action {
        case .up: return max(0, index - 1)
        case .down: return min(count - 1, index + 1)
        case .first: return 0
        default: return count - 1
        }
    }

    static func fold(_ action: BuilderAction, _ b: inout BuilderState) {
        guard let row = b.selectedRow else { return }
        let line = b.rows[row]
        switch (action, line.expanded) {
        case (.expand, false?), (.toggleFold, false?): b.collapsed.remove(line.id)
        case (.collapse, true?), (.toggleFold, true?): b.collapsed.insert(line.id)
        case (.collapse, _):
            if let location = b.form.location(of: line.id), let parent = location.parent { b.selection = b.form.field(at: parent).id }
            return
        default: return
        }
        b.rebuildLayout()
    }

    // MARK: - Edits

    static func arrange(_ action: BuilderAction, _ b: inout BuilderState, _ app: inout AppState) -> [Effect] {
        let ids = b.selectedIDs
        do {
            let form: Form
            if let fast = FastMoves.apply(action, ids: ids, in: b.form, collapsed: b.collapsed) {
                form = fast
            } else {
                switch action {
                case .moveDown: form = try FieldTree.moveDown(ids, in: b.form)
                case .moveUp: form = try FieldTree.moveUp(ids, in: b.form)
                case .indent: form = try FieldTree.indent(ids, in: b.form)
                default: form = try FieldTree.outdent(ids, in: b.form)
                }
            }
            return commit(form, &b, app, record: b.moveMode == nil, layoutOnly: true)
        } catch {
            app.showToast("\(error)", kind: .error)
            return []
        }
    }

    /// Makes `form` the builder's form: records undo, rebuilds rows, marks dirty and asks for
    /// the rules to be compiled and linted again.
    static func commit(_ form: Form, _ b: inout BuilderState, _ app: AppState, record: Bool = true, layoutOnly: Bool = false) -> [Effect] {
        if record { b.history.record(b.form, selection: b.selection) }
        b.form = form
        // A move changes where fields are, not which fields rules touch.
        if layoutOnly { b.rebuildLayout() } else { b.rebuildRows() }
        b.revealSelection()
        b.dirty = true
        b.autosavePaused = false
        b.editCount += 1
        b.lastEditTick = app.tick
        return recompile(&b)
    }

    /// Bumps the generation and asks for fresh compiled rules and lint findings.
    static func recompile(_ b: inout BuilderState) -> [Effect] {
        b.generation += 1
        return [.compileRules(b.form, answers: b.engine?.answers ?? Answers(), generation: b.generation),
                .lint(b.form, generation: b.generation)]
    }

    static func undoRedo(_ action: BuilderAction, _ b: inout BuilderState, _ app: inout AppState) -> [Effect] {
        let snapshot = action == .undo ? b.history.undo(current: b.form, selection: b.selection)
                                       : b.history.redo(current: b.form, selection: b.selection)
        guard let snapshot else { return [] }
        b.selection = snapshot.selection
        let effects = commit(snapshot.form, &b, app, record: false)
        app.showToast(action == .undo ? "undone" : "redone")
        return effects
    }

    static func save(_ b: inout BuilderState) -> [Effect] {
        guard b.savingEditCount == nil else { return [] }
        b.autosavePaused = false
        b.savingEditCount = b.editCount
        return [.saveDraft(b.form, expectedRevision: b.revision)]
    }

    /// Autosave: a little after the last edit, when nothing is being saved.
    static func tick(_ app: inout AppState) -> [Effect] {
        guard var b = app.builder, b.dirty, !b.autosavePaused, b.savingEditCount == nil, app.tick - b.lastEditTick >= 2 else { return [] }
        defer { app.builder = b }
        return save(&b)
    }

    /// Inserts a field of `type` below the selection and selects it.
    static func insert(_ type: FieldType, _ app: inout AppState) -> [Effect] {
        guard var b = app.builder else { return [] }
        defer { app.builder = b }
        var base = b.form
        if base.pages.isEmpty { base.pages = [Page(id: "p_main", title: base.title)] }
        let field = FieldFactory.make(type, in: base)
        guard let position = FieldFactory.position(below: b.selection, in: base) else { return [] }
        do {
            let form = try FieldTree.insert(field, at: position, in: base)
            b.selection = field.id
            b.anchor = nil
            return commit(form, &b, app)
        } catch {
            app.showToast("\(error)", kind: .error)
            return []
        }
    }

    /// Changes the selected field's type.
    static func retype(_ type: FieldType, _ app: inout AppState) -> [Effect] {
        guard var b = app.builder, var field = b.selectedField else { return [] }
        defer { app.builder = b }
        if !type.isContainer, !field.children.isEmpty {
            app.showToast("a group with fields inside can't become \(type.displayName.lowercased())", kind: .error)
            return []
        }
        field.type = type
        if type.usesChoices, field.choices == nil { field.choices = FieldFactory.make(type, in: b.form).choices }
        guard let form = b.form.replacingField(field.id, with: field) else { return [] }
        return commit(form, &b, app)
    }

    /// Deletes fields after the confirmation.
    static func delete(_ ids: [FieldID], _ app: inout AppState) -> [Effect] {
        guard var b = app.builder else { return [] }
        defer { app.builder = b }
        let next = b.selectedRow.flatMap { row in b.rows.indices.contains(row + 1) ? b.rows[row + 1].id : nil }
        let previous = b.selectedRow.flatMap { row in row > 0 ? b.rows[row - 1].id : nil }
        do {
            let form = try FieldTree.delete(ids, in: b.form)
            b.selection = [next, previous].compactMap { $0 }.first { form.location(of: $0) != nil || $0.hasPrefix(TreeLine.pagePrefix) }
            b.anchor = nil
            return commit(form, &b, app)
        } catch {
            app.showToast("\(error)", kind: .error)
            return []
        }
    }
}
