import FormCore

/// Which lines a page shows: its visible fields in form order, with repeat entries expanded.
/// Recomputed from the rule engine whenever it is needed, so showing and hiding as answers
/// change needs no bookkeeping.
enum FillLayout {
    /// The lines of form page `page`.
    static func items(_ engine: RuleEngine, page: Int) -> [FillItem] {
        guard engine.index.form.pages.indices.contains(page) else { return [] }
        var items: [FillItem] = []
        add(engine.index.form.pages[page].fields, instance: [], depth: 0, engine, into: &items)
        return items
    }

    private static func add(_ fields: [Field], instance: [Int], depth: Int, _ engine: RuleEngine, into items: inout [FillItem]) {
        for field in fields {
            guard let index = engine.index.indexByID[field.id],
                  let state = engine.state(ofIndex: index, instance: instance), state.visible else { continue }
            func item(_ kind: FillItem.Kind, _ path: [Int] = instance) -> FillItem {
                FillItem(field: index, instance: path, kind: kind, depth: depth)
            }
            switch field.type {
            case .hidden: continue
            case .note: items.append(item(.note))
            case .calculated: items.append(item(.calculated))
            case .group:
                items.append(item(.heading))
                add(field.children, instance: instance, depth: depth + 1, engine, into: &items)
            case .repeatGroup:
                items.append(item(.heading))
                let count = Int(state.value.asNumber ?? 0)
                for entry in 0..<max(0, count) {
                    items.append(FillItem(field: index, instance: instance + [entry], kind: .entry, depth: depth + 1))
                    add(field.children, instance: instance + [entry], depth: depth + 2, engine, into: &items)
                }
                if canAdd(field, count: count) { items.append(FillItem(field: index, instance: instance, kind: .addEntry, depth: depth + 1)) }
            case .choiceMatrix where !(field.matrix?.rows.isEmpty ?? true) && !(field.matrix?.columns.isEmpty ?? true):
                items.append(item(.heading))
                for row in field.matrix!.rows.indices { items.append(FillItem(field: index, instance: instance, kind: .matrixRow(row), depth: depth + 1)) }
            default:
                items.append(item(.input))
            }
        }
    }

    /// Whether the respondent may add another entry (the count is theirs and below the maximum).
    static func canAdd(_ field: Field, count: Int) -> Bool {
        guard let spec = field.repeatSpec else { return true }
        return spec.countExpression == nil && spec.maxCount.map { count < $0 } ?? true
    }

    /// Whether the respondent may remove an entry (the count is theirs and above the minimum).
    static func canRemove(_ field: Field, count: Int) -> Bool {
        guard let spec = field.repeatSpec else { return count > 0 }
        return spec.countExpression == nil && count > spec.minCount
    }

    /// How the focused field takes its answer.
    static func input(for field: Field) -> FillInputKind {
        let choices = field.choices?.staticChoices ?? []
        switch field.type {
        case .singleChoice, .dropdown: return choices.isEmpty ? .text : .choice
        case .multipleChoice: return choices.isEmpty ? .text : .multiple
        case .ranking: return choices.isEmpty ? .text : .ranking
        case .yesNo: return .yesNo
        case .consent: return .consent
        case .rating: return scale(field, 1, 5)
        case .opinionScale: return scale(field, 0, 10)
        default: return .text
        }
    }

    /// A rating or scale with its ends; typed like a number when it has too many steps to show.
    private static func scale(_ field: Field, _ low: Double, _ high: Double) -> FillInputKind {
        let lower = field.validation.min ?? low, upper = field.validation.max ?? high
        guard lower.isFinite, upper.isFinite, upper >= lower, upper - lower <= 20 else { return .text }
        return .scale(min: Int(lower), max: Int(upper))
    }
}

/// The kinds of answer entry the Fill screen offers.
enum FillInputKind: Equatable {
    /// Typed text, checked against the field's type when committed.
    case text
    /// One pick from a list.
    case choice
    /// Several picks, toggled with space.
    case multiple
    /// Picks in order of preference.
    case ranking
    /// Yes or no.
    case yesNo
    /// A tick.
    case consent
    /// A whole number between two ends.
    case scale(min: Int, max: Int)
}
