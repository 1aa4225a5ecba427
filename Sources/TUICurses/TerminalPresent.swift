import CNcursesw
import TUIKit

extension Terminal {
    /// Shows `frame`, writing only the cells that changed since the last frame.
    ///
    /// Frames larger than the terminal are clipped. The hardware cursor goes to `frame.cursor`
    /// (kept invisible unless `cursorVisible`), so screen readers follow the selection.
    public func present(_ frame: Frame) {
        guard isOpen else { return }
        set_term(screen)
        let window = cnc_stdscr()
        let runs = frame.diff(from: lastFrame)
        for run in runs where run.origin.y < size.height {
            var x = run.origin.x
            for cell in run.cells {
                defer { x += 1 }
                guard !cell.isContinuation, x < size.width else { continue }
                // A wide glyph in the last column cannot be shown whole: draw a blank instead.
                let drawn = cell.width == 2 && x + 1 >= size.width ? Cell.blank(cell.style) : cell
                var character = cursesCell(for: drawn)
                mvwadd_wch(window, Int32(run.origin.y), Int32(x), &character)
            }
        }
        placeCursor(frame)
        wnoutrefresh(window)
        doupdate()
        lastFrame = frame
    }

    /// Forgets the last frame and clears the screen, so the next `present` repaints everything
    /// (after a resize, a suspend, or output from another program).
    public func invalidate() {
        guard isOpen else { return }
        set_term(screen)
        lastFrame = nil
        wclear(cnc_stdscr())
    }

    /// Forgets allocated colour pairs (call after switching themes).
    public func resetColors() {
        pairs.reset()
        invalidate()
    }

    /// The number of colour pairs allocated so far.
    public var allocatedColorPairs: Int { pairs.allocatedCount }

    private func placeCursor(_ frame: Frame) {
        let window = cnc_stdscr()
        if let cursor = frame.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(frame.cursorVisible ? 1 : 0)
        } else {
            curs_set(0)
        }
    }

    /// The ncurses wide cell for a TUIKit cell: grapheme, attributes and colour pair.
    func cursesCell(for cell: Cell) -> cchar_t {
        var result = cchar_t()
        let attributes = cursesAttributes(cell.style.attributes)
        let pair = colorPair(for: cell.style)
        var scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        // cchar_t holds at most CCHARW_MAX scalars; longer ZWJ sequences degrade to their base.
        if scalars.count >= Int(cnc_ccharw_max()) { scalars = Array(scalars.prefix(1)) }
        if scalars.isEmpty { scalars = [wchar_t(32)] }
        scalars.append(0)
        _ = cnc_setcchar(&result, scalars, attributes, pair)
        return result
    }

    func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = cnc_a_normal()
        if attributes.contains(.bold) { result |= cnc_a_bold() }
        if attributes.contains(.dim) { result |= cnc_a_dim() }
        if attributes.contains(.italic) { result |= cnc_a_italic() }
        if attributes.contains(.underline) { result |= cnc_a_underline() }
        if attributes.contains(.reverse) { result |= cnc_a_reverse() }
        return result
    }

    func colorPair(for style: Style) -> Int32 {
        guard capabilities.colorCapability != .none else { return 0 }
        let key = ColorPairCache.ColorKey(foreground: mapper.number(for: style.foreground), background: mapper.number(for: style.background))
        return pairs.pair(for: key) { id, key in _ = cnc_init_pair(id, key.foreground, key.background) }
    }
}
