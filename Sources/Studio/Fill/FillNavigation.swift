import FormCore
import TUIKit

/// Moving between fields and pages. Pages the rules take off the respondent's path are
/// skipped; the focus always rests on a line of the current page (or nowhere when it has none).
enum FillNavigation {
    /// Moves the focus one field forward or back; false at either end of the page.
    @discardableResult
    static func moveField(forward: Bool, _ fill: inout FillState) -> Bool {
        let lines = fill.focusable
        guard !lines.isEmpty else { return false }
        let current = fill.focus.flatMap { lines.firstIndex(of: $0) }
        let target = current.map { forward ? $0 + 1 : $0 - 1 } ?? (forward ? 0 : lines.count - 1)
        guard lines.indices.contains(target) else { return false }
        fill.focus = lines[target]
        focusChanged(&fill, forward: forward)
        return true
    }

    /// The page after (or before) the current one on the respondent's path.
    static func neighbour(forward: Bool, _ fill: FillState) -> Int? {
        let path = fill.path
        return forward ? path.first { $0 > fill.page } : path.last { $0 < fill.page }
    }

    /// Shows form page `page`, focused on its first (or, going back, last) field.
    static func show(page: Int, forward: Bool, _ fill: inout FillState) {
        fill.page = page
        fill.focus = nil
        fill.editor = nil
        moveField(forward: forward, &fill)
        if fill.focus == nil { focusChanged(&fill, forward: forward) }
    }

    /// Keeps the focus on an existing line after answers changed what the page shows.
    static func settle(_ fill: inout FillState) {
        if !fill.path.contains(fill.page), let next = neighbour(forward: true, fill) ?? neighbour(forward: false, fill) {
            show(page: next, forward: true, &fill)
            return
        }
        let lines = fill.focusable
        if let focus = fill.focus, lines.contains(focus) { return }
        // Keep the place: the first line at or after the old field, else the last one.
        let after = fill.focus.flatMap { old in lines.first { $0.field >= old.field } }
        fill.focus = after ?? lines.last
        focusChanged(&fill, forward: true)
    }

    /// Prepares the newly focused line: its text in the editor, or the option under the cursor.
    static func focusChanged(_ fill: inout FillState, forward: Bool) {
        fill.editor = nil
        fill.option = 0
        guard let item = fill.focus, let field = fill.field(item) else { return }
        let value = fill.value(item)
        switch item.kind {
        case .input:
            switch FillLayout.input(for: field) {
            case .text: fill.editor = TextField(value.isEmpty ? "" : AnswerCoding.text(for: value))
            case .choice, .multiple, .ranking:
                let choices = field.choices?.staticChoices ?? []
                let picked = value.asList.first.map(\.asString)
                fill.option = picked.flatMap { p in choices.firstIndex { $0.value == p } } ?? (forward ? 0 : max(0, choices.count - 1))
            case .yesNo: fill.option = value == .bool(false) ? 1 : 0
            case .consent: fill.option = 0
            case .scale(let low, let high):
                fill.option = value.asNumber.map { Int($0) - low } ?? max(0, (high - low) / 2)
            }
        case .matrixRow(let row):
            let columns = field.matrix?.columns ?? []
            let picked = FillMatrix.pick(value, row: field.matrix?.rows[row].value ?? "")
            fill.option = picked.flatMap { p in columns.firstIndex { $0.value == p } } ?? 0
        default: break
        }
    }

    /// The page and line of the first problem, focused.
    static func jump(to problem: ResponseProblem, _ fill: inout FillState) {
        guard let engine = fill.engine, let index = engine.index.indexByID[problem.fieldID] else { return }
        let page = engine.index.entries[index].page
        if page != fill.page { show(page: page, forward: true, &fill) }
        let lines = fill.focusable
        let match = lines.first { fill.answerPath($0) == problem.path && $0.kind != .entry }
            ?? lines.first { $0.field == index }
        if let match {
            fill.focus = match
            focusChanged(&fill, forward: true)
        }
    }
}

/// Reading and writing one row of a choice matrix (`row=column` items in a list).
enum FillMatrix {
    /// The column picked in `row`.
    static func pick(_ value: Value, row: String) -> String? {
        for item in value.asList {
            let text = item.asString
            if let eq = text.firstIndex(of: "="), String(text[..<eq]) == row { return String(text[text.index(after: eq)...]) }
        }
        return nil
    }

    /// The answer with `row` set to `column` (nil clears that row).
    static func setting(_ value: Value, row: String, to column: String?) -> Value {
        var items = value.asList.filter { !$0.asString.hasPrefix(row + "=") }
        if let column { items.append(.string("\(row)=\(column)")) }
        return .list(items)
    }
}
