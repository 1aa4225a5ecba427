import FormCore
import TUIKit

/// The builder: tree, properties and preview side by side, or as tabs when narrow.
enum BuilderView {
    /// Below this width the panes become tabs.
    static let tabsBelowWidth = 100

    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        guard let b = state.builder else { return nil }
        let panes = BuilderLayout.panes(b, area: area)
        if panes.count == 1 {
            TabsBar(titles: BuilderPane.allCases.map(\.title), selected: b.focus.rawValue).render(into: &grid, area: area.row(0), theme: theme)
        }
        var cursor: Point?
        for (pane, rect) in panes {
            let point = self.pane(pane, b, area: rect, grid: &grid, theme: theme)
            if pane == b.focus { cursor = point }
        }
        return cursor
    }

    static func pane(_ pane: BuilderPane, _ b: BuilderState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        switch pane {
        case .tree: return TreePane.render(b, area: area, grid: &grid, theme: theme)
        case .properties: return PropertiesPane.render(b, area: area, grid: &grid, theme: theme)
        case .preview: return PreviewPane.render(b, area: area, grid: &grid, theme: theme)
        }
    }
}

/// The field tree: only the visible window of rows is turned into widgets.
enum TreePane {
    static func render(_ b: BuilderState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let count = b.form.pages.allSatisfy(\.fields.isEmpty) ? 0 : b.rows.count
        let title = b.moveMode != nil ? "Fields · moving" : (b.anchor != nil ? "Fields · range" : "Fields")
        Block(title: title, footer: "\(count) rows", focused: b.focus == .tree).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        guard !b.rows.isEmpty else {
            grid.write("Empty form: press a to add a field.", at: inner.origin, style: theme[.dim], clip: inner)
            return inner.origin
        }
        let selected = b.selectedRow
        let first = BuilderLayout.firstTreeRow(b, height: inner.height)
        let window = b.rows[first..<min(b.rows.count, first + inner.height)]
        let rows = window.map { $0.treeRow(touched: b.touched.contains($0.id), in: b.rows) }
        let relative = selected.map { $0 - first }
        TreeView(rows: rows, selected: relative, focused: b.focus == .tree, moving: b.moveMode != nil ? relative : nil)
            .render(into: &grid, area: inner, theme: theme)
        if b.anchor != nil {
            let range = Set(b.selectedIDs)
            for (offset, row) in window.enumerated() where range.contains(row.id) && row.id != b.selection {
                grid.setStyle(theme[.selectionInactive], in: inner.row(offset))
            }
        }
        Scrollbar(total: b.rows.count, visible: inner.height, offset: first).render(into: &grid, area: inner, theme: theme)
        return relative.map { Point(x: inner.x, y: inner.y + $0) }
    }
}

/// The selected field's properties, with an inline editor and live errors under the caret.
enum PropertiesPane {
    static func render(_ b: BuilderState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        Block(title: "Properties", focused: b.focus == .properties).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        guard let field = b.selectedField else {
            grid.write("Select a field.", at: inner.origin, style: theme[.dim], clip: inner)
            return nil
        }
        let kinds = PropertyText.kinds(for: field)
        let labelWidth = 12
        var cursor: Point?
        var y = inner.y
        for (index, kind) in kinds.enumerated() where y < inner.maxY {
            let line = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            let isSelected = index == b.propertyRow && b.focus == .properties
            let rowStyle = isSelected ? theme[.selection] : theme[.text]
            grid.fill(line, with: .blank(rowStyle))
            grid.write(TextLayout.pad(kind.title, to: labelWidth), at: line.origin, style: isSelected ? rowStyle : theme[.dim], clip: line)
            let valueArea = Rect(x: line.x + labelWidth, y: y, width: max(0, line.width - labelWidth), height: 1)
            if case .property(let editing)? = b.editing?.target, editing == kind, isSelected, let edit = b.editing {
                let input = TextInputView(field: edit.field, focused: true)
                input.render(into: &grid, area: valueArea, theme: theme)
                cursor = input.cursorPosition(in: valueArea)
                if let error = edit.error, y + 2 < inner.maxY {
                    // The caret marks the column; the message gets its own line so a narrow
                    // pane never cuts it off after the caret.
                    let column = max(0, (edit.errorColumn ?? 1) - 1 - edit.field.visibleStart(width: valueArea.width))
                    let caretX = min(valueArea.maxX - 1, valueArea.x + column)
                    grid.write("^", at: Point(x: caretX, y: y + 1), style: theme[.error], clip: inner)
                    grid.write(TextLayout.truncate(error, to: inner.width), at: Point(x: inner.x, y: y + 2), style: theme[.error], clip: inner)
                    y += 2
                }
            } else {
                let text = PropertyText.text(kind, of: field)
                let role: StyleRole = text.isEmpty ? .dim : (kind.isExpression ? .accent : .text)
                grid.write(TextLayout.truncate(text.isEmpty ? "—" : text, to: valueArea.width), at: valueArea.origin,
                           style: isSelected ? rowStyle : theme[role], clip: valueArea)
            }
            if isSelected, cursor == nil { cursor = line.origin }
            y += 1
        }
        let problems = b.lint.filter { $0.location.contains("\"\(field.key)\"") }
        if !problems.isEmpty, y + 1 < inner.maxY {
            y += 1
            for issue in problems where y < inner.maxY {
                let text = "\(issue.severity == .error ? "✗" : "!") \(issue.message)"
                for part in TextLayout.wrap(text, width: inner.width) where y < inner.maxY {
                    grid.write(part, at: Point(x: inner.x, y: y), style: theme[issue.severity == .error ? .error : .warning], clip: inner)
                    y += 1
                }
            }
        }
        return cursor
    }
}
