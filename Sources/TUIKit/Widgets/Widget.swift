/// Something that draws itself into a region of a grid: a pure function of its value, the
/// area and the theme, so tests can render it into a fresh grid and compare text.
public protocol Widget {
    /// Draws into `area` of `grid` (clipped to it), styled by `theme`.
    func render(into grid: inout CellGrid, area: Rect, theme: Theme)
}

extension Widget {
    /// Renders into a new grid of `size` (handy in tests and for off-screen composition).
    public func rendered(size: Size, theme: Theme = .monochrome) -> CellGrid {
        var grid = CellGrid(size: size)
        render(into: &grid, area: grid.bounds, theme: theme)
        return grid
    }
}

extension CellGrid {
    /// Writes `text` padded or truncated to the row's width inside `area`, starting at row `row`.
    mutating func writeLine(_ text: String, row: Int, in area: Rect, style: Style, alignment: Alignment = .left) {
        guard row >= 0, row < area.height, area.width > 0 else { return }
        write(TextLayout.pad(text, to: area.width, alignment: alignment), at: Point(x: area.x, y: area.y + row), style: style, clip: area)
    }

    /// Writes `text` in `style`, with the characters at `highlighted` offsets in `highlight`.
    @discardableResult
    mutating func writeHighlighted(_ text: String, at point: Point, style: Style, highlight: Style, highlighted: Set<Int>, clip: Rect) -> Int {
        var x = point.x
        for (offset, character) in text.enumerated() {
            guard x < clip.maxX else { break }
            let cellStyle = highlighted.contains(offset) ? style.patched(with: highlight) : style
            x += write(String(character), at: Point(x: x, y: point.y), style: cellStyle, clip: clip)
        }
        return x - point.x
    }
}
