import FormCore
import TUIKit

/// The read view of one response and the edit of its answers.
enum ResponsesDetailReducer {
    static func reduce(_ action: ResponsesAction, _ state: inout AppState) -> [Effect] {
        guard var d = state.responses.detail else { return [] }
        let page = max(1, state.size.height - 6)
        if var history = d.history {
            history.reduce(action, page: page, fields: d.detail.form.pages.flatMap(\.fields))
            d.history = history
            state.responses.detail = d
            return []
        }
        switch action {
        case .history: return [.responses(.history(d.detail.id))]
        case .up: d.offset -= 1
        case .down: d.offset += 1
        case .pageUp: d.offset -= page
        case .pageDown: d.offset += page
        case .first: d.offset = 0
        case .last: d.offset = d.lines.count
        case .edit:
            d.edits = ResponseDetailState.edits(d.detail)
            d.focus = 0
            d.problems = []
        case .save:
            state.responses.detail = d
            return save(&state)
        case .delete:
            state.responses.panel = .confirmDelete(id: d.detail.id, selected: 1)
        default: return []
        }
        d.offset = max(0, min(d.offset, d.lines.count - page))
        state.responses.detail = d
        return []
    }

    /// Keys while editing: tab/arrows move between answers, `ctrl+s` saves, `esc` drops the edit.
    static func editKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        guard var d = state.responses.detail, var edits = d.edits else { return [] }
        switch (key.key, key.modifiers) {
        case (.escape, _):
            d.edits = nil
            d.problems = []
        case (.char("s"), .ctrl):
            return save(&state)
        case (.tab, _), (.down, _), (.enter, _): d.focus = min(edits.count - 1, d.focus + 1)
        case (.backtab, _), (.up, _): d.focus = max(0, d.focus - 1)
        default:
            guard edits.indices.contains(d.focus) else { return [] }
            edits[d.focus].text.handle(key)
            edits[d.focus].error = parseError(edits[d.focus])
            d.edits = edits
        }
        state.responses.detail = d
        return []
    }

    /// Why an answer's text does not fit its field, if it does not.
    static func parseError(_ edit: AnswerEdit) -> String? {
        do {
            _ = try AnswerCoding.value(fromText: edit.text.text, for: edit.field)
            return nil
        } catch let error as AnswerError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// Checks every answer (its type, then the form's validation for the version the
    /// response was filled in) and saves when nothing is wrong.
    static func save(_ state: inout AppState) -> [Effect] {
        guard var d = state.responses.detail, let edits = d.edits, !d.saving else { return [] }
        defer { state.responses.detail = d }
        var answers = d.detail.answers
        var problems: [String] = []
        for edit in edits {
            do {
                let value = try AnswerCoding.value(fromText: edit.text.text, for: edit.field)
                answers.modifyInstance(keys: edit.keys, path: edit.path) { scope in
                    if value.isEmpty { scope.values.removeValue(forKey: edit.field.key) } else { scope[edit.field.key] = value }
                }
            } catch {
                problems.append("\(edit.name): \(parseError(edit) ?? "\(error)")")
            }
        }
        if problems.isEmpty {
            do {
                let engine = try RuleEngine(form: d.detail.form, answers: answers)
                problems = ResponseValidator.validate(engine).filter { $0.severity == .error }.map { "\($0.path): \($0.message)" }
            } catch {
                problems = ["the form's rules cannot be checked: \(error)"]
            }
        }
        d.problems = problems
        guard problems.isEmpty else {
            state.showToast("not saved: \(problems.count) problem\(problems.count == 1 ? "" : "s")", kind: .error)
            return []
        }
        d.saving = true
        d.pending = answers
        return [.responses(.save(d.detail.id, answers: answers, expectedRevision: d.detail.revision))]
    }
}
