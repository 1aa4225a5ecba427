import TUIKit

/// Draws the Responses screen's panels over its body.
enum ResponsesPanelView {
    static func render(_ panel: ResponsesPanel, state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let r = state.responses
        switch panel {
        case .formPicker(let selected):
            let items = state.forms.forms.map { ListItem($0.title, badge: $0.latestVersion == 0 ? "draft" : "v\($0.latestVersion)") }
            list("Form", items: items, selected: selected, footer: "enter shows", area: area, grid: &grid, theme: theme)
            return nil
        case .columns(let selected):
            let items = r.allColumns.map { ListItem((r.columns.contains($0) ? "[x] " : "[ ] ") + r.title($0)) }
            list("Columns", items: items, selected: selected, footer: "space toggles · enter closes", area: area, grid: &grid, theme: theme)
            return nil
        case .importPath(let field):
            return prompt("Import responses (path to .csv or .jsonl)", field: field, area: area, grid: &grid, theme: theme)
        case .exportPath(let format, let field):
            return prompt("Export as \(format.rawValue.uppercased()) (tab: format) to path", field: field, area: area, grid: &grid, theme: theme)
        case .importPreview(let preview, let offset):
            renderPreview(preview, offset: offset, area: area, grid: &grid, theme: theme)
            return nil
        case .confirmDelete(let id, let selected):
            Dialog(title: "Delete response", message: "Delete response \(id) and its earlier revisions? This cannot be undone.",
                   buttons: ["Delete", "Cancel"], selectedButton: selected).render(into: &grid, area: area, theme: theme)
            return nil
        }
    }

    static func list(_ title: String, items: [ListItem], selected: Int, footer: String, area: Rect, grid: inout CellGrid, theme: Theme) {
        let box = area.centered(Size(width: min(area.width, 50), height: min(area.height, items.count + 2)))
        Block(title: title, footer: footer, focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
        ListView(items: items, selected: items.isEmpty ? nil : selected, emptyText: "nothing to choose").render(into: &grid, area: box.inset(1), theme: theme)
    }

    static func prompt(_ title: String, field: TextField, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let box = area.centered(Size(width: min(area.width, 64), height: 3))
        Block(title: title, focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
        let line = box.inset(by: .symmetric(vertical: 1, horizontal: 1))
        let input = TextInputView(field: field, focused: true)
        input.render(into: &grid, area: line, theme: theme)
        return input.cursorPosition(in: line)
    }

    /// The mapping of columns to fields, then the failing rows with their line numbers.
    static func renderPreview(_ preview: ImportPreview, offset: Int, area: Rect, grid: inout CellGrid, theme: Theme) {
        let box = area.centered(Size(width: min(area.width, 90), height: area.height))
        let footer = "\(preview.importable) to import · \(preview.problems.count) failing · enter/y imports · esc cancels"
        Block(title: "Import preview", footer: footer, focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
        let inner = box.inset(by: .symmetric(vertical: 1, horizontal: 1))
        var lines: [(String, StyleRole)] = [("Columns → fields", .title)]
        let mapping = preview.mapping.map { "\($0.column) → \($0.field ?? "(not used)")" }.joined(separator: " · ")
        lines += TextLayout.wrap(mapping, width: max(1, inner.width)).map { ($0, StyleRole.text) }
        lines.append((preview.problems.isEmpty ? "Every row passes." : "Failing rows", preview.problems.isEmpty ? .success : .title))
        lines += preview.problems.dropFirst(offset).map { ("line \($0.line): \($0.reason)", StyleRole.error) }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            grid.write(line.0, at: Point(x: inner.x, y: inner.y + row), style: theme[line.1], clip: inner)
        }
    }
}
