/// A rectangle of cells: the off-screen buffer widgets draw into and backends present.
///
/// Writes keep one invariant: a wide grapheme always has its continuation cell to its right,
/// and overwriting either half of it blanks the other half, so no half-wide glyph survives.
public struct CellGrid: Hashable, Sendable {
    /// The grid's dimensions.
    public let size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]

    /// A grid of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    /// The whole grid as a rectangle at the origin.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y`; a blank for positions outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// The cells of row `y` (empty when out of range).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    // MARK: - Writing

    /// Writes `text` starting at `point`, clipped to `clip` (default: the whole grid).
    ///
    /// Returns the number of columns advanced. Control characters become `�` (tab becomes a
    /// space); zero-width graphemes join the previous cell of the same write; a wide grapheme
    /// that would cross the right edge is replaced by a space and ends the write.
    @discardableResult
    public mutating func write(_ text: String, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard point.y >= area.y, point.y < area.maxY else { return 0 }
        var x = point.x
        var previous: Int?
        for character in text {
            if x >= area.maxX { break }
            let printable = CellGrid.printable(character)
            let width = TextWidth.width(of: printable)
            if width == 0 {
                if let index = previous { cells[index].text.append(printable) }
                continue
            }
            if x < area.x {
                x += width
                continue
            }
            if width == 2, x + 1 >= area.maxX {
                put(Cell(" ", style: style), x: x, y: point.y)
                return x + 1 - point.x
            }
            put(Cell(printable, style: style), x: x, y: point.y)
            previous = point.y * size.width + x
            x += width
        }
        return x - point.x
    }

    /// Places one cell, keeping the wide-grapheme invariant. Out-of-range positions are ignored.
    public mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height, !cell.isContinuation else { return }
        let wide = cell.width == 2 && x + 1 < size.width
        breakWide(x: x, y: y)
        if wide { breakWide(x: x + 1, y: y) }
        var stored = cell
        if cell.width == 2 && !wide { stored = Cell(" ", style: cell.style) }
        cells[y * size.width + x] = stored
        if wide { cells[y * size.width + x + 1] = .continuation(cell.style) }
    }

    /// Fills `rect` (clipped to the grid) with copies of `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { put(cell, x: x, y: y) }
        }
    }

    /// Replaces the style of every cell in `rect`, keeping the text (for selection bars).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * size.width + x].style = style }
        }
    }

    /// Copies `other` into this grid with its top-left corner at `origin` (clipped).
    public mutating func draw(_ other: CellGrid, at origin: Point) {
        for y in 0..<other.size.height {
            for x in 0..<other.size.width {
                let cell = other[x, y]
                if !cell.isContinuation { put(cell, x: origin.x + x, y: origin.y + y) }
            }
        }
    }

    // Blanks the other half of a wide grapheme that (x, y) is part of.
    private mutating func breakWide(x: Int, y: Int) {
        let index = y * size.width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
            cells[index] = Cell(" ", style: cell.style)
        } else if cell.width == 2, x + 1 < size.width {
            cells[index + 1] = Cell(" ", style: cell.style)
        }
    }

    private static func printable(_ character: Character) -> Character {
        if character == "\t" { return " " }
        guard let first = character.unicodeScalars.first else { return " " }
        return first.properties.generalCategory == .control ? "\u{FFFD}" : character
    }
}
