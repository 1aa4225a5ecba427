import FormCore
import TUIKit

/// Draws a frame from the state: a pure function of state, size and theme.
public enum AppView {
    /// The frame for `state` at `size` in `theme`.
    public static func render(_ state: AppState, size: Size, theme: Theme) -> Frame {
        // Filled at creation: cheaper than painting every cell through `fill`.
        var frame = Frame(grid: CellGrid(size: size, fill: .blank(theme[.text])))
        guard size.width >= 20, size.height >= 6 else {
            frame.grid.write("Formwork: enlarge the terminal", at: .zero, style: theme[.warning])
            return frame
        }
        let rows = frame.grid.bounds.splitVertically([.fixed(1), .fill, .fixed(1)])
        header(state, area: rows[0], grid: &frame.grid, theme: theme)
        var cursor: Point?
        switch state.screen {
        case .forms: cursor = FormsView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        case .builder: cursor = BuilderView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        case .rules: cursor = RuleEditorView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        case .fill: cursor = FillView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        case .reports: cursor = ReportsView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        case .settings: cursor = SettingsView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        case .responses: cursor = ResponsesView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        case .jobs: cursor = JobsView.render(state, area: rows[1], grid: &frame.grid, theme: theme)
        }
        let hints = state.overlay.map(OverlayView.hints) ?? AppKeymap.current(state).barHints(in: state)
        KeyBar(hints: hints, trailing: nil).render(into: &frame.grid, area: rows[2], theme: theme)
        var caretVisible = cursorIsCaret(state)
        if let overlay = state.overlay {
            cursor = OverlayView.render(overlay, state: state, area: rows[1], grid: &frame.grid, theme: theme)
            caretVisible = cursor != nil && OverlayView.hasCaret(overlay)
        }
        if let toast = state.toast {
            Toast(toast.text, kind: toast.kind, maxWidth: min(60, size.width - 2)).render(into: &frame.grid, area: rows[1], theme: theme)
        }
        frame.cursor = cursor
        frame.cursorVisible = caretVisible
        return frame
    }

    static func cursorIsCaret(_ state: AppState) -> Bool {
        switch state.screen {
        case .builder: return state.builder?.editing != nil
        case .rules: return state.rules?.raw != nil
        case .forms: return state.forms.filtering
        case .fill: return state.fill?.editor != nil
        case .reports, .settings: return false
        case .responses: return ResponsesView.hasCaret(state.responses)
        case .jobs: return false
        }
    }

    static func header(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) {
        grid.fill(area, with: .blank(theme[.statusBar]))
        var title = " Formwork"
        switch state.screen {
        case .forms: title += " · Forms"
        case .reports: title += " · Reports"
        case .settings: title += " · Settings"
        case .responses: title += " · Responses"
        case .jobs: title += " · Jobs"
        case .builder, .rules:
            if let b = state.builder { title += " · \(b.form.title)" }
            if state.screen == .rules { title += " · Rules" }
        case .fill: title += " · Fill" + (state.fill?.form.map { " · \($0.title)" } ?? "")
        }
        grid.write(title, at: area.origin, style: theme[.statusBar].adding(.bold), clip: area)
        if NavigationTab.tab(showing: state.screen) != nil {
            NavigationReducer.render(state.screen, in: area, after: TextWidth.width(of: title) + 2, grid: &grid, theme: theme)
        }
        if state.screen == .fill { return FillView.status(state, in: area, grid: &grid, theme: theme) }
        guard let b = state.builder, state.screen == .builder || state.screen == .rules else { return }
        var status: [String] = []
        if b.moveMode != nil { status.append("MOVE") }
        let errors = b.lint.filter { $0.severity == .error }.count
        if errors > 0 { status.append("\(errors) problem\(errors == 1 ? "" : "s")") }
        if b.engineError != nil { status.append("rules: cycle") }
        status.append(b.savingEditCount != nil ? "saving…" : (b.dirty ? "● unsaved" : "saved"))
        let text = status.joined(separator: "  ") + " "
        let width = TextWidth.width(of: text)
        grid.write(text, at: Point(x: area.maxX - width, y: area.y), style: theme[.statusBar], clip: area)
    }
}
