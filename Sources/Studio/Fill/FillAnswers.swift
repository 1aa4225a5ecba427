import FormCore
import TUIKit

/// Changing answers on the Fill screen: every committed answer goes into the engine (so the
/// rules re-run at once) and into the draft (one save effect per answer).
enum FillAnswers {
    /// Sets the focused item's answer (nil clears it), re-checks it and saves the draft.
    static func set(_ value: Value?, for item: FillItem, _ fill: inout FillState) -> [Effect] {
        guard let engine = fill.engine, let field = fill.field(item) else { return [] }
        engine.setAnswer(value.flatMap { $0.isEmpty ? nil : $0 }, for: field.id, instance: item.instance)
        recheck(item, &fill)
        return save(&fill)
    }

    /// Refreshes the message under `item` from the validator (only for that answer).
    static func recheck(_ item: FillItem, _ fill: inout FillState) {
        guard let engine = fill.engine else { return }
        let path = fill.answerPath(item)
        let problem = ResponseValidator.validate(engine).first { $0.path == path && $0.severity == .error }
        fill.messages[path] = problem?.message
        fill.problems.removeAll { $0.path == path && problem == nil }
    }

    /// The effect saving the answers into the draft; while the draft is being created, the
    /// save waits for its id so one fill never makes two drafts.
    static func save(_ fill: inout FillState) -> [Effect] {
        guard let session = fill.session, let engine = fill.engine else { return [] }
        if fill.draftID == nil {
            if fill.creatingDraft {
                fill.saveWhenCreated = true
                return []
            }
            fill.creatingDraft = true
        }
        fill.pendingSaves += 1
        return [.fill(.save(formID: fill.formID, version: session.version, draftID: fill.draftID, answers: engine.answers))]
    }

    /// Commits the text being typed; false (with the reason under the field) when it does not
    /// fit the field's type, so the cursor stays until it is fixed.
    static func commitEditor(_ fill: inout FillState, effects: inout [Effect]) -> Bool {
        guard let editor = fill.editor, let item = fill.focus, let field = fill.field(item) else { return true }
        let current = fill.value(item)
        let old = current.isEmpty ? "" : AnswerCoding.text(for: current)
        guard editor.text != old else { return true }
        do {
            let value = try AnswerCoding.value(fromText: editor.text, for: field)
            effects += set(value, for: item, &fill)
            return true
        } catch {
            fill.messages[fill.answerPath(item)] = (error as? AnswerError)?.message ?? "\(error)"
            return false
        }
    }

    /// Adds an entry to the repeat `item` belongs to (or is), when the maximum allows.
    static func addEntry(_ item: FillItem, _ fill: inout FillState, _ app: inout AppState) -> [Effect] {
        guard let engine = fill.engine, let (repeatIndex, parent) = repeatOf(item, engine) else {
            app.showToast("the cursor is not on a repeat group", kind: .error)
            return []
        }
        let field = engine.index.entries[repeatIndex].field
        let count = count(of: repeatIndex, parent: parent, engine)
        guard FillLayout.canAdd(field, count: count) else {
            app.showToast("\(label(field)) allows at most \(field.repeatSpec?.maxCount ?? count) entries", kind: .error)
            return []
        }
        engine.setInstanceCount(count + 1, ofRepeat: field.id, parent: parent)
        let entry = FillItem(field: repeatIndex, instance: parent + [count], kind: .entry, depth: 0)
        fill.focus = fill.focusable.first { $0.field == repeatIndex && $0.instance == entry.instance && $0.kind == .entry }
        FillNavigation.focusChanged(&fill, forward: true)
        return save(&fill)
    }

    /// Removes the repeat entry the cursor is in, when the minimum allows.
    static func removeEntry(_ item: FillItem, _ fill: inout FillState, _ app: inout AppState) -> [Effect] {
        guard let engine = fill.engine, let (repeatIndex, entryPath) = entryOf(item, engine) else {
            app.showToast("the cursor is not in a repeat entry", kind: .error)
            return []
        }
        let field = engine.index.entries[repeatIndex].field
        let parent = Array(entryPath.dropLast())
        let count = count(of: repeatIndex, parent: parent, engine)
        guard FillLayout.canRemove(field, count: count) else {
            app.showToast("\(label(field)) needs at least \(field.repeatSpec?.minCount ?? 0) entries", kind: .error)
            return []
        }
        var answers = engine.answers
        let keys = engine.index.scopes[engine.index.entries[repeatIndex].scope].repeatKeys
        answers.modifyInstance(keys: keys, path: parent) { $0.repeats[field.key]?.remove(at: entryPath.last!) }
        engine.replaceAnswers(answers)
        fill.editor = nil
        fill.messages = [:]
        fill.focus = fill.focusable.first { $0.field == repeatIndex && $0.kind == .addEntry && $0.instance == parent }
            ?? fill.focusable.last { $0.field == repeatIndex }
        FillNavigation.focusChanged(&fill, forward: true)
        app.showToast("removed entry \(entryPath.last! + 1) of \(label(field))")
        return save(&fill)
    }

    /// The repeat group an item adds to: the group itself (its add line or an entry), or the
    /// innermost repeat around a field; with the parent instance path.
    static func repeatOf(_ item: FillItem, _ engine: RuleEngine) -> (Int, [Int])? {
        if engine.index.entries[item.field].field.type == .repeatGroup {
            return (item.field, item.kind == .entry ? Array(item.instance.dropLast()) : item.instance)
        }
        return entryOf(item, engine).map { ($0.0, Array($0.1.dropLast())) }
    }

    /// The repeat entry an item sits in: the repeat field and the entry's path.
    static func entryOf(_ item: FillItem, _ engine: RuleEngine) -> (Int, [Int])? {
        if item.kind == .entry { return (item.field, item.instance) }
        guard let repeatIndex = engine.index.scopes[engine.index.entries[item.field].scope].repeatField else { return nil }
        let depth = engine.index.scopes[engine.index.entries[item.field].scope].repeatKeys.count
        return (repeatIndex, Array(item.instance.prefix(depth)))
    }

    static func count(of repeatIndex: Int, parent: [Int], _ engine: RuleEngine) -> Int {
        Int(engine.state(ofIndex: repeatIndex, instance: parent)?.value.asNumber ?? 0)
    }

    /// A field's label, or its key when it has none.
    static func label(_ field: Field) -> String { field.label.isEmpty ? field.key : field.label }
}
