/// A run of changed cells on one row: what a backend must redraw.
public struct CellRun: Hashable, Sendable {
    /// The left-most cell of the run.
    public var origin: Point
    /// The new cells, left to right (continuation cells included, for column accounting).
    public var cells: [Cell]

    /// Creates a run starting at `origin`.
    public init(origin: Point, cells: [Cell]) {
        self.origin = origin
        self.cells = cells
    }
}

/// One complete screen: the cell grid plus where the hardware cursor goes.
///
/// Screen readers and terminal magnifiers follow the hardware cursor, so frames place it on the
/// selected row or text caret even when it is drawn invisible.
public struct Frame: Hashable, Sendable {
    /// The cells to show.
    public var grid: CellGrid
    /// Where the hardware cursor is placed, if anywhere.
    public var cursor: Point?
    /// Whether the cursor is drawn (a text caret) or only placed (a selected row).
    public var cursorVisible: Bool

    /// A blank frame of `size`.
    public init(size: Size, cursor: Point? = nil, cursorVisible: Bool = false) {
        self.grid = CellGrid(size: size)
        self.cursor = cursor
        self.cursorVisible = cursorVisible
    }

    /// A frame around an existing grid.
    public init(grid: CellGrid, cursor: Point? = nil, cursorVisible: Bool = false) {
        self.grid = grid
        self.cursor = cursor
        self.cursorVisible = cursorVisible
    }

    /// The frame's size.
    public var size: Size { grid.size }

    /// The runs that turn `previous` into this frame (everything when sizes differ or `previous` is nil).
    public func diff(from previous: Frame?) -> [CellRun] { grid.diff(from: previous?.grid) }
}

extension CellGrid {
    /// The minimal runs of changed cells that turn `previous` into this grid.
    ///
    /// Each run is a maximal stretch of differing cells on one row. A run never splits a wide
    /// grapheme: it is widened to include both the head and its continuation, because a
    /// terminal can only redraw the glyph as a whole.
    public func diff(from previous: CellGrid?) -> [CellRun] {
        guard let previous, previous.size == size else { return fullRepaint() }
        let new = cells, old = previous.cells, width = size.width
        var runs: [CellRun] = []
        for y in 0..<size.height {
            let base = y * width
            var x = 0
            while x < width {
                guard new[base + x] != old[base + x] else {
                    x += 1
                    continue
                }
                var start = x
                if (new[base + x].isContinuation || old[base + x].isContinuation) && start > 0 { start -= 1 }
                var end = x
                while end < width, new[base + end] != old[base + end] || new[base + end].isContinuation { end += 1 }
                if end < width, old[base + end].isContinuation { end += 1 }
                runs.append(CellRun(origin: Point(x: start, y: y), cells: Array(new[(base + start)..<(base + end)])))
                x = end
            }
        }
        return runs
    }

    private func fullRepaint() -> [CellRun] {
        (0..<size.height).map { y in CellRun(origin: Point(x: 0, y: y), cells: Array(row(y))) }
    }
}
