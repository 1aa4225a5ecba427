import FormCore
import TUIKit

/// What the Responses screen does with its effects' answers.
enum ResponsesEvents {
    static func reduce(_ event: ResponsesEvent, _ state: inout AppState) -> [Effect] {
        switch event {
        case .formLoaded(let form):
            guard form.id == state.responses.formID else { return [] }
            state.responses.form = form
            state.responses.notice = nil
            if state.responses.columns.isEmpty { state.responses.columns = ResponsesState.defaultColumns(form) }
            return ResponsesReducer.requery(&state)
        case .unavailable(let formID, let reason):
            guard formID == state.responses.formID else { return [] }
            state.responses.loading = false
            state.responses.notice = reason
        case .indexed(let index):
            guard index.query == state.responses.query else { return [] }
            state.responses.ids = index.ids
            state.responses.total = index.total
            state.responses.loading = false
            state.responses.requested = nil
            state.responses.selected = max(0, min(state.responses.selected, index.ids.count - 1))
            return ResponsesReducer.window(&state)
        case .rowsLoaded(let rows, let window):
            guard window == state.responses.requested else { return [] }
            state.responses.rows = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        case .opened(let detail):
            state.responses.detail = ResponseDetailState(detail: detail)
        case .saved(let id, let revision):
            guard let d = state.responses.detail, d.detail.id == id, let answers = d.pending else { return [] }
            var detail = d.detail
            detail.answers = answers
            detail.revision = revision
            state.responses.detail = ResponseDetailState(detail: detail)
            state.showToast("saved: revision \(revision)")
            return ResponsesReducer.requery(&state)
        case .deleted(let id):
            if state.responses.detail?.detail.id == id { state.responses.detail = nil }
            state.showToast("deleted response \(id)")
            return ResponsesReducer.requery(&state)
        case .previewed(let preview):
            state.responses.panel = .importPreview(preview, offset: 0)
        case .imported(let count):
            state.showToast("imported \(count) response\(count == 1 ? "" : "s")")
            return ResponsesReducer.requery(&state)
        case .exported(let count, let path):
            state.showToast("exported \(count) response\(count == 1 ? "" : "s") to \(path)")
        case .history(let id, let versions):
            guard state.responses.detail?.detail.id == id, state.responses.detail?.edits == nil else { return [] }
            state.responses.detail?.history = ResponseHistoryState(versions: versions)
        case .failed(let message):
            state.responses.loading = false
            state.responses.detail?.saving = false
            state.showToast(message, kind: .error)
        }
        return []
    }
}
