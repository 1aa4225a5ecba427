import FormCore
import TUIKit

/// Keys that go to the focused field: typing, picking, toggling. Returns nil when the field
/// has no use for the key (so the global keys, like `q`, still work).
enum FillInput {
    static func key(_ key: KeyEvent, _ fill: inout FillState, _ app: inout AppState) -> [Effect]? {
        guard let item = fill.focus, let field = fill.field(item) else { return nil }
        switch item.kind {
        case .addEntry:
            guard key.key == .enter || key.key == .char(" ") else { return nil }
            return FillAnswers.addEntry(item, &fill, &app)
        case .entry:
            guard key.key == .delete else { return nil }
            return FillAnswers.removeEntry(item, &fill, &app)
        case .matrixRow(let row): return matrix(key, row: row, field, item, &fill)
        case .input: break
        default: return nil
        }
        guard fill.engine?.state(ofIndex: item.field, instance: item.instance)?.enabled ?? false else {
            if case .char = key.key { app.showToast("\(FillAnswers.label(field)) is disabled", kind: .error) }
            return key.key == .char("q") ? nil : []
        }
        switch FillLayout.input(for: field) {
        case .text: return text(key, &fill)
        case .choice, .multiple, .ranking: return choice(key, field, item, &fill)
        case .yesNo: return yesNo(key, item, &fill)
        case .consent:
            guard key.key == .char(" ") || key.key == .enter else { return clearing(key, item, &fill) }
            return FillAnswers.set(fill.value(item) == .bool(true) ? nil : .bool(true), for: item, &fill)
        case .scale(let low, let high): return scale(key, low: low, high: high, item, &fill)
        }
    }

    /// Typing into the editor; enter commits and moves on.
    static func text(_ key: KeyEvent, _ fill: inout FillState) -> [Effect]? {
        if key.key == .enter {
            var effects: [Effect] = []
            if FillAnswers.commitEditor(&fill, effects: &effects) { FillNavigation.moveField(forward: true, &fill) }
            return effects
        }
        guard var editor = fill.editor, editor.handle(key) else { return nil }
        fill.editor = editor
        return []
    }

    /// A list of choices: arrows move (past the ends to the next field), enter or space picks
    /// (toggles for several), a letter jumps to the next choice starting with it.
    static func choice(_ key: KeyEvent, _ field: Field, _ item: FillItem, _ fill: inout FillState) -> [Effect]? {
        let choices = field.choices?.staticChoices ?? []
        switch key.key {
        case .up:
            guard fill.option > 0 else {
                FillNavigation.moveField(forward: false, &fill)
                return []
            }
            fill.option -= 1
        case .down:
            guard fill.option < choices.count - 1 else {
                FillNavigation.moveField(forward: true, &fill)
                return []
            }
            fill.option += 1
        case .enter, .char(" "):
            guard choices.indices.contains(fill.option) else { return [] }
            return pick(choices[fill.option].value, field, item, &fill)
        case .backspace, .delete:
            return FillAnswers.set(nil, for: item, &fill)
        case .char(let c) where key.modifiers.isEmpty:
            let start = fill.option + 1
            let order = Array(choices.indices[min(start, choices.count)...]) + Array(choices.indices[..<min(start, choices.count)])
            guard let hit = order.first(where: { choices[$0].label.lowercased().hasPrefix(String(c).lowercased()) }) else {
                return c == "q" ? nil : []
            }
            fill.option = hit
        default: return nil
        }
        return []
    }

    /// Picks (single), toggles (several) or ranks (in order of picking) a choice.
    static func pick(_ choice: String, _ field: Field, _ item: FillItem, _ fill: inout FillState) -> [Effect] {
        guard field.type.answerKind == .list else { return FillAnswers.set(.string(choice), for: item, &fill) }
        var picks = fill.value(item).asList.map(\.asString)
        if let at = picks.firstIndex(of: choice) { picks.remove(at: at) } else { picks.append(choice) }
        return FillAnswers.set(.list(picks.map { .string($0) }), for: item, &fill)
    }

    static func yesNo(_ key: KeyEvent, _ item: FillItem, _ fill: inout FillState) -> [Effect]? {
        switch key.key {
        case .left, .char("y"), .char("Y"):
            fill.option = 0
            if key.key != .left { return FillAnswers.set(.bool(true), for: item, &fill) }
        case .right, .char("n"), .char("N"):
            fill.option = 1
            if key.key != .right { return FillAnswers.set(.bool(false), for: item, &fill) }
        case .enter, .char(" "): return FillAnswers.set(.bool(fill.option == 0), for: item, &fill)
        default: return clearing(key, item, &fill)
        }
        return []
    }

    /// A scale: left/right move and set, a digit sets (0–9), enter or space sets the marked one.
    static func scale(_ key: KeyEvent, low: Int, high: Int, _ item: FillItem, _ fill: inout FillState) -> [Effect]? {
        switch key.key {
        case .left: fill.option = max(0, fill.option - 1)
        case .right: fill.option = min(high - low, fill.option + 1)
        case .char(let c) where c.isNumber:
            guard let digit = c.wholeNumberValue, (low...high).contains(digit) else { return [] }
            fill.option = digit - low
        case .enter, .char(" "): break
        default: return clearing(key, item, &fill)
        }
        return FillAnswers.set(.number(Double(low + fill.option)), for: item, &fill)
    }

    /// A matrix row: left/right move between columns, enter or space picks, backspace clears.
    static func matrix(_ key: KeyEvent, row: Int, _ field: Field, _ item: FillItem, _ fill: inout FillState) -> [Effect]? {
        guard let matrix = field.matrix, matrix.rows.indices.contains(row) else { return nil }
        let rowValue = matrix.rows[row].value
        switch key.key {
        case .left: fill.option = max(0, fill.option - 1)
        case .right: fill.option = min(matrix.columns.count - 1, fill.option + 1)
        case .enter, .char(" "):
            guard matrix.columns.indices.contains(fill.option) else { return [] }
            let value = FillMatrix.setting(fill.value(item), row: rowValue, to: matrix.columns[fill.option].value)
            return FillAnswers.set(value, for: item, &fill)
        case .backspace, .delete:
            return FillAnswers.set(FillMatrix.setting(fill.value(item), row: rowValue, to: nil), for: item, &fill)
        default: return nil
        }
        return []
    }

    /// Backspace or delete clears the answer; other keys are not the field's.
    static func clearing(_ key: KeyEvent, _ item: FillItem, _ fill: inout FillState) -> [Effect]? {
        guard key.key == .backspace || key.key == .delete else { return nil }
        return FillAnswers.set(nil, for: item, &fill)
    }
}
