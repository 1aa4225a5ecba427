import Crypto
import FormCore
import Foundation

/// A row ready to store as a response.
public struct PulledRow: Equatable, Sendable {
    /// The row number in the sheet (1-based, as people see it).
    public var row: Int
    /// Identifies the row's content, so a later pull skips it.
    public var fingerprint: String
    /// The answers read from the row.
    public var answers: Answers
    /// The submission time from a `Timestamp` column, as ISO text.
    public var submittedAt: String?
}

/// A row that could not be imported, and why.
public struct SheetRowProblem: Equatable, Sendable, CustomStringConvertible {
    /// The row number in the sheet.
    public var row: Int
    /// The field key (or column) at fault, if one is.
    public var column: String?
    /// What is wrong.
    public var message: String

    /// `row 7: score: "abc" is not a number`.
    public var description: String { "row \(row): " + (column.map { "\($0): " } ?? "") + message }
}

/// What a pull would import: the new rows, the bad rows, and what was already imported.
public struct SheetPullPlan: Equatable, Sendable {
    /// Rows to store, in sheet order.
    public var rows: [PulledRow]
    /// Rows that were not read, each with its row number and reason.
    public var problems: [SheetRowProblem]
    /// Rows skipped because an earlier pull imported them.
    public var alreadyImported: Int
    /// Headers that matched no field (saved into the mapping for the person to edit).
    public var unmapped: [String]
    /// Whether any column maps to a field at all.
    public var mapsAnyField: Bool
}

/// Reads a sheet's rows into answers for a form. Pure: fetching and storing happen elsewhere.
public enum SheetPull {
    /// Plans the import of `range` (header row first) into `form`, skipping rows whose
    /// fingerprint is in `imported`.
    public static func plan(_ range: ValueRange, form: Form, mapping: SheetColumnMapping, imported: Set<String>) -> SheetPullPlan {
        guard let header = range.values.first else {
            return SheetPullPlan(rows: [], problems: [], alreadyImported: 0, unmapped: [], mapsAnyField: false)
        }
        let (columns, unmapped) = mapping.resolve(header: header, form: form)
        let reader = SheetRowReader(columns: columns)
        let firstRow = A1Range.firstRow(of: range.range)
        var plan = SheetPullPlan(rows: [], problems: [], alreadyImported: 0, unmapped: unmapped,
                                 mapsAnyField: columns.contains { if case .field = $0 { return true } else { return false } })
        var seen: [String: Int] = [:]
        for (offset, cells) in range.values.dropFirst().enumerated() {
            let row = firstRow + 1 + offset
            guard cells.contains(where: { $0 != .empty }) else { continue }
            let content = fingerprint(cells)
            // Identical rows are told apart by how many times the content has appeared.
            let occurrence = seen[content, default: 0]
            seen[content] = occurrence + 1
            let id = "\(content)#\(occurrence)"
            if imported.contains(id) {
                plan.alreadyImported += 1
                continue
            }
            let read = reader.read(cells)
            if read.problems.isEmpty {
                plan.rows.append(PulledRow(row: row, fingerprint: id, answers: read.answers, submittedAt: read.submittedAt))
            } else {
                plan.problems += read.problems.map { SheetRowProblem(row: row, column: $0.column, message: $0.message) }
            }
        }
        return plan
    }

    /// A hash of the row's cells (trailing empties dropped, since the API omits them).
    static func fingerprint(_ cells: [SheetValue]) -> String {
        var trimmed = cells
        while trimmed.last == .empty { trimmed.removeLast() }
        let text = trimmed.map { cell -> String in
            switch cell {
            case .string(let s): return "s:" + s
            case .number: return "n:" + cell.description
            case .bool(let b): return "b:\(b)"
            case .empty: return "e:"
            }
        }.joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
