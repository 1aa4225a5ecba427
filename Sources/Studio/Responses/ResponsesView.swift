import FormCore
import Foundation
import TUIKit

/// The Responses screen: the filter line over a table of the visible window of responses.
enum ResponsesView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let r = state.responses
        var cursor: Point?
        if r.detail != nil {
            cursor = ResponseDetailView.render(state, area: area, grid: &grid, theme: theme)
        } else {
            cursor = renderTable(state, area: area, grid: &grid, theme: theme)
        }
        if let panel = r.panel { cursor = ResponsesPanelView.render(panel, state: state, area: area, grid: &grid, theme: theme) }
        return cursor
    }

    static func footer(_ r: ResponsesState) -> String {
        if r.loading { return "loading…" }
        guard r.form != nil else { return "" }
        let matches = r.appliedFilter.isEmpty ? "" : "\(r.ids.count) match\(r.ids.count == 1 ? "" : "es") · "
        let position = r.ids.isEmpty ? "" : "\(r.selected + 1)/\(r.ids.count) · "
        return matches + position + "\(r.total) response\(r.total == 1 ? "" : "s")"
    }

    static func renderTable(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let r = state.responses
        let title = "Responses" + (r.form.map { " · \($0.title) v\($0.version)" } ?? r.formID.map { " · \($0)" } ?? "")
        Block(title: title, footer: footer(r), focused: r.panel == nil).render(into: &grid, area: area, theme: theme)
        var inner = area.inset(1)
        var cursor: Point?
        if r.filtering || !r.appliedFilter.isEmpty {
            cursor = renderFilter(r, area: inner, grid: &grid, theme: theme)
            inner = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
        }
        guard r.form != nil, !r.ids.isEmpty else {
            let text = r.notice ?? (r.loading ? "Loading…" : (r.total == 0 ? "No responses yet: press i to import a CSV or JSONL file." : "No response matches the filter."))
            for (row, line) in TextLayout.wrap(text, width: max(1, inner.width - 2)).enumerated() {
                grid.write(line, at: Point(x: inner.x + 1, y: inner.y + 1 + row), style: theme[.dim], clip: inner)
            }
            return cursor
        }
        let columns = r.columns.enumerated().map { index, column -> TableColumn in
            let name = (index == r.focusedColumn ? "›" : "") + r.title(column)
            switch column {
            case .id: return TableColumn(name, width: .fixed(7), alignment: .right)
            case .status: return TableColumn(name, width: .fixed(12))
            case .submitted: return TableColumn(name, width: .fixed(17))
            case .field: return TableColumn(name)
            }
        }
        let page = ResponsesReducer.pageSize(state)
        let start = min(r.top, r.ids.count)
        let shown = r.ids[start..<min(r.ids.count, start + page)]
        let rows = shown.map { id in r.columns.map { cell(r.rows[id], id: id, column: $0) } }
        let sorted = r.columns.firstIndex { $0.sortKey == r.sort.key && ($0 != .status) }
        TableView(columns: columns, rows: Array(rows), selected: r.selected - r.top, focused: r.panel == nil && !r.filtering,
                  sort: sorted.map { TableSort(column: $0, ascending: !r.sort.descending) }).render(into: &grid, area: inner, theme: theme)
        return cursor ?? Point(x: inner.x, y: inner.y + 1 + r.selected - r.top)
    }

    static func cell(_ row: ResponseRow?, id: Int64, column: ResponseColumn) -> String {
        if case .id = column { return "\(id)" }
        guard let row else { return "…" }
        switch column {
        case .id: return "\(id)"
        case .status: return row.revision > 1 ? "\(row.status) r\(row.revision)" : row.status
        case .submitted: return row.submittedAt.map(stamp) ?? "—"
        case .field(let key): return row.cells[key] ?? ""
        }
    }

    /// `2026-03-04 09:30` in UTC: no formatter, so a frame stays cheap.
    static func stamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let hh = rest / 3600, mm = rest % 3600 / 60
        return LocalDate(daysSince1970: days).iso + " " + (hh < 10 ? "0" : "") + "\(hh):" + (mm < 10 ? "0" : "") + "\(mm)"
    }

    /// The `/` line and, under it, a caret at the syntax error's column with its message.
    static func renderFilter(_ r: ResponsesState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        grid.write("/", at: area.origin, style: theme[.accent], clip: area)
        let line = Rect(x: area.x + 2, y: area.y, width: max(0, area.width - 2), height: 1)
        let input = TextInputView(field: r.filter, focused: r.filtering, placeholder: "expression, e.g. ${age} > 30")
        input.render(into: &grid, area: line, theme: theme)
        let below = Point(x: area.x, y: area.y + 1)
        if let error = r.filterError {
            let start = max(0, error.column - 1 - r.filter.visibleStart(width: line.width))
            let caret = String(repeating: " ", count: start + 2) + "^ column \(error.column): \(error.message)"
            grid.write(caret, at: below, style: theme[.error], clip: area)
        } else if r.filtering {
            grid.write("  enter applies · esc cancels", at: below, style: theme[.dim], clip: area)
        }
        return r.filtering ? input.cursorPosition(in: line) : nil
    }
}

extension ResponsesView {
    /// Whether the hardware cursor is a text caret (filter line, prompts, edits).
    static func hasCaret(_ r: ResponsesState) -> Bool {
        switch r.panel {
        case .importPath?, .exportPath?: return true
        case nil: return r.filtering || r.detail?.edits != nil
        default: return false
        }
    }
}
