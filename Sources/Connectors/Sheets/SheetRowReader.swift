import FormCore
import Foundation

/// Turns one sheet row into answers, through FormCore's `AnswerCoding`, so a sheet is read
/// exactly like a CSV file. Sheet specifics handled first: serial-number dates and times, and
/// Google Forms' checkbox answers joined with ", " instead of ";".
struct SheetRowReader {
    let columns: [SheetColumnMapping.Column]

    /// The answers and submission time of a row, or the problems that stop it being read.
    func read(_ cells: [SheetValue]) -> (answers: Answers, submittedAt: String?, problems: [(column: String?, message: String)]) {
        var answers = Answers()
        var submittedAt: String?
        var problems: [(String?, String)] = []
        for (index, cell) in cells.enumerated() where cell != .empty {
            guard index < columns.count else {
                problems.append((nil, "the row has a value in column \(A1Range.column(index + 1)) beyond the header"))
                continue
            }
            switch columns[index] {
            case .ignored: continue
            case .timestamp: submittedAt = Self.timestamp(cell)
            case .field(let field):
                do {
                    let value = try Self.value(cell, for: field)
                    if !value.isEmpty { answers.values[field.key] = value }
                } catch let error as AnswerError {
                    problems.append((field.key, error.message))
                } catch {
                    problems.append((field.key, "\(error)"))
                }
            }
        }
        return (answers, submittedAt, problems)
    }

    /// One cell as a typed value for `field`.
    static func value(_ cell: SheetValue, for field: Field) throws -> Value {
        switch cell {
        case .empty: return .empty
        case .bool(let bool): return try AnswerCoding.value(fromJSON: .bool(bool), for: field)
        case .number(let number):
            if let text = serialText(number, kind: field.type.answerKind) { return try AnswerCoding.value(fromText: text, for: field) }
            return try AnswerCoding.value(fromJSON: .number(number), for: field)
        case .string(let text):
            if field.type.answerKind == .list, !text.contains(";"), text.contains(", ") {
                return try AnswerCoding.value(fromText: text.replacingOccurrences(of: ", ", with: ";"), for: field)
            }
            return try AnswerCoding.value(fromText: text, for: field)
        }
    }

    /// A serial number (days since 1899-12-30, fraction = time of day) as ISO text for date
    /// and time fields; nil for other fields.
    static func serialText(_ serial: Double, kind: AnswerKind) -> String? {
        let seconds = Int((serial * 86_400).rounded())
        // 25569 days separate 1899-12-30 from 1970-01-01.
        let unix = seconds - 25_569 * 86_400
        switch kind {
        case .date: return LocalDate(daysSince1970: Int((Double(unix) / 86_400).rounded(.down))).iso
        case .dateTime: return LocalDateTime(secondsSince1970: unix).iso
        case .time: return LocalTime(secondsSinceMidnight: ((seconds % 86_400) + 86_400) % 86_400).iso
        default: return nil
        }
    }

    /// The submission time as ISO text: serial numbers converted, text kept.
    static func timestamp(_ cell: SheetValue) -> String? {
        switch cell {
        case .number(let serial): return serialText(serial, kind: .dateTime)
        case .string(let text): return text
        default: return nil
        }
    }
}
