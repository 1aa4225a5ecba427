import FormCore
import TUIKit

/// One line of the live preview: a field as a respondent sees it.
struct PreviewLine {
    let field: Field
    let depth: Int
    let state: FieldState?
    /// Visible to the respondent (hidden lines appear only when "show hidden" is on).
    var visible: Bool { state?.visible ?? true }
}

/// The preview's lines, in form order, found by walking the form from the cursor
/// (`FormWalk`): only the lines on screen are looked at, so a 10,000-field form costs no more
/// per frame than a 10-field one.
enum PreviewLines {
    static func line(_ b: BuilderState, at location: FieldLocation) -> PreviewLine {
        let field = b.form.field(at: location)
        return PreviewLine(field: field, depth: location.path.count - 1,
                           state: b.engine?.state(of: field.id, instance: instance(of: field.id, b.engine)))
    }

    static func shown(_ b: BuilderState, _ location: FieldLocation) -> Bool { b.showHidden || line(b, at: location).visible }

    /// The next shown field after (`forward`) or before `from`.
    static func next(_ b: BuilderState, from: FieldLocation, forward: Bool) -> FieldLocation? {
        var cursor = forward ? FormWalk.next(after: from, in: b.form) : FormWalk.previous(before: from, in: b.form)
        while let location = cursor {
            if shown(b, location) { return location }
            cursor = forward ? FormWalk.next(after: location, in: b.form) : FormWalk.previous(before: location, in: b.form)
        }
        return nil
    }

    /// The first (`last` false) or last shown field of the form.
    static func end(_ b: BuilderState, last: Bool) -> FieldLocation? {
        let edge = last ? FormWalk.last(beforePage: b.form.pages.count, in: b.form) : FormWalk.first(fromPage: 0, in: b.form)
        guard let edge else { return nil }
        return shown(b, edge) ? edge : next(b, from: edge, forward: !last)
    }

    /// Up to `height` shown lines around the selection (half above it where possible), and
    /// the position of the selected line among them.
    static func window(_ b: BuilderState, height: Int) -> (lines: [PreviewLine], selected: Int?) {
        guard height > 0, let anchor = b.selection.flatMap(b.form.location(of:)) ?? FormWalk.first(fromPage: 0, in: b.form) else {
            return ([], nil)
        }
        var above: [FieldLocation] = [], below: [FieldLocation] = []
        if shown(b, anchor) { below.append(anchor) }
        var cursor = anchor
        while above.count < height / 2, let previous = next(b, from: cursor, forward: false) {
            above.append(previous)
            cursor = previous
        }
        cursor = anchor
        while above.count + below.count < height, let following = next(b, from: cursor, forward: true) {
            below.append(following)
            cursor = following
        }
        cursor = above.last ?? anchor
        while above.count + below.count < height, let previous = next(b, from: cursor, forward: false) {
            above.append(previous)
            cursor = previous
        }
        let locations = above.reversed() + below
        return (locations.map { line(b, at: $0) }, locations.firstIndex(of: anchor))
    }

    /// The first instance of a field inside repeat groups (`[]` outside them).
    static func instance(of id: FieldID, _ engine: RuleEngine?) -> [Int] {
        guard let engine, let index = engine.index.indexByID[id] else { return [] }
        let depth = engine.index.scopes[engine.index.entries[index].scope].repeatKeys.count
        return Array(repeating: 0, count: depth)
    }
}

/// Test answers in the preview and the explainer.
enum PreviewReducer {
    static func reduce(_ action: BuilderAction, _ b: inout BuilderState, _ app: inout AppState) -> [Effect] {
        switch action {
        case .toggleHidden:
            b.showHidden.toggle()
            app.showToast(b.showHidden ? "hidden fields shown dimmed" : "hidden fields left out")
        case .explain: explain(&b, &app)
        case .answerYes, .answerNo: answerBool(action == .answerYes, &b, &app)
        case .clearAnswer:
            guard let id = b.selection else { return [] }
            b.engine?.setAnswer(nil, for: id, instance: PreviewLines.instance(of: id, b.engine))
        default: answer(&b, &app)
        }
        return []
    }

    static func explain(_ b: inout BuilderState, _ app: inout AppState) {
        guard let id = b.selection else { return }
        guard let engine = b.engine else {
            app.showToast(b.engineError ?? "the rules are still being compiled", kind: .error)
            return
        }
        guard let explanation = Explainer.explain(id, instance: PreviewLines.instance(of: id, engine), in: engine) else {
            app.showToast("the preview has not caught up with this field yet")
            return
        }
        app.overlay = .explain(ExplainState(fieldID: id, lines: explanation.lines))
    }

    static func answerBool(_ yes: Bool, _ b: inout BuilderState, _ app: inout AppState) {
        guard let field = b.selectedField else { return }
        guard field.type.answerKind == .bool else {
            app.showToast("\(field.key) is not a yes/no field; press enter to answer it", kind: .error)
            return
        }
        b.engine?.setAnswer(.bool(yes), for: field.id, instance: PreviewLines.instance(of: field.id, b.engine))
    }

    /// `enter` on a field: toggle yes/no, pick a choice, or type the answer.
    static func answer(_ b: inout BuilderState, _ app: inout AppState) {
        guard let field = b.selectedField else { return }
        guard field.type.takesInput else {
            app.showToast("\(field.type.displayName.lowercased()) fields take no answer", kind: .error)
            return
        }
        let current = b.engine?.state(of: field.id, instance: PreviewLines.instance(of: field.id, b.engine))?.value ?? .empty
        if field.type.answerKind == .bool {
            let next: Value? = current == .bool(true) ? .bool(false) : (current == .bool(false) ? nil : .bool(true))
            b.engine?.setAnswer(next, for: field.id, instance: PreviewLines.instance(of: field.id, b.engine))
            return
        }
        if [.singleChoice, .dropdown].contains(field.type), let choices = field.choices?.staticChoices, !choices.isEmpty {
            let options = choices.map { PickerOption(value: $0.value, label: $0.label, badge: $0.value) }
            app.overlay = .picker(PickerState(title: field.label.isEmpty ? field.key : field.label, options: options,
                                              purpose: .answer(fieldID: field.id), selectedValue: current.asString))
            return
        }
        let text = current.isEmpty ? "" : AnswerCoding.text(for: current)
        b.editing = EditingState(target: .answer(field.id), field: TextField(text), error: nil, errorColumn: nil)
        b.editingOriginal = current
    }

    /// Sets an answer from typed text (already checked to fit).
    static func setAnswer(text: String, for id: FieldID, _ b: inout BuilderState) {
        guard let field = b.form.field(id), let value = try? AnswerCoding.value(fromText: text, for: field) else { return }
        b.engine?.setAnswer(value.isEmpty ? nil : value, for: id, instance: PreviewLines.instance(of: id, b.engine))
    }

    /// Puts back the answer a cancelled edit started from.
    static func restoreAnswer(_ id: FieldID, _ b: inout BuilderState) {
        let original = b.editingOriginal ?? .empty
        b.engine?.setAnswer(original.isEmpty ? nil : original, for: id, instance: PreviewLines.instance(of: id, b.engine))
    }

    /// A choice picked for a field's answer.
    static func pick(_ value: String, for id: FieldID, _ b: inout BuilderState) {
        b.engine?.setAnswer(.string(value), for: id, instance: PreviewLines.instance(of: id, b.engine))
    }
}
