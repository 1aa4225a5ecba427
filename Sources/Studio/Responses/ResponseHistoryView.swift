import FormCore
import TUIKit

/// The revision history of one response: a list of versions, or one old version read only.
enum ResponseHistoryView {
    static func render(_ history: ResponseHistoryState, _ d: ResponseDetailState, area: Rect, grid: inout CellGrid, theme: Theme) {
        let id = d.detail.id
        if let n = history.viewing, history.versions.indices.contains(n) {
            let version = history.versions[n]
            let title = "Response \(id) · revision \(version.revision) of \(history.versions.count) · read only"
            Block(title: title, footer: "saved \(ResponsesView.stamp(version.savedAt)) · \(version.status) · esc: back to the list", focused: true)
                .render(into: &grid, area: area, theme: theme)
            var old = d
            old.lines = history.lines
            old.offset = history.offset
            let inner = area.inset(by: .symmetric(vertical: 1, horizontal: 2))
            ResponseDetailView.renderLines(old, area: inner, grid: &grid, theme: theme)
            return
        }
        let count = history.versions.count
        Block(title: "Response \(id) · history · \(count) revision\(count == 1 ? "" : "s")",
              footer: "enter: read the revision · esc: back", focused: true).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(by: .symmetric(vertical: 1, horizontal: 2))
        let first = Scrolling.offset(keeping: history.selected, visible: max(1, inner.height), current: 0, count: count)
        for (row, n) in history.versions.indices.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let selected = n == history.selected
            let text = (selected ? "› " : "  ") + history.line(n, stamp: ResponsesView.stamp)
            grid.write(text, at: Point(x: inner.x, y: y), style: theme[selected ? .accent : .text], clip: Rect(x: inner.x, y: y, width: inner.width, height: 1))
        }
    }
}
