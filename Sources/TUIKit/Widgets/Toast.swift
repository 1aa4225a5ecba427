/// How a toast is coloured.
public enum ToastKind: Hashable, Sendable {
    /// Neutral information ("Saved").
    case info
    /// Something went wrong or was refused ("Cannot move any further").
    case error
}

/// A short message boxed in the bottom-right corner of an area, above whatever is there.
public struct Toast: Widget {
    /// The message; wrapped to at most `maxWidth` columns.
    public var message: String
    /// The colouring.
    public var kind: ToastKind
    /// The widest the box may be, border included.
    public var maxWidth: Int

    /// Creates a toast.
    public init(_ message: String, kind: ToastKind = .info, maxWidth: Int = 40) {
        self.message = message
        self.kind = kind
        self.maxWidth = maxWidth
    }

    /// The box the toast occupies inside `area` (one row above the bottom, for the key bar).
    public func frame(in area: Rect) -> Rect {
        let textWidth = max(1, min(maxWidth, area.width) - 4)
        let lines = TextLayout.wrap(message, width: textWidth)
        let contentWidth = lines.map { TextWidth.width(of: $0) }.max() ?? 0
        let width = min(area.width, contentWidth + 4), height = min(area.height, lines.count + 2)
        let y = max(area.y, area.maxY - height - 1)
        return Rect(x: area.maxX - width, y: y, width: width, height: height)
    }

    /// Draws the bordered message.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 3, box.height >= 3 else { return }
        let role: StyleRole = kind == .error ? .toastError : .toastInfo
        let style = theme[role]
        grid.fill(box, with: .blank(style))
        let border = Block(border: .rounded)
        var borderTheme = theme
        borderTheme.styles[.border] = style
        border.render(into: &grid, area: box, theme: borderTheme)
        let inner = box.inset(by: .symmetric(vertical: 1, horizontal: 2))
        for (row, line) in TextLayout.wrap(message, width: max(1, inner.width)).prefix(inner.height).enumerated() {
            grid.write(line, at: Point(x: inner.x, y: inner.y + row), style: style, clip: inner)
        }
    }
}
