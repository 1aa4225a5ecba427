import TUIKit

/// The Settings screen: themes on the left (the frame is drawn in the highlighted one), every
/// other setting on the right, secrets masked.
enum SettingsView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let s = state.settings
        guard !s.loading, !s.unavailable else {
            Block(title: "Settings", focused: true).render(into: &grid, area: area, theme: theme)
            let text = s.unavailable ? "Settings are not available in this session." : "Loading…"
            grid.write(text, at: Point(x: area.x + 2, y: area.y + 1), style: theme[.dim], clip: area.inset(1))
            return nil
        }
        let columns = area.splitHorizontally([.fixed(min(28, max(22, area.width / 4))), .fill])
        let themes = themeList(s, area: columns[0], grid: &grid, theme: theme)
        let values = valueList(s, area: columns[1], grid: &grid, theme: theme)
        return s.pane == .themes ? themes : values
    }

    static func themeList(_ s: SettingsState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let focused = s.pane == .themes
        Block(title: "Theme", footer: "● saved", focused: focused).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        let items = s.themes.map { ListItem($0, badge: $0 == s.savedTheme ? "●" : nil) }
        ListView(items: items, selected: s.themeRow, focused: focused, emptyText: "no themes").render(into: &grid, area: inner, theme: theme)
        let first = Scrolling.offset(keeping: s.themeRow, visible: max(1, inner.height), current: 0, count: items.count)
        return Point(x: inner.x, y: inner.y + s.themeRow - first)
    }

    static func valueList(_ s: SettingsState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let focused = s.pane == .values
        Block(title: "Settings", footer: focused ? "enter edits" : "tab to edit", focused: focused).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        // Section headings are drawn between rows; the cursor follows the selected entry.
        var lines: [(text: String, entry: Int?)] = []
        var section = ""
        for (index, entry) in s.entries.enumerated() {
            if entry.section != section {
                if !lines.isEmpty { lines.append(("", nil)) }
                lines.append((entry.section, nil))
                section = entry.section
            }
            lines.append(("  " + pad(entry.label, 22) + " " + entry.value + (entry.editable ? "" : "  (read-only)"), index))
        }
        let selectedLine = lines.firstIndex { $0.entry == s.entryRow } ?? 0
        let first = Scrolling.offset(keeping: selectedLine, visible: max(1, inner.height), current: 0, count: lines.count)
        for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let selected = line.entry == s.entryRow && focused
            if selected { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: .blank(theme[.selection])) }
            let role: StyleRole = selected ? .selection : (line.entry == nil ? .title : .text)
            grid.write(line.text, at: Point(x: inner.x, y: y), style: theme[role], clip: inner)
        }
        return Point(x: inner.x, y: inner.y + selectedLine - first)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let w = TextWidth.width(of: text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }
}
