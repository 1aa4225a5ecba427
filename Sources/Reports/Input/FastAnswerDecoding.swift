import FormCore

/// Reads CSV cells into values without Foundation string trimming, which dominates the cost
/// of `AnswerCoding.value(fromText:for:)` on Linux (about 40 µs per row of the benchmark).
///
/// It handles only the common, unambiguous shapes — text, plain numbers, yes/no words, ISO
/// dates and `;`-lists without blanks — in cells with no surrounding whitespace, and gives
/// exactly the value `AnswerCoding` would (a test checks them side by side). Everything else,
/// including every error, goes to `AnswerCoding`, so messages stay the same.
enum FastAnswerDecoding {
    static func value(fromCell cell: String, for field: Field) throws -> Value {
        guard let fast = fastValue(cell, field) else { return try AnswerCoding.value(fromText: cell, for: field) }
        return fast
    }

    private static func fastValue(_ cell: String, _ field: Field) -> Value? {
        let scalars = cell.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return .empty }
        guard !isBlank(first), !isBlank(last) else { return nil }
        switch field.type.answerKind {
        case .text:
            return .string(cell)
        case .number:
            guard "-+.0123456789".unicodeScalars.contains(first), !cell.contains("%"), let n = Double(cell), n.isFinite else { return nil }
            let whole = field.type == .integer || field.type == .rating || field.type == .opinionScale
            return whole && n != n.rounded() ? nil : .number(n)
        case .bool:
            switch cell {
            case "yes", "true", "1", "y", "Yes", "YES", "True", "TRUE", "Y": return .bool(true)
            case "no", "false", "0", "n", "No", "NO", "False", "FALSE", "N": return .bool(false)
            default: return nil
            }
        case .date:
            return LocalDate(iso: cell).map(Value.date)
        case .list:
            guard !scalars.contains(where: isBlank) else { return nil }
            return .list(cell.split(separator: ";").map { .string(String($0)) })
        default:
            return nil
        }
    }

    /// Space, tab and other space separators (what `CharacterSet.whitespaces` holds).
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }
}
