import Foundation

/// Equality and ordering between values, with the few coercions documented in
/// docs/expressions.md: numeric text against numbers, ISO text against dates and times,
/// yes/no text against booleans.
enum Comparison {
    /// `a = b`. Never fails: values that cannot be compared are unequal, two empties are equal.
    static func equals(_ a: Value, _ b: Value) -> Bool {
        let aEmpty = a.isEmpty, bEmpty = b.isEmpty
        if aEmpty || bEmpty { return aEmpty && bEmpty }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.list(let x), .list(let y)): return sameElements(x, y)
        case (.list(let x), _): return x.count == 1 && equals(x[0], b)
        case (_, .list(let y)): return y.count == 1 && equals(a, y[0])
        case (.geopoint, .geopoint): return a == b
        default: return order(a, b) == .orderedSame
        }
    }

    /// Lists compare as sets: the order of selected choices does not matter.
    private static func sameElements(_ x: [Value], _ y: [Value]) -> Bool {
        x.allSatisfy { item in y.contains { equals(item, $0) } }
            && y.allSatisfy { item in x.contains { equals(item, $0) } }
    }

    /// Orders two non-empty values; `nil` when their types cannot be ordered against each other.
    static func order(_ a: Value, _ b: Value) -> ComparisonResult? {
        switch (a, b) {
        case (.number(let x), .number(let y)): return compare(x, y)
        case (.string(let x), .string(let y)): return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
        case (.number(let x), .string(let y)): return Value.parseNumber(y).flatMap { compare(x, $0) }
        case (.string(let x), .number(let y)): return Value.parseNumber(x).flatMap { compare($0, y) }
        case (.duration(let x), .duration(let y)): return compare(x, y)
        case (.bool(let x), .bool(let y)): return compare(x ? 1 : 0, y ? 1 : 0)
        case (.bool, .string), (.string, .bool), (.bool, .number), (.number, .bool):
            guard let x = a.asBool, let y = b.asBool else { return nil }
            return compare(x ? 1 : 0, y ? 1 : 0)
        default: return orderTemporal(a, b)
        }
    }

    /// Dates, times and date-times; ISO text is read as the other side's type, and a date
    /// against a date-time is taken at midnight.
    private static func orderTemporal(_ a: Value, _ b: Value) -> ComparisonResult? {
        switch (a, b) {
        case (.time(let x), .time(let y)): return compare(x.secondsSinceMidnight, y.secondsSinceMidnight)
        case (.time(let x), .string(let s)): return LocalTime(iso: s).map { compare(x.secondsSinceMidnight, $0.secondsSinceMidnight) }
        case (.string(let s), .time(let y)): return LocalTime(iso: s).map { compare($0.secondsSinceMidnight, y.secondsSinceMidnight) }
        default:
            guard let x = instant(a, other: b), let y = instant(b, other: a) else { return nil }
            return compare(x, y)
        }
    }

    /// Seconds since 1970 for a date or date-time, or for ISO text when the other side is one.
    private static func instant(_ v: Value, other: Value) -> Int? {
        switch v {
        case .date(let d): return d.daysSince1970 * 86_400
        case .dateTime(let dt): return dt.secondsSince1970
        case .string(let s):
            switch other {
            case .date, .dateTime:
                if let d = LocalDate(iso: s) { return d.daysSince1970 * 86_400 }
                return LocalDateTime(iso: s)?.secondsSince1970
            default: return nil
            }
        default: return nil
        }
    }

    private static func compare<T: Comparable>(_ x: T, _ y: T) -> ComparisonResult {
        x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
    }

    /// `a < b` and friends: false when either side is empty; throws when the types
    /// cannot be ordered.
    static func ordered(_ op: BinaryOperator, _ a: Value, _ b: Value, range: SourceRange) throws(EvaluationError) -> Bool {
        if a.isEmpty || b.isEmpty { return false }
        guard let result = order(a, b) else { throw .mismatch(op.rawValue, a, b, at: range) }
        switch op {
        case .less: return result == .orderedAscending
        case .lessOrEqual: return result != .orderedDescending
        case .greater: return result == .orderedDescending
        default: return result != .orderedAscending
        }
    }

    /// `contains`, `startswith`, `endswith` and `matches`: false when either side is empty.
    static func text(_ op: BinaryOperator, _ a: Value, _ b: Value, range: SourceRange) throws(EvaluationError) -> Bool {
        if a.isEmpty || b.isEmpty { return false }
        if op == .contains, case .list(let items) = a {
            return items.contains { equals($0, b) }
        }
        guard isTextLike(a), isTextLike(b) else { throw .mismatch(op.rawValue, a, b, at: range) }
        let text = a.asString, needle = b.asString
        switch op {
        case .contains: return text.contains(needle)
        case .startsWith: return text.hasPrefix(needle)
        case .endsWith: return text.hasSuffix(needle)
        default:
            switch RegexCache.shared.matches(text, pattern: needle) {
            case .success(let matched): return matched
            case .failure: throw EvaluationError(.invalidRegex(pattern: needle), range: range)
            }
        }
    }

    /// Scalars whose display form is meaningful text (not lists or locations).
    private static func isTextLike(_ v: Value) -> Bool {
        switch v {
        case .list, .geopoint: return false
        default: return true
        }
    }
}
