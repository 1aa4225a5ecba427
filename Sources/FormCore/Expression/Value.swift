import Foundation

/// A value an answer or an expression can hold.
///
/// `.empty` is an unanswered question. The empty string `""` and the empty list `[]` behave
/// exactly like `.empty` in every operation (see `isEmpty` and docs/expressions.md).
public enum Value: Hashable, Sendable {
    /// No answer.
    case empty
    /// A number (integers and decimals alike).
    case number(Double)
    /// Text, including single-choice answers (the choice name).
    case string(String)
    /// A yes/no value.
    case bool(Bool)
    /// A calendar date with no time zone.
    case date(LocalDate)
    /// A time of day with no time zone.
    case time(LocalTime)
    /// A date and time with no time zone.
    case dateTime(LocalDateTime)
    /// A length of time in seconds.
    case duration(Double)
    /// Several values: the choices of a multiple-choice answer, or one column of a repeat.
    case list([Value])
    /// A location in decimal degrees.
    case geopoint(latitude: Double, longitude: Double)

    /// True for `.empty`, `""` and `[]`: the values that count as "no answer".
    @inlinable
    public var isEmpty: Bool {
        switch self {
        case .empty: return true
        case .string(let s): return s.isEmpty
        case .list(let items): return items.isEmpty
        default: return false
        }
    }

    /// The static type of this value; `.any` for `.empty`.
    public var type: ValueType {
        switch self {
        case .empty: return .any
        case .number: return .number
        case .string: return .text
        case .bool: return .bool
        case .date: return .date
        case .time: return .time
        case .dateTime: return .dateTime
        case .duration: return .duration
        case .list: return .list
        case .geopoint: return .geopoint
        }
    }

    /// The value as a number: numbers as-is, numeric text parsed, booleans as 1/0,
    /// durations as seconds; `nil` for anything else (including empty).
    public var asNumber: Double? {
        switch self {
        case .number(let n): return n
        case .duration(let s): return s
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return Value.parseNumber(s)
        default: return nil
        }
    }

    /// The value as a truth value for `and`, `or`, `not` and `if`.
    ///
    /// Empty is false; numbers are true when non-zero; text `true`/`yes`/`1` is true and
    /// `false`/`no`/`0` is false (case-insensitive); a list is true when it has items.
    /// Any other text, and dates, are not truth values: `nil`.
    public var asBool: Bool? {
        switch self {
        case .empty: return false
        case .bool(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .list(let items): return !items.isEmpty
        case .string(let s):
            switch s.lowercased() {
            case "": return false
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The display form: what a person would read in a report cell or an explanation.
    /// Empty is `""`; numbers drop a trailing `.0`; dates are ISO 8601; lists join with a space.
    public var asString: String {
        switch self {
        case .empty: return ""
        case .number(let n): return Value.format(number: n)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.iso
        case .time(let t): return t.iso
        case .dateTime(let dt): return dt.iso
        case .duration(let s): return Value.format(number: s) + "s"
        case .list(let items): return items.map(\.asString).joined(separator: " ")
        case .geopoint(let lat, let lon): return Value.format(number: lat) + " " + Value.format(number: lon)
        }
    }

    /// The value as a date: dates as-is, the date part of a date-time, ISO text parsed.
    public var asDate: LocalDate? {
        switch self {
        case .date(let d): return d
        case .dateTime(let dt): return dt.date
        case .string(let s): return LocalDate(iso: s) ?? LocalDateTime(iso: s)?.date
        default: return nil
        }
    }

    /// The elements of a list; a single non-empty value is a one-element list; empty is `[]`.
    public var asList: [Value] {
        switch self {
        case .list(let items): return items
        default: return isEmpty ? [] : [self]
        }
    }

    /// Formats a number the way people write it: `3`, `3.5`, `-0.25`, `1e+20`.
    public static func format(number n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 {
            return String(Int64(n))
        }
        return n.description
    }

    /// Parses decimal text such as `42`, `-3.5`, ` 1e3 ` (surrounding spaces allowed);
    /// `nil` for non-numeric text, `inf` and `nan`.
    public static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.unicodeScalars.first,
              first == "-" || first == "+" || first == "." || ("0"..."9").contains(first),
              let n = Double(trimmed), n.isFinite else { return nil }
        return n
    }
}

extension Value: CustomStringConvertible {
    /// A quoted form for explanations: text in single quotes, empty as `empty`, others as shown.
    public var description: String {
        switch self {
        case .empty: return "empty"
        case .string(let s): return s.isEmpty ? "empty" : "'" + s + "'"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        default: return asString
        }
    }
}
