import Foundation

/// `+ - * / mod` and negation over numbers, dates, times and durations.
/// Any empty operand gives empty; other type combinations throw.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, range: SourceRange) throws(EvaluationError) -> Value {
        if a.isEmpty || b.isEmpty { return .empty }
        if case .number(let x) = a, case .number(let y) = b {
            return .number(try numbers(op, x, y, range: range))
        }
        let result: Value?
        switch op {
        case .add: result = add(a, b) ?? add(b, a)
        case .subtract: result = subtract(a, b)
        case .multiply: result = multiply(a, b) ?? multiply(b, a)
        case .divide: result = try divide(a, b, range: range)
        default: result = nil
        }
        guard let result else { throw .mismatch(op.rawValue, a, b, at: range) }
        return result
    }

    static func negate(_ a: Value, range: SourceRange) throws(EvaluationError) -> Value {
        switch a {
        case _ where a.isEmpty: return .empty
        case .number(let n): return .number(-n)
        case .duration(let s): return .duration(-s)
        default: throw .mismatch("-", a, at: range)
        }
    }

    private static func numbers(_ op: BinaryOperator, _ x: Double, _ y: Double, range: SourceRange) throws(EvaluationError) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide:
            guard y != 0 else { throw EvaluationError(.divisionByZero, range: range) }
            return x / y
        default:
            guard y != 0 else { throw EvaluationError(.divisionByZero, range: range) }
            return x.truncatingRemainder(dividingBy: y)
        }
    }

    /// A whole number of days from a number (fractions are dropped toward zero).
    private static func days(_ n: Double) -> Int? {
        guard n.isFinite, abs(n) < 4_000_000 else { return nil }
        return Int(n.rounded(.towardZero))
    }

    /// Bounded whole seconds, so that date arithmetic never overflows.
    private static func seconds(_ s: Double) -> Int? {
        guard s.isFinite, abs(s) < 4e11 else { return nil }
        return Int(s.rounded(.towardZero))
    }

    /// One ordering of `a + b`; the caller also tries `b + a`.
    private static func add(_ a: Value, _ b: Value) -> Value? {
        switch (a, b) {
        case (.date(let d), .number(let n)): return days(n).map { .date(d.adding(days: $0)) }
        case (.dateTime(let dt), .duration(let s)):
            return seconds(s).map { .dateTime(LocalDateTime(secondsSince1970: dt.secondsSince1970 + $0)) }
        case (.time(let t), .duration(let s)):
            return seconds(s).map { .time(LocalTime(secondsSinceMidnight: t.secondsSinceMidnight + $0)) }
        case (.duration(let x), .duration(let y)): return .duration(x + y)
        default: return nil
        }
    }

    private static func subtract(_ a: Value, _ b: Value) -> Value? {
        switch (a, b) {
        case (.date(let d), .number(let n)): return days(n).map { .date(d.adding(days: -$0)) }
        case (.date(let x), .date(let y)): return .number(Double(x.daysSince1970 - y.daysSince1970))
        case (.dateTime(let x), .dateTime(let y)): return .duration(Double(x.secondsSince1970 - y.secondsSince1970))
        case (.time(let x), .time(let y)): return .duration(Double(x.secondsSinceMidnight - y.secondsSinceMidnight))
        case (.dateTime, .duration), (.time, .duration): return add(a, negated(b))
        case (.duration(let x), .duration(let y)): return .duration(x - y)
        default: return nil
        }
    }

    private static func negated(_ v: Value) -> Value {
        if case .duration(let s) = v { return .duration(-s) }
        return v
    }

    private static func multiply(_ a: Value, _ b: Value) -> Value? {
        if case .duration(let s) = a, case .number(let n) = b { return .duration(s * n) }
        return nil
    }

    private static func divide(_ a: Value, _ b: Value, range: SourceRange) throws(EvaluationError) -> Value? {
        switch (a, b) {
        case (.duration(let s), .number(let n)):
            guard n != 0 else { throw EvaluationError(.divisionByZero, range: range) }
            return .duration(s / n)
        case (.duration(let x), .duration(let y)):
            guard y != 0 else { throw EvaluationError(.divisionByZero, range: range) }
            return .number(x / y)
        default: return nil
        }
    }
}
