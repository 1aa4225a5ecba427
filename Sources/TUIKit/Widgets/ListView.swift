/// Keeps a selected row visible in a scrolled view.
public enum Scrolling {
    /// The first visible row after scrolling as little as possible so `selected` is visible,
    /// clamped so the view never scrolls past the last item.
    public static func offset(keeping selected: Int?, visible: Int, current: Int, count: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var offset = min(max(0, current), max(0, count - visible))
        if let selected {
            let row = min(max(0, selected), count - 1)
            if row < offset { offset = row }
            if row >= offset + visible { offset = row - visible + 1 }
        }
        return offset
    }
}

/// One row of a list.
public struct ListItem: Hashable, Sendable {
    /// The row text.
    public var text: String
    /// A right-aligned label (type, count, status).
    public var badge: String?
    /// The role for the text when not selected (default `text`).
    public var role: StyleRole
    /// Character offsets of `text` to highlight (fuzzy search matches).
    public var highlighted: Set<Int>

    /// Creates a list item.
    public init(_ text: String, badge: String? = nil, role: StyleRole = .text, highlighted: Set<Int> = []) {
        self.text = text
        self.badge = badge
        self.role = role
        self.highlighted = highlighted
    }
}

/// A vertical list with a selection marker, scrolling to keep the selection in view.
public struct ListView: Widget {
    /// The rows.
    public var items: [ListItem]
    /// The selected row, if any.
    public var selected: Int?
    /// The first visible row before auto-scrolling (keep it in your state between frames).
    public var offset: Int
    /// Whether the list has focus (selection vs. inactive selection style).
    public var focused: Bool
    /// Drawn before the selected row; other rows get the same width of spaces.
    public var marker: String
    /// Shown dimmed when there are no items.
    public var emptyText: String

    /// Creates a list view.
    public init(items: [ListItem], selected: Int? = nil, offset: Int = 0, focused: Bool = true, marker: String = "» ", emptyText: String = "(empty)") {
        self.items = items
        self.selected = selected
        self.offset = offset
        self.focused = focused
        self.marker = marker
        self.emptyText = emptyText
    }

    /// The first visible row for an area `height` rows tall.
    public func visibleOffset(height: Int) -> Int {
        Scrolling.offset(keeping: selected, visible: height, current: offset, count: items.count)
    }

    /// Where the hardware cursor should sit: the start of the selected row, if visible.
    public func cursorPosition(in area: Rect) -> Point? {
        guard let selected, selected >= 0, selected < items.count else { return nil }
        let row = selected - visibleOffset(height: area.height)
        return row >= 0 && row < area.height ? Point(x: area.x, y: area.y + row) : nil
    }

    /// Draws the visible rows.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        if items.isEmpty {
            grid.writeLine(emptyText, row: 0, in: area, style: theme[.dim])
            return
        }
        let first = visibleOffset(height: area.height)
        let markerWidth = TextWidth.width(of: marker)
        for row in 0..<min(area.height, items.count - first) {
            let index = first + row
            let isSelected = index == selected
            let line = area.row(row)
            let rowStyle = isSelected ? theme[focused ? .selection : .selectionInactive] : theme[items[index].role]
            drawRow(items[index], selected: isSelected, style: rowStyle, line: line, markerWidth: markerWidth, into: &grid, theme: theme)
        }
    }

    private func drawRow(_ item: ListItem, selected: Bool, style: Style, line: Rect, markerWidth: Int, into grid: inout CellGrid, theme: Theme) {
        grid.fill(line, with: .blank(style))
        let prefix = selected ? marker : String(repeating: " ", count: markerWidth)
        let used = grid.write(prefix, at: line.origin, style: style, clip: line)
        var textRoom = Rect(x: line.x + used, y: line.y, width: line.width - used, height: 1)
        if let badge = item.badge, !badge.isEmpty, textRoom.width > TextWidth.width(of: badge) + 2 {
            let badgeWidth = TextWidth.width(of: badge)
            let badgeStyle = selected ? style : theme[.badge]
            grid.write(badge, at: Point(x: line.maxX - badgeWidth - 1, y: line.y), style: badgeStyle, clip: line)
            textRoom.width -= badgeWidth + 2
        }
        let text = TextLayout.truncate(item.text, to: textRoom.width)
        grid.writeHighlighted(text, at: textRoom.origin, style: style, highlight: theme[.match], highlighted: item.highlighted, clip: textRoom)
    }
}
