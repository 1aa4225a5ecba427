import FormCore
import TUIKit

/// State changes of the Responses screen's commands.
enum ResponsesReducer {
    /// Shows the Responses screen for `formID` (the form shown last when nil), loading the
    /// form's columns when it changed, else refreshing the table.
    static func show(formID: String?, _ state: inout AppState) -> [Effect] {
        state.screen = .responses
        let id = formID ?? state.responses.formID
        guard let id else {
            state.responses.notice = "No form selected: press f to choose one."
            return []
        }
        if id != state.responses.formID || state.responses.form == nil {
            var fresh = ResponsesState()
            fresh.formID = id
            fresh.loading = true
            state.responses = fresh
            return [.responses(.loadForm(formID: id))]
        }
        return requery(&state)
    }

    /// Runs the current query again (rows are dropped: they may have changed).
    static func requery(_ state: inout AppState) -> [Effect] {
        guard let query = state.responses.query, state.responses.form != nil else { return [] }
        state.responses.loading = true
        state.responses.rows = [:]
        state.responses.requested = nil
        return [.responses(.query(query))]
    }

    static func reduce(_ action: ResponsesAction, _ state: inout AppState) -> [Effect] {
        if state.responses.panel != nil || state.responses.filtering { return ResponsesPanels.reduce(action, &state) }
        if state.responses.detail != nil { return ResponsesDetailReducer.reduce(action, &state) }
        var r = state.responses
        switch action {
        case .up: r.selected -= 1
        case .down: r.selected += 1
        case .pageUp: r.selected -= pageSize(state)
        case .pageDown: r.selected += pageSize(state)
        case .first: r.selected = 0
        case .last: r.selected = r.ids.count - 1
        case .left: r.focusedColumn = max(0, r.focusedColumn - 1)
        case .right: r.focusedColumn = min(max(0, r.columns.count - 1), r.focusedColumn + 1)
        case .sort:
            guard r.columns.indices.contains(r.focusedColumn) else { return [] }
            let key = r.columns[r.focusedColumn].sortKey
            r.sort = r.sort.key == key ? ResponseSort(key, descending: !r.sort.descending) : ResponseSort(key)
            r.selected = 0
            state.responses = r
            return requery(&state)
        case .filter:
            r.filtering = true
            r.filterError = nil
        case .columns: r.panel = .columns(selected: 0)
        case .pickForm: r.panel = .formPicker(selected: max(0, state.forms.forms.firstIndex { $0.id == r.formID } ?? 0))
        case .open:
            guard let id = r.currentID else { return [] }
            return [.responses(.read(id))]
        case .delete:
            guard let id = r.currentID else { return [] }
            r.panel = .confirmDelete(id: id, selected: 1)
        case .importFile:
            guard r.formID != nil else { return [] }
            r.panel = .importPath(TextField())
        case .export:
            guard let id = r.formID else { return [] }
            r.panel = .exportPath(format: .csv, field: TextField("\(id)-responses.csv"))
        case .reload:
            state.responses = r
            return requery(&state)
        case .edit, .save, .confirm, .toggle, .history: return []
        }
        r.selected = max(0, min(r.selected, r.ids.count - 1))
        state.responses = r
        return window(&state)
    }

    /// Rows visible in the table at the current size.
    static func pageSize(_ state: AppState) -> Int {
        let filterLines = state.responses.filtering || !state.responses.appliedFilter.isEmpty ? 2 : 0
        return max(1, state.size.height - 5 - filterLines)
    }

    /// Rows loaded around the view on each side, so scrolling seldom waits for the service.
    static func margin(_ state: AppState) -> Int { max(50, 2 * pageSize(state)) }

    /// Scrolls so the selection shows and asks for the rows around it unless they are asked for already.
    static func window(_ state: inout AppState) -> [Effect] {
        var r = state.responses
        defer { state.responses = r }
        let page = pageSize(state)
        r.top = Scrolling.offset(keeping: r.selected, visible: page, current: r.top, count: r.ids.count)
        let needed = r.top..<min(r.ids.count, r.top + page)
        guard !needed.isEmpty else { return [] }
        if let requested = r.requested, requested.clamped(to: needed) == needed { return [] }
        let margin = margin(state)
        let window = max(0, r.top - margin)..<min(r.ids.count, r.top + page + margin)
        r.requested = window
        return [.responses(.loadRows(Array(r.ids[window]), window: window))]
    }

    /// `q`: closes the open response, else goes back to the Forms screen.
    static func quit(_ state: inout AppState) -> [Effect] {
        if state.responses.detail != nil {
            state.responses.detail = nil
            return []
        }
        state.screen = .forms
        return [.loadForms]
    }
}
