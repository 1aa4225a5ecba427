import FormCore
import TUIKit

/// One screen row of a page: styled pieces, whether it is the focused row, and whether the
/// editor goes at its end.
struct FillLine {
    var pieces: [(text: String, role: StyleRole)]
    /// The focused row (drawn highlighted; the cursor rests on it).
    var focused = false
    /// The row holding the editor of the focused text field, after the pieces.
    var editor = false
    /// Which item it belongs to.
    var item: Int

    init(_ pieces: [(text: String, role: StyleRole)], item: Int, focused: Bool = false, editor: Bool = false) {
        self.pieces = pieces
        self.item = item
        self.focused = focused
        self.editor = editor
    }
}

/// Turns a page's items into rows, one field at a time, in the shape each type asks for.
enum FillLines {
    static func lines(_ fill: FillState, width: Int) -> [FillLine] {
        var lines: [FillLine] = []
        for (position, item) in fill.items.enumerated() {
            guard let field = fill.field(item) else { continue }
            let focused = item == fill.focus
            let indent = String(repeating: "  ", count: item.depth)
            let state = fill.engine?.state(ofIndex: item.field, instance: item.instance) ?? FieldState()
            func add(_ pieces: [(text: String, role: StyleRole)], focus: Bool = false, editor: Bool = false) {
                lines.append(FillLine([(indent, .text)] + pieces, item: position, focused: focus, editor: editor))
            }
            switch item.kind {
            case .heading:
                add([(title(field, state) + repeatNote(field, fill, item), .title)])
                if field.type == .choiceMatrix, let matrix = field.matrix { add(matrixHeader(matrix, width: width - indent.count)) }
            case .note:
                for text in TextLayout.wrap(field.label, width: max(1, width - indent.count)) { add([(text, .dim)]) }
            case .calculated:
                let value = state.value.isEmpty ? "—" : TextPreview.display(state.value, field: field)
                add([(FillAnswers.label(field) + ": ", .dim), (value, .text)])
            case .entry:
                add([(lead(focused), .accent), ("Entry \(item.instance.last! + 1)", .accent), (focused ? "  (delete removes it)" : "", .dim)], focus: focused)
            case .addEntry:
                add([(lead(focused), .accent), ("+ Add an entry", focused ? .selection : .dim)], focus: focused)
            case .matrixRow(let row):
                add(matrixRow(field, row: row, fill.value(item), width: width - indent.count, focused: focused, cursor: fill.option), focus: focused)
            case .input:
                add([(title(field, state), .text)] + (state.enabled ? [] : [(" (disabled)", .disabled)]))
                if let help = field.help, !help.isEmpty { add([("  " + help, .dim)]) }
                lines += answerLines(fill, item, field, focused: focused).map {
                    FillLine([(indent, .text)] + $0.pieces, item: position, focused: $0.focused, editor: $0.editor)
                }
            }
            // Entries, add lines and matrix rows share their group's path: its heading shows the message.
            if item.kind == .input || item.kind == .heading, let message = fill.messages[fill.answerPath(item)] {
                add([("  ✗ " + message, .error)])
            }
        }
        return lines
    }

    /// The two columns before an answer row: a marker on the focused one.
    static func lead(_ focused: Bool) -> String { focused ? " ›" : "  " }

    static func title(_ field: Field, _ state: FieldState) -> String {
        FillAnswers.label(field) + (state.required ? " *" : "")
    }

    static func repeatNote(_ field: Field, _ fill: FillState, _ item: FillItem) -> String {
        guard field.type == .repeatGroup else { return "" }
        let count = Int(fill.value(item).asNumber ?? 0)
        let spec = field.repeatSpec ?? RepeatSpec()
        let limits = spec.maxCount.map { " (\(spec.minCount)–\($0))" } ?? (spec.minCount > 0 ? " (at least \(spec.minCount))" : "")
        return "  \(count) entr\(count == 1 ? "y" : "ies")\(limits)"
    }

