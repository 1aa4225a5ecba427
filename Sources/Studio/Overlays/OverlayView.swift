import TUIKit

/// Draws overlays over the screen body.
enum OverlayView {
    /// What the key bar shows while an overlay has the keys.
    static func hints(_ overlay: Overlay) -> [CommandHint] {
        func hint(_ key: String, _ title: String) -> CommandHint {
            CommandHint(id: "overlay.\(title)", keyLabel: key, title: title, shortTitle: title, group: "Overlay", disabledReason: nil)
        }
        switch overlay {
        case .help, .explain: return [hint("↑/↓", "scroll"), hint("esc", "close")]
        case .palette: return [hint("type", "search"), hint("↑/↓", "choose"), hint("enter", "run"), hint("esc", "close")]
        case .picker(let picker):
            return [hint("type", "filter"), hint("↑/↓", "choose"), hint("enter", picker.purpose == .ruleTarget ? "toggle" : "pick"), hint("esc", "close")]
        case .prompt: return [hint("enter", "ok"), hint("esc", "cancel")]
        case .confirm: return [hint("←/→", "button"), hint("enter", "answer"), hint("esc", "cancel")]
        }
    }

    static func hasCaret(_ overlay: Overlay) -> Bool {
        switch overlay {
        case .palette, .picker, .prompt: return true
        default: return false
        }
    }

    static func render(_ overlay: Overlay, state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        switch overlay {
        case .help(let offset):
            HelpOverlay(sections: AppKeymap.current(state).helpSections(in: state), offset: offset, title: "Keys").render(into: &grid, area: area, theme: theme)
            return nil
        case .palette(let palette):
            let view = CommandPalette(hints: AppKeymap.current(state).hints(in: state), state: palette)
            view.render(into: &grid, area: area, theme: theme)
            return view.cursorPosition(in: area)
        case .picker(let picker): return renderPicker(picker, area: area, grid: &grid, theme: theme)
        case .prompt(let prompt):
            let box = area.centered(Size(width: min(area.width, 60), height: 3))
            Block(title: prompt.title, focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
            let line = box.inset(by: .symmetric(vertical: 1, horizontal: 1))
            // A secret is drawn as one dot per character: its text never reaches the screen.
            let shown = prompt.secret ? TextField(String(repeating: "•", count: prompt.field.text.count), cursor: prompt.field.cursor) : prompt.field
            let input = TextInputView(field: shown, focused: true)
            input.render(into: &grid, area: line, theme: theme)
            return input.cursorPosition(in: line)
        case .confirm(let confirm):
            Dialog(title: confirm.title, message: confirm.message, buttons: confirm.buttons, selectedButton: confirm.selected)
                .render(into: &grid, area: area, theme: theme)
            return nil
        case .explain(let explain):
            let width = min(area.width, 76)
            let wrapped = explain.lines.flatMap { TextLayout.wrap($0, width: max(1, width - 4)) }
            let box = area.centered(Size(width: width, height: min(area.height, wrapped.count + 2)))
            Block(title: "Why", footer: "esc closes", focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
            let inner = box.inset(by: .symmetric(vertical: 1, horizontal: 2))
            for (row, line) in wrapped.dropFirst(explain.offset).prefix(inner.height).enumerated() {
                grid.write(line, at: Point(x: inner.x, y: inner.y + row), style: theme[row == 0 && explain.offset == 0 ? .title : .dialog], clip: inner)
            }
            return nil
        }
    }

    static func renderPicker(_ picker: PickerState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let found = picker.filtered
        let width = min(area.width, 56)
        let height = min(area.height, max(5, min(found.count, 14) + 3))
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + min(1, max(0, area.height - height)), width: width, height: height)
        Block(title: picker.title, footer: "\(found.count)/\(picker.options.count)", focused: true, border: .rounded, fillRole: .dialog)
            .render(into: &grid, area: box, theme: theme)
        let inner = box.inset(1)
        grid.write("> ", at: inner.origin, style: theme[.accent], clip: inner)
        let line = Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1)
        let input = TextInputView(field: picker.filter, placeholder: "type to filter")
        input.render(into: &grid, area: line, theme: theme)
        let items = found.map { result -> ListItem in
            let tick = picker.purpose == .ruleTarget ? (picker.checked.contains(result.item.value) ? "[x] " : "[ ] ") : ""
            let shift = tick.count
            return ListItem(tick + result.item.label, badge: result.item.badge, highlighted: Set(result.match.indices.map { $0 + shift }))
        }
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        ListView(items: items, selected: found.isEmpty ? nil : picker.selected, emptyText: "nothing matches").render(into: &grid, area: list, theme: theme)
        return input.cursorPosition(in: line)
    }
}
