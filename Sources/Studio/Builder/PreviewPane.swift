import FormCore
import TUIKit

/// The live preview: the form as a respondent sees it with the test answers, re-evaluated
/// by the rule engine on every answer and recompiled on every structural edit.
enum PreviewPane {
    static func render(_ b: BuilderState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let hiddenNote = b.showHidden ? " · hidden shown" : ""
        Block(title: "Preview" + hiddenNote, footer: b.engine.map { _ in "test answers" }, focused: b.focus == .preview)
            .render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        guard !inner.isEmpty else { return nil }
        if let error = b.engineError {
            grid.write(TextLayout.truncate("✗ " + error, to: inner.width), at: inner.origin, style: theme[.error], clip: inner)
        }
        let body = b.engineError == nil ? inner : Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let (lines, selected) = PreviewLines.window(b, height: body.height)
        guard !lines.isEmpty else {
            grid.write("Nothing to show yet.", at: body.origin, style: theme[.dim], clip: body)
            return nil
        }
        var cursor: Point?
        for (row, line) in lines.enumerated() {
            let isSelected = row == selected
            let point = draw(line, selected: isSelected, b, rect: body.row(row), grid: &grid, theme: theme)
            if isSelected { cursor = point }
        }
        return cursor
    }

    static func draw(_ line: PreviewLine, selected: Bool, _ b: BuilderState, rect: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let field = line.field
        var role: StyleRole = line.visible ? .text : .hidden
        if field.type.isContainer { role = .title }
        if field.type == .note { role = .dim }
        var style = theme[role]
        if selected { style = theme[b.focus == .preview ? .selection : .selectionInactive] }
        grid.fill(rect, with: .blank(style))
        let indent = String(repeating: "  ", count: line.depth)
        let label = field.label.isEmpty ? field.key : field.label
        let required = line.state?.required == true ? "*" : " "
        var text = indent + (field.type.isContainer ? "▸ " : required + " ") + label
        if !line.visible { text += " (hidden)" }
        if line.state?.enabled == false { text += " [disabled]" }
        let used = grid.write(TextLayout.truncate(text, to: rect.width), at: rect.origin, style: style, clip: rect)
        guard field.type.takesInput || field.type == .calculated else { return rect.origin }
        let boxX = rect.x + min(rect.width, max(used + 2, rect.width / 2))
        let box = Rect(x: boxX, y: rect.y, width: rect.maxX - boxX, height: 1)
        guard box.width >= 3 else { return rect.origin }
        if case .answer(let id)? = b.editing?.target, id == field.id, let editing = b.editing {
            let input = TextInputView(field: editing.field, focused: true)
            input.render(into: &grid, area: box, theme: theme)
            return input.cursorPosition(in: box)
        }
        let value = line.state?.value ?? .empty
        let answer = value.isEmpty ? "" : TextPreview.display(value, field: field)
        let shown = "[" + TextLayout.pad(answer, to: max(1, box.width - 2)) + "]"
        grid.write(shown, at: box.origin, style: selected ? style : theme[line.visible ? .inputField : .hidden], clip: box)
        return rect.origin
    }
}
