import FormCore
import TUIKit

/// The Fill screen: the page's title and progress, its visible fields, and the problems the
/// last submit found.
enum FillView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        guard let fill = state.fill, let form = fill.form, form.pages.indices.contains(fill.page) else {
            Block(title: "Fill in", focused: true).render(into: &grid, area: area, theme: theme)
            grid.write("Loading…", at: Point(x: area.x + 2, y: area.y + 1), style: theme[.dim], clip: area.inset(1))
            return nil
        }
        let page = form.pages[fill.page]
        Block(title: page.title, focused: true).render(into: &grid, area: area, theme: theme)
        var inner = area.inset(1)
        guard inner.width > 4, inner.height > 2 else { return nil }
        inner = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let position = (fill.path.firstIndex(of: fill.page) ?? 0) + 1
        ProgressBar(fraction: Double(position) / Double(max(1, fill.path.count)), label: progressText(fill))
            .render(into: &grid, area: Rect(x: inner.x, y: inner.y, width: min(inner.width, 40), height: 1), theme: theme)
        var top = inner.y + 1
        if let description = page.description, !description.isEmpty {
            grid.write(TextLayout.truncate(description, to: inner.width), at: Point(x: inner.x, y: top), style: theme[.dim], clip: inner)
            top += 1
        }
        let problems = problemRows(fill, height: inner.height)
        let body = Rect(x: inner.x, y: top + 1, width: inner.width, height: max(0, inner.maxY - top - 1 - problems.count))
        let cursor = drawLines(fill, body: body, grid: &grid, theme: theme)
        for (row, problem) in problems.enumerated() {
            let role: StyleRole = row == 0 ? .error : .text
            grid.write(TextLayout.truncate(problem, to: inner.width), at: Point(x: inner.x, y: body.maxY + row), style: theme[role], clip: inner)
        }
        return cursor
    }

    /// `page 2 of 4`, counting only pages on the respondent's path.
    static func progressText(_ fill: FillState) -> String {
        let path = fill.path
        let position = (path.firstIndex(of: fill.page) ?? 0) + 1
        return "page \(position) of \(max(1, path.count))"
    }

    /// The problems box at the bottom: a title and as many problems as fit in a third of the
    /// screen.
    static func problemRows(_ fill: FillState, height: Int) -> [String] {
        guard !fill.problems.isEmpty else { return [] }
        let room = max(1, height / 3 - 1)
        var rows = ["✗ Not submitted: \(fill.problems.count) problem\(fill.problems.count == 1 ? "" : "s")"]
        rows += fill.problems.prefix(room).map { "  \($0.path): \($0.message)" }
        if fill.problems.count > room { rows.append("  … and \(fill.problems.count - room) more") }
        return rows
    }

    /// The page's rows, scrolled so the focused rows are in view; returns the cursor.
    static func drawLines(_ fill: FillState, body: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        guard !body.isEmpty else { return nil }
        let lines = FillLines.lines(fill, width: body.width)
        if lines.isEmpty {
            grid.write("Nothing to answer on this page.", at: body.origin, style: theme[.dim], clip: body)
            return nil
        }
        let focusIndex = fill.focus.flatMap { fill.items.firstIndex(of: $0) }
        let owned = lines.indices.filter { lines[$0].item == focusIndex }
        let anchor = lines.indices.first { lines[$0].focused } ?? owned.first ?? 0
        // Show the field's label too when it fits: scroll to the first of its rows, then down
        // only as far as the focused row needs.
        var offset = max(0, (owned.last ?? anchor) - body.height + 1)
        offset = min(offset, owned.first ?? anchor)
        offset = max(offset, anchor - body.height + 1)
        var cursor: Point?
        for (row, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
            let rect = Rect(x: body.x, y: body.y + row, width: body.width, height: 1)
            var x = rect.x
            for piece in line.pieces {
                x += grid.write(piece.text, at: Point(x: x, y: rect.y), style: theme[piece.role], clip: rect)
            }
            if line.editor, let editor = fill.editor {
                let box = Rect(x: x, y: rect.y, width: max(1, min(rect.maxX - x, 60)), height: 1)
                let input = TextInputView(field: editor, focused: true)
                input.render(into: &grid, area: box, theme: theme)
                cursor = input.cursorPosition(in: box)
            } else if line.focused, cursor == nil {
                cursor = Point(x: rect.x, y: rect.y)
            }
        }
        return cursor
    }

    /// The header's right end: whether the answers are saved.
    static func status(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        // Narrow terminals keep the title readable instead.
        guard let fill = state.fill, area.width >= 40 else { return }
        let text = (fill.pendingSaves > 0 ? "saving…" : (fill.draftID != nil ? "draft saved" : "")) + " "
        let width = TextWidth.width(of: text)
        grid.write(text, at: Point(x: area.maxX - width, y: area.y), style: theme[.statusBar], clip: area)
    }
}