    /// The rows under a field's label where its answer is given.
    static func answerLines(_ fill: FillState, _ item: FillItem, _ field: Field, focused: Bool) -> [FillLine] {
        let value = fill.value(item)
        let choices = field.choices?.staticChoices ?? []
        switch FillLayout.input(for: field) {
        case .text:
            if focused { return [FillLine([(" ›", .accent)], item: 0, focused: true, editor: true)] }
            let text = value.isEmpty ? "" : TextPreview.display(value, field: field)
            let shown = TextWidth.width(of: text) >= 20 ? text : TextLayout.pad(text, to: 20)
            return [FillLine([("  ", .text), ("[" + shown + "]", .inputField)], item: 0)]
        case .choice, .multiple, .ranking:
            let picks = value.asList.map(\.asString)
            return choices.enumerated().map { index, choice in
                let mark: String
                switch FillLayout.input(for: field) {
                case .choice: mark = picks.contains(choice.value) ? "(•)" : "( )"
                case .multiple: mark = picks.contains(choice.value) ? "[x]" : "[ ]"
                default: mark = picks.firstIndex(of: choice.value).map { "[\($0 + 1)]" } ?? "[ ]"
                }
                let here = focused && fill.option == index
                return FillLine([(lead(here), .accent), (mark + " " + choice.label, here ? .selection : .text)], item: 0, focused: here)
            }
        case .yesNo:
            let yes = value == .bool(true) ? "(•) Yes" : "( ) Yes", no = value == .bool(false) ? "(•) No" : "( ) No"
            return [FillLine([(lead(focused), .accent), (yes, focused && fill.option == 0 ? .selection : .text), ("   ", .text),
                              (no, focused && fill.option == 1 ? .selection : .text)], item: 0, focused: focused)]
        case .consent:
            let mark = value == .bool(true) ? "[x] I agree" : "[ ] I agree"
            return [FillLine([(lead(focused), .accent), (mark, focused ? .selection : .text)], item: 0, focused: focused)]
        case .scale(let low, let high):
            var pieces: [(text: String, role: StyleRole)] = [(lead(focused), .accent)]
            for number in low...high {
                let picked = value.asNumber.map { Int($0) == number } ?? false
                let text = picked ? "[\(number)]" : " \(number) "
                pieces.append((text, focused && fill.option == number - low ? .selection : (picked ? .accent : .text)))
            }
            return [FillLine(pieces, item: 0, focused: focused)]
        }
    }

    static func cellWidth(_ matrix: MatrixSpec, width: Int) -> (label: Int, cell: Int) {
        let columns = max(1, matrix.columns.count)
        let widest = matrix.columns.map { TextWidth.width(of: $0.label) }.max() ?? 4
        let cell = max(5, min(widest + 1, 14, (width - 14) / columns))
        let label = max(8, width - cell * columns - 2)
        return (label, cell)
    }

    static func matrixHeader(_ matrix: MatrixSpec, width: Int) -> [(text: String, role: StyleRole)] {
        let (label, cell) = cellWidth(matrix, width: width)
        let columns = matrix.columns.map { TextLayout.pad(TextLayout.truncate($0.label, to: cell - 1), to: cell, alignment: .center) }
        return [("  " + String(repeating: " ", count: label), .text), (columns.joined(), .dim)]
    }

    static func matrixRow(_ field: Field, row: Int, _ value: Value, width: Int, focused: Bool, cursor: Int) -> [(text: String, role: StyleRole)] {
        guard let matrix = field.matrix, matrix.rows.indices.contains(row) else { return [] }
        let (label, cell) = cellWidth(matrix, width: width)
        let picked = FillMatrix.pick(value, row: matrix.rows[row].value)
        var pieces: [(text: String, role: StyleRole)] = [(lead(focused), .accent), (TextLayout.pad(TextLayout.truncate(matrix.rows[row].label, to: label - 1), to: label), .text)]
        for (index, column) in matrix.columns.enumerated() {
            let mark = TextLayout.pad(picked == column.value ? "(•)" : "( )", to: cell, alignment: .center)
            pieces.append((mark, focused && cursor == index ? .selection : .text))
        }
        return pieces
    }
}
