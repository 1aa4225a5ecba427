/// The one-line key bar: `key title` pairs for the commands flagged `showInBar`.
///
/// Keys are drawn in `keyHintKey`, titles in `keyHint`; entries that do not fit are dropped
/// from the end and replaced by `…`, so the most important (first) commands stay visible.
public struct KeyBar: Widget {
    /// The hints to show, in order (usually `Keymap.barHints(in:)`).
    public var hints: [CommandHint]
    /// Text shown at the right edge (mode, position), if room remains.
    public var trailing: String?

    /// Creates a key bar.
    public init(hints: [CommandHint], trailing: String? = nil) {
        self.hints = hints
        self.trailing = trailing
    }

    /// Draws the bar on the first row of `area`.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let line = area.row(0)
        guard !line.isEmpty else { return }
        grid.fill(line, with: .blank(theme[.statusBar]))
        let trailingWidth = trailing.map { TextWidth.width(of: $0) + 1 } ?? 0
        let limit = line.maxX - trailingWidth
        var x = line.x + 1
        for (index, hint) in hints.enumerated() {
            let keyRole: StyleRole = hint.isEnabled ? .keyHintKey : .keyHintDisabled
            let titleRole: StyleRole = hint.isEnabled ? .keyHint : .keyHintDisabled
            let width = TextWidth.width(of: hint.keyLabel) + 1 + TextWidth.width(of: hint.shortTitle)
            let reserve = index == hints.count - 1 ? 0 : 2
            guard x + width + reserve <= limit else {
                grid.write("…", at: Point(x: min(x, limit - 1), y: line.y), style: theme[.statusBar].patched(with: theme[.keyHint]), clip: line)
                break
            }
            x += grid.write(hint.keyLabel, at: Point(x: x, y: line.y), style: theme[.statusBar].patched(with: theme[keyRole]), clip: line) + 1
            x += grid.write(hint.shortTitle, at: Point(x: x, y: line.y), style: theme[.statusBar].patched(with: theme[titleRole]), clip: line) + 2
        }
        if let trailing, trailingWidth > 0, trailingWidth < line.width {
            grid.write(trailing, at: Point(x: line.maxX - trailingWidth, y: line.y), style: theme[.statusBar], clip: line)
        }
    }
}
