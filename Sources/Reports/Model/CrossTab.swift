import FormCore

/// Counts of responses for every pair of answers to two choice fields.
public struct CrossTab: Sendable, Equatable {
    /// The field whose options are the rows.
    public var rowKey: String
    /// The field whose options are the columns.
    public var columnKey: String
    /// Row option labels.
    public var rowLabels: [String]
    /// Column option labels.
    public var columnLabels: [String]
    /// `counts[row][column]`.
    public var counts: [[Int]]

    /// Total per row.
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    /// Total per column.
    public var columnTotals: [Int] { columnLabels.indices.map { c in counts.reduce(0) { $0 + $1[c] } } }
}

/// Streams pairs of answers of two categorical fields into a contingency table. Multiple-choice
/// answers contribute one count per picked option.
struct CrossTabAccumulator {
    let rowField: Field
    let columnField: Field
    private var pairs: [Pair: Int] = [:]

    private struct Pair: Hashable { let row: String; let column: String }

    init(rowField: Field, columnField: Field) {
        self.rowField = rowField
        self.columnField = columnField
    }

    mutating func add(_ answers: Answers) {
        let rows = Self.values(answers[rowField.key])
        let columns = Self.values(answers[columnField.key])
        for row in rows {
            for column in columns { pairs[Pair(row: row, column: column), default: 0] += 1 }
        }
    }

    private static func values(_ value: Value) -> [String] {
        switch value {
        case .empty: return []
        case .bool(let b): return [b ? "yes" : "no"]
        case .list(let items): return Array(Set(items.map(\.asString))).sorted()
        default: return value.isEmpty ? [] : [value.asString]
        }
    }

    func result() -> CrossTab {
        let rowOptions = options(rowField, seen: pairs.keys.map(\.row))
        let columnOptions = options(columnField, seen: pairs.keys.map(\.column))
        let counts = rowOptions.map { row in columnOptions.map { column in pairs[Pair(row: row.value, column: column.value)] ?? 0 } }
        return CrossTab(rowKey: rowField.key, columnKey: columnField.key, rowLabels: rowOptions.map(\.label),
                        columnLabels: columnOptions.map(\.label), counts: counts)
    }

    /// The field's options in form order, then other seen values alphabetically.
    private func options(_ field: Field, seen: [String]) -> [Choice] {
        var known = field.choices?.staticChoices ?? []
        if field.type == .yesNo || field.type == .consent { known = [Choice(value: "yes", label: "Yes"), Choice(value: "no", label: "No")] }
        let knownValues = Set(known.map(\.value))
        return known + Set(seen).subtracting(knownValues).sorted().map { Choice(value: $0) }
    }
}
