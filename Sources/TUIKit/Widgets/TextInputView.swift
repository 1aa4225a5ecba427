/// Draws a `TextField` on one row, scrolled so the caret is visible.
public struct TextInputView: Widget {
    /// The field to draw.
    public var field: TextField
    /// Whether the field has focus (draws the caret cell).
    public var focused: Bool
    /// Shown dimmed when the field is empty.
    public var placeholder: String

    /// Creates a text input view.
    public init(field: TextField, focused: Bool = true, placeholder: String = "") {
        self.field = field
        self.focused = focused
        self.placeholder = placeholder
    }

    /// Where the caret is on screen (first row of `area`).
    public func cursorPosition(in area: Rect) -> Point? {
        guard focused, !area.isEmpty else { return nil }
        let start = field.visibleStart(width: area.width)
        return Point(x: area.x + min(area.width - 1, field.columns(start, field.cursor)), y: area.y)
    }

    /// Draws the visible part of the text, the caret cell and the placeholder.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let line = area.row(0)
        guard !line.isEmpty else { return }
        let base = theme[.inputField]
        grid.fill(line, with: .blank(base))
        if field.characters.isEmpty, !placeholder.isEmpty {
            grid.write(TextLayout.truncate(placeholder, to: line.width), at: line.origin, style: base.patched(with: theme[.dim]), clip: line)
        } else {
            let start = field.visibleStart(width: line.width)
            grid.write(String(field.characters[start...]), at: line.origin, style: base, clip: line)
        }
        guard focused, let caret = cursorPosition(in: line) else { return }
        // The caret sits on the character it precedes (or on the placeholder's first letter).
        let under = field.cursor < field.characters.count || field.characters.isEmpty ? grid[caret.x, caret.y] : .blank(base)
        var caretCell = under.isContinuation ? Cell.blank(base) : under
        caretCell.style = theme[.cursor]
        grid.put(caretCell, x: caret.x, y: caret.y)
    }
}
