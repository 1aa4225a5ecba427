import FormCore
import TUIKit

/// The rule editor: rules on the left; the selected rule's action, targets and condition rows
/// (or its raw expression) on the right; the linter's findings underneath.
enum RuleEditorView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        guard let r = state.rules, let b = state.builder else { return nil }
        let form = b.form
        let problems = problemLines(b)
        let split = area.splitVertically([.fill, .fixed(min(max(3, problems.count + 2), area.height / 3))])
        let narrow = area.width < 90
        let columns = narrow ? [split[0], split[0]] : split[0].splitHorizontally([.percent(40), .fill])
        if !narrow || r.focus == .list {
            let items = form.rules.map { ListItem(RuleText.summary($0, in: form), badge: $0.id) }
            Block(title: "Rules", footer: "\(form.rules.count)", focused: r.focus == .list).render(into: &grid, area: columns[0], theme: theme)
            ListView(items: items, selected: form.rules.isEmpty ? nil : r.selectedRule, focused: r.focus == .list,
                     emptyText: "No rules: press n to add one for the selected field").render(into: &grid, area: columns[0].inset(1), theme: theme)
        }
        var cursor: Point?
        if !narrow || r.focus == .editor {
            cursor = editor(r, form: form, area: columns[1], grid: &grid, theme: theme)
        }
        Block(title: "Problems", footer: "\(b.lint.count)").render(into: &grid, area: split[1], theme: theme)
        let inner = split[1].inset(1)
        for (row, line) in problems.prefix(inner.height).enumerated() {
            grid.write(TextLayout.truncate(line.text, to: inner.width), at: Point(x: inner.x, y: inner.y + row), style: theme[line.role], clip: inner)
        }
        return cursor
    }

    static func problemLines(_ b: BuilderState) -> [(text: String, role: StyleRole)] {
        var lines: [(String, StyleRole)] = []
        if let error = b.engineError { lines.append(("✗ " + error, .error)) }
        for issue in b.lint { lines.append(("\(issue.severity == .error ? "✗" : "!") \(issue.location): \(issue.message)", issue.severity == .error ? .error : .warning)) }
        if lines.isEmpty { lines.append(("✓ no problems found", .success)) }
        return lines
    }

    static func editor(_ r: RuleEditorState, form: Form, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        guard form.rules.indices.contains(r.selectedRule) else {
            Block(title: "Rule", focused: r.focus == .editor).render(into: &grid, area: area, theme: theme)
            return nil
        }
        let rule = form.rules[r.selectedRule]
        Block(title: "Rule \(rule.id)" + (r.raw != nil ? " · raw" : ""), focused: r.focus == .editor).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        let focused = r.focus == .editor
        func lineStyle(_ line: Int) -> Style { focused && r.line == line && r.raw == nil ? theme[.selection] : theme[.text] }
        let targets = rule.targetFieldIds.map { RuleText.key($0, in: form) }.joined(separator: ", ")
        labelled("Action", rule.action.rawValue, row: 0, inner, style: lineStyle(0), grid: &grid, theme: theme)
        labelled("Targets", targets.isEmpty ? "—" : targets, row: 1, inner, style: lineStyle(1), grid: &grid, theme: theme)
        if let raw = r.raw { return rawEditor(raw, form: form, top: inner.y + 3, inner: inner, grid: &grid, theme: theme) }
        grid.write("When", at: Point(x: inner.x, y: inner.y + 2), style: theme[.dim], clip: inner)
        for (index, line) in ConditionLine.flatten(rule.when).enumerated() {
            let y = inner.y + 3 + index
            guard y < inner.maxY else { break }
            let rect = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            let current = focused && r.line == index + 2
            drawCondition(line, form: form, current: current, column: r.column, rect: rect, grid: &grid, theme: theme)
        }
        return focused ? Point(x: inner.x, y: inner.y + (r.line >= 2 ? r.line + 1 : r.line)) : nil
    }

    static func labelled(_ label: String, _ value: String, row: Int, _ inner: Rect, style: Style, grid: inout CellGrid, theme: Theme) {
        let rect = inner.row(row)
        grid.fill(rect, with: .blank(style))
        grid.write(TextLayout.pad(label, to: 9) + value, at: rect.origin, style: style, clip: rect)
    }

    static func drawCondition(_ line: ConditionLine, form: Form, current: Bool, column: Int, rect: Rect, grid: inout CellGrid, theme: Theme) {
        var x = rect.x + 2 + line.depth * 2
        guard let row = line.row else {
            let style = current ? theme[.selection] : theme[.accent]
            grid.write(line.isAll ? "all of:" : "any of:", at: Point(x: x, y: rect.y), style: style, clip: rect)
            return
        }
        let parts = [RuleText.key(row.sourceFieldId, in: form), row.condition.rawValue, row.condition.takesValue ? RuleText.value(row.value) : ""]
        for (index, part) in parts.enumerated() where !part.isEmpty || index < 2 {
            let style = current && index == column ? theme[.selection] : theme[index == 1 ? .accent : .text]
            x += grid.write("[\(part)]", at: Point(x: x, y: rect.y), style: style, clip: rect) + 1
        }
    }

    static func rawEditor(_ raw: RuleEditorState.RawState, form: Form, top: Int, inner: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        grid.write("Expression", at: Point(x: inner.x, y: top - 1), style: theme[.dim], clip: inner)
        let line = Rect(x: inner.x, y: top, width: inner.width, height: 1)
        let input = TextInputView(field: raw.field, focused: true)
        input.render(into: &grid, area: line, theme: theme)
        if let error = raw.error {
            let column = max(0, (raw.errorColumn ?? 1) - 1 - raw.field.visibleStart(width: line.width))
            grid.write("^ " + error, at: Point(x: min(line.maxX - 1, line.x + column), y: top + 1), style: theme[.error], clip: inner)
        } else {
            let convertible: Bool
            if case .success = RawMode.convert(raw.field.text, form) { convertible = true } else { convertible = false }
            let note = convertible ? "✓ rows can express this (esc: back to rows)" : "rows can't express this: enter stores it on the targets"
            grid.write(TextLayout.truncate(note, to: inner.width), at: Point(x: inner.x, y: top + 1), style: theme[convertible ? .success : .warning], clip: inner)
        }
        return input.cursorPosition(in: line)
    }
}
