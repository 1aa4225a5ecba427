/// The `?` overlay: every command of the keymap, grouped, disabled ones dimmed with their reason.
public struct HelpOverlay: Widget {
    /// Sections from `Keymap.helpSections(in:)`.
    public var sections: [(group: String, hints: [CommandHint])]
    /// The first visible line (for scrolling long keymaps).
    public var offset: Int
    /// The title in the border.
    public var title: String

    /// Creates a help overlay.
    public init(sections: [(group: String, hints: [CommandHint])], offset: Int = 0, title: String = "Keys") {
        self.sections = sections
        self.offset = offset
        self.title = title
    }

    /// One line of the overlay: a group heading, a command, or a blank separator.
    enum Line {
        case heading(String)
        case command(CommandHint)
        case blank
    }

    var lines: [Line] {
        var result: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { result.append(.blank) }
            result.append(.heading(section.group))
            result += section.hints.map(Line.command)
        }
        return result
    }

    /// The number of lines, so callers can clamp `offset`.
    public var lineCount: Int { lines.count }

    /// The box the overlay occupies in `area`.
    public func frame(in area: Rect) -> Rect {
        area.centered(Size(width: min(area.width, 72), height: min(area.height, lineCount + 2)))
    }

    /// Draws the box and the visible lines.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 8, box.height >= 3 else { return }
        let all = lines
        let inner = box.inset(by: .symmetric(vertical: 1, horizontal: 2))
        let first = min(max(0, offset), max(0, all.count - inner.height))
        let footer = all.count > inner.height ? "\(first + 1)-\(min(all.count, first + inner.height))/\(all.count)" : "esc close"
        Block(title: title, footer: footer, focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
        let keyWidth = min(inner.width / 2, (all.compactMap { line -> Int? in
            if case .command(let hint) = line { return TextWidth.width(of: hint.keyLabel) }
            return nil
        }.max() ?? 0))
        for (row, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            draw(line, row: inner.row(row), keyWidth: keyWidth, into: &grid, theme: theme)
        }
    }

    private func draw(_ line: Line, row: Rect, keyWidth: Int, into grid: inout CellGrid, theme: Theme) {
        let base = theme[.dialog]
        switch line {
        case .blank: return
        case .heading(let group):
            grid.write(TextLayout.truncate(group, to: row.width), at: row.origin, style: base.patched(with: theme[.title]), clip: row)
        case .command(let hint):
            let keyStyle = base.patched(with: theme[hint.isEnabled ? .keyHintKey : .disabled])
            let textStyle = base.patched(with: theme[hint.isEnabled ? .text : .disabled])
            grid.write(TextLayout.pad(hint.keyLabel, to: keyWidth), at: row.origin, style: keyStyle, clip: row)
            var text = hint.title
            if let reason = hint.disabledReason { text += " — \(reason)" }
            let room = Rect(x: row.x + keyWidth + 2, y: row.y, width: row.width - keyWidth - 2, height: 1)
            grid.write(TextLayout.truncate(text, to: room.width), at: room.origin, style: textStyle, clip: room)
        }
    }
}
