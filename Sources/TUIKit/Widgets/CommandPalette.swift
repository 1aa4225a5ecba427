/// The state of an open command palette: the query being typed and the highlighted result.
public struct CommandPaletteState: Hashable, Sendable {
    /// The query field.
    public var query: TextField
    /// The highlighted result index.
    public var selected: Int

    /// A palette with an empty query.
    public init(query: String = "", selected: Int = 0) {
        self.query = TextField(query)
        self.selected = selected
    }

    /// Moves the highlight by `delta`, clamped to `count` results.
    public mutating func moveSelection(by delta: Int, count: Int) {
        selected = count == 0 ? 0 : min(max(0, selected + delta), count - 1)
    }
}

/// The `ctrl+p` palette: a query line over the fuzzy-ranked commands, matches highlighted.
public struct CommandPalette: Widget {
    /// Every command the palette can run.
    public var hints: [CommandHint]
    /// The query and highlight.
    public var state: CommandPaletteState

    /// Creates a palette view.
    public init(hints: [CommandHint], state: CommandPaletteState) {
        self.hints = hints
        self.state = state
    }

    /// The commands matching the query, best first.
    public var results: [(item: CommandHint, match: FuzzyMatch)] {
        FuzzyMatcher.rank(state.query.text, hints) { $0.title }
    }

    /// The highlighted command, if any (what enter runs).
    public var selectedHint: CommandHint? {
        let found = results
        return found.indices.contains(state.selected) ? found[state.selected].item : nil
    }

    /// The palette box: near the top, centred, at most 60 wide.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width, 60)
        let height = min(area.height, max(4, min(hints.count, 12) + 3))
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + min(2, max(0, area.height - height)), width: width, height: height)
    }

    /// Where the caret of the query line is.
    public func cursorPosition(in area: Rect) -> Point? {
        let inner = frame(in: area).inset(1)
        guard inner.width > 2 else { return nil }
        return TextInputView(field: state.query).cursorPosition(in: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1))
    }

    /// Draws the query line and the visible results.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 8, box.height >= 4 else { return }
        let found = results
        Block(title: "Commands", footer: "\(found.count)/\(hints.count)", focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
        let inner = box.inset(1)
        grid.write("> ", at: inner.origin, style: theme[.dialog].patched(with: theme[.accent]), clip: inner)
        TextInputView(field: state.query, placeholder: "type to search").render(into: &grid, area: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), theme: theme)
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let items = found.map { result in
            ListItem(result.item.title, badge: result.item.keyLabel, role: result.item.isEnabled ? .text : .disabled, highlighted: Set(result.match.indices))
        }
        ListView(items: items, selected: found.isEmpty ? nil : state.selected, emptyText: "no matching command").render(into: &grid, area: list, theme: theme)
    }
}
