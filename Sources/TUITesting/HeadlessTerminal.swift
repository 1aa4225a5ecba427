import TUIKit

/// A terminal with no terminal behind it: it keeps the last presented frame and counts the
/// cells a real backend would have had to write, so tests can check what is on screen and
/// that only changed cells are redrawn.
public struct HeadlessTerminal {
    /// The current size.
    public private(set) var size: Size
    /// The last presented frame.
    public private(set) var frame: Frame?
    /// Cells written by the last `present` (the diff against the frame before).
    public private(set) var lastWrittenCells = 0
    /// Frames presented so far.
    public private(set) var framesPresented = 0

    /// A terminal of `size`.
    public init(size: Size) {
        self.size = size
    }

    /// Shows `frame`, writing only the runs that differ from the previous frame.
    public mutating func present(_ frame: Frame) {
        lastWrittenCells = frame.diff(from: self.frame).reduce(0) { $0 + $1.cells.count }
        self.frame = frame
        framesPresented += 1
    }

    /// Changes the size; the next frame is a full repaint, as after a real resize.
    public mutating func resize(_ size: Size) {
        self.size = size
        frame = nil
    }

    /// The screen as text lines (trailing spaces removed).
    public var lines: [String] { frame.map { TextSnapshot.lines($0.grid) } ?? [] }

    /// The screen as one string.
    public var text: String { lines.joined(separator: "\n") }
}
