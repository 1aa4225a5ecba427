import FormCore
import TUIKit

/// Where the builder's panes are for a terminal size: shared by the view and the mouse.
enum BuilderLayout {
    /// The screen between the header row and the key bar.
    static func body(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2)) }

    /// Each pane shown and its rectangle (one pane under a tabs row when narrow).
    static func panes(_ b: BuilderState, area: Rect) -> [(pane: BuilderPane, rect: Rect)] {
        if area.width < BuilderView.tabsBelowWidth {
            return [(b.focus, area.splitVertically([.fixed(1), .fill])[1])]
        }
        return Array(zip(BuilderPane.allCases, area.splitHorizontally([.percent(38), .percent(30), .fill])))
    }

    /// The tree pane's inner height for `size` (its height as a tab when it is not shown).
    static func treeHeight(_ b: BuilderState, size: Size) -> Int {
        let area = body(size)
        let rect = panes(b, area: area).first { $0.pane == .tree }?.rect ?? area.splitVertically([.fixed(1), .fill])[1]
        return max(1, rect.height - 2)
    }

    /// Keeps the stored tree offset so the selection stays on screen with as little scrolling
    /// as possible (moving up from the bottom of a long form does not jump).
    static func scrollTree(_ b: inout BuilderState, size: Size) {
        b.treeOffset = firstTreeRow(b, height: treeHeight(b, size: size))
    }

    /// The first tree row on screen.
    static func firstTreeRow(_ b: BuilderState, height: Int) -> Int {
        Scrolling.offset(keeping: b.selectedRow, visible: height, current: b.treeOffset, count: b.rows.count)
    }
}

/// The mouse in the builder: click to focus and select, drag a field to move it, wheel to
/// scroll. Never required: every one of these has a key.
enum BuilderMouse {
    static func reduce(_ event: MouseEvent, _ app: inout AppState) -> [Effect] {
        guard app.screen == .builder, app.overlay == nil, var b = app.builder else { return [] }
        defer {
            BuilderLayout.scrollTree(&b, size: app.size)
            app.builder = b
        }
        switch event.action {
        case .scrollUp: return BuilderReducer.reduceInPlace(.up, &b, &app)
        case .scrollDown: return BuilderReducer.reduceInPlace(.down, &b, &app)
        case .release:
            guard b.dragging else { return [] }
            b.dragging = false
            return BuilderReducer.reduceInPlace(.dropMove, &b, &app)
        case .press(.left), .drag(.left): break
        default: return []
        }
        guard let (pane, rect) = BuilderLayout.panes(b, area: BuilderLayout.body(app.size)).first(where: { $0.rect.contains(event.position) }) else { return [] }
        let inner = rect.inset(1)
        guard inner.contains(event.position) else { return [] }
        let line = event.position.y - inner.y
        if case .drag = event.action, pane == .tree, b.focus == .tree { return drag(toLine: line, inner: inner, &b, &app) }
        b.focus = pane
        switch pane {
        case .tree:
            let row = BuilderLayout.firstTreeRow(b, height: inner.height) + line
            if b.rows.indices.contains(row) { b.selection = b.rows[row].id }
        case .properties:
            let count = b.selectedField.map { PropertyText.kinds(for: $0).count } ?? 0
            if line < count { b.propertyRow = line }
        case .preview:
            let (lines, _) = PreviewLines.window(b, height: inner.height)
            if lines.indices.contains(line) { b.selection = lines[line].field.id }
        }
        return []
    }

    /// One step toward the row under the pointer per drag report, inside a move-mode trip
    /// (so the whole drag is one undo step, and `esc` still puts it back).
    static func drag(toLine line: Int, inner: Rect, _ b: inout BuilderState, _ app: inout AppState) -> [Effect] {
        guard let current = b.selectedRow else { return [] }
        let target = BuilderLayout.firstTreeRow(b, height: inner.height) + line
        guard target != current else { return [] }
        if !b.dragging {
            b.dragging = true
            b.moveMode = MoveModeState(original: b.form)
        }
        return BuilderReducer.reduceInPlace(target > current ? .moveDown : .moveUp, &b, &app)
    }
}
