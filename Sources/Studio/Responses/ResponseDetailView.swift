import FormCore
import TUIKit

/// One response: label → answer lines, or the answers as text fields while editing.
enum ResponseDetailView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        guard let d = state.responses.detail else { return nil }
        if let history = d.history {
            ResponseHistoryView.render(history, d, area: area, grid: &grid, theme: theme)
            return nil
        }
        let info = d.detail
        let revisions = info.revision == 1 ? "1 revision" : "\(info.revision) revisions"
        let title = "Response \(info.id) · \(info.status) · \(revisions)" + (d.edits != nil ? " · editing" : "")
        let when = info.submittedAt.map { "submitted " + ResponsesView.stamp($0) } ?? "not submitted"
        Block(title: title, footer: "\(info.form.title) v\(info.form.version) · \(when)", focused: state.responses.panel == nil)
            .render(into: &grid, area: area, theme: theme)
        let inner = area.inset(by: .symmetric(vertical: 1, horizontal: 2))
        guard let edits = d.edits else {
            renderLines(d, area: inner, grid: &grid, theme: theme)
            return nil
        }
        return renderEdits(edits, d, area: inner, grid: &grid, theme: theme)
    }

    static func renderLines(_ d: ResponseDetailState, area: Rect, grid: inout CellGrid, theme: Theme) {
        let labelWidth = min(32, max(12, area.width * 2 / 5))
        for (row, line) in d.lines.dropFirst(d.offset).prefix(area.height).enumerated() {
            let y = area.y + row
            let indent = String(repeating: "  ", count: line.depth)
            let label = Rect(x: area.x, y: y, width: labelWidth, height: 1)
            grid.write(indent + line.label, at: label.origin, style: theme[line.answer == nil ? .title : .dim], clip: label)
            guard let answer = line.answer else { continue }
            let value = Rect(x: area.x + labelWidth + 1, y: y, width: max(0, area.width - labelWidth - 1), height: 1)
            grid.write(answer, at: value.origin, style: theme[.text], clip: value)
        }
    }

    static func renderEdits(_ edits: [AnswerEdit], _ d: ResponseDetailState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let labelWidth = min(28, max(12, area.width / 3))
        let problemRows = min(d.problems.count, max(0, area.height / 3))
        let listHeight = max(1, area.height - problemRows)
        let first = Scrolling.offset(keeping: d.focus, visible: max(1, listHeight / 2), current: 0, count: edits.count)
        var y = area.y
        var cursor: Point?
        for (index, edit) in edits.enumerated().dropFirst(first) {
            guard y < area.y + listHeight else { break }
            let focused = index == d.focus
            grid.write(edit.name, at: Point(x: area.x, y: y), style: theme[focused ? .accent : .dim], clip: Rect(x: area.x, y: y, width: labelWidth, height: 1))
            let box = Rect(x: area.x + labelWidth + 1, y: y, width: max(1, area.width - labelWidth - 1), height: 1)
            let input = TextInputView(field: edit.text, focused: focused, placeholder: edit.field.type.displayName.lowercased())
            input.render(into: &grid, area: box, theme: theme)
            if focused { cursor = input.cursorPosition(in: box) }
            y += 1
            if let error = edit.error, y < area.y + listHeight {
                grid.write("  " + error, at: Point(x: box.x, y: y), style: theme[.error], clip: Rect(x: box.x, y: y, width: box.width, height: 1))
                y += 1
            }
        }
        for (row, problem) in d.problems.prefix(problemRows).enumerated() {
            grid.write("✗ " + problem, at: Point(x: area.x, y: area.y + listHeight + row), style: theme[.error], clip: area)
        }
        return cursor
    }
}
