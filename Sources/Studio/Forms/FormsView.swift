import TUIKit

/// The Forms screen: a table of the workspace's forms, with the `/` filter above it.
enum FormsView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let forms = state.forms
        let shown = forms.visible
        Block(title: "Forms", footer: "\(shown.count) of \(forms.forms.count)", focused: true).render(into: &grid, area: area, theme: theme)
        var inner = area.inset(1)
        var cursor: Point?
        if forms.filtering || !forms.filter.text.isEmpty {
            grid.write("/", at: inner.origin, style: theme[.accent], clip: inner)
            let line = Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1)
            let input = TextInputView(field: forms.filter, focused: forms.filtering, placeholder: "filter")
            input.render(into: &grid, area: line, theme: theme)
            if forms.filtering { cursor = input.cursorPosition(in: line) }
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        guard !shown.isEmpty else {
            let text = forms.loading ? "Loading…" : (forms.forms.isEmpty ? "No forms yet: press n to create one, or i to import a .form.json file." : "No form matches the filter.")
            for (row, line) in TextLayout.wrap(text, width: max(1, inner.width - 2)).enumerated() {
                grid.write(line, at: Point(x: inner.x + 1, y: inner.y + 1 + row), style: theme[.dim], clip: inner)
            }
            return cursor
        }
        let columns = [TableColumn("Title"), TableColumn("Id", width: .percent(25)), TableColumn("State", width: .fixed(10)),
                       TableColumn("Version", width: .fixed(8), alignment: .right), TableColumn("Responses", width: .fixed(10), alignment: .right)]
        let rows = shown.map { [$0.title, $0.id, $0.stateLabel, $0.latestVersion == 0 ? "—" : "v\($0.latestVersion)", "\($0.responseCount)"] }
        let table = TableView(columns: columns, rows: rows, selected: forms.selected, focused: !forms.filtering)
        table.render(into: &grid, area: inner, theme: theme)
        let visible = max(1, inner.height - 1)
        let first = Scrolling.offset(keeping: forms.selected, visible: visible, current: 0, count: rows.count)
        return cursor ?? Point(x: inner.x, y: inner.y + 1 + forms.selected - first)
    }
}
