import Foundation

/// Where an expression finds its answers and the current time.
///
/// The rule engine implements this over a response; `DictionaryContext` is a ready-made one
/// for a REPL, a preview, or tests.
public protocol EvaluationContext {
    /// The answer of the field with `key`; `.empty` when unanswered or unknown.
    func value(of key: String) -> Value
    /// Every answer of the field with `key` across the instances of its repeat, in order
    /// (used by `sum`, `min`, `max`, `avg`, `count`). For a field outside any repeat the
    /// default returns its single answer (or nothing when it is empty).
    func repeatValues(of key: String) -> [Value]
    /// The moment `today()` and `now()` refer to.
    var now: Date { get }
    /// The zone in which `now` is turned into a local date and time.
    var timeZone: TimeZone { get }
}

extension EvaluationContext {
    /// The single answer as a one-element list; empty answers give `[]`.
    public func repeatValues(of key: String) -> [Value] { value(of: key).asList }
    /// The system clock.
    public var now: Date { Date() }
    /// The system time zone.
    public var timeZone: TimeZone { TimeZone.current }

    /// `now` as a local date-time in `timeZone`.
    var localNow: LocalDateTime {
        let instant = now
        let seconds = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return LocalDateTime(secondsSince1970: Int(seconds.rounded(.down)))
    }
}

/// An `EvaluationContext` backed by dictionaries: answers by key, repeat columns by key.
///
/// It is a final class so that passing it as `any EvaluationContext` never boxes it on
/// the heap: contexts bigger than three words are copied into a box on every call.
public final class DictionaryContext: EvaluationContext, Sendable {
    /// Answers by field key.
    public let values: [String: Value]
    /// Repeat columns by field key; keys missing here fall back to `values`.
    public let repeats: [String: [Value]]
    /// The moment `today()` and `now()` refer to.
    public let now: Date
    /// The zone used for `today()` and `now()`.
    public let timeZone: TimeZone

    /// Creates a context; `now` defaults to the system clock and the zone to UTC.
    public init(values: [String: Value] = [:], repeats: [String: [Value]] = [:],
                now: Date = Date(), timeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current) {
        self.values = values
        self.repeats = repeats
        self.now = now
        self.timeZone = timeZone
    }

    /// The stored answer, or `.empty`.
    public func value(of key: String) -> Value { values[key] ?? .empty }

    /// The stored repeat column, or the single answer as a list.
    public func repeatValues(of key: String) -> [Value] { repeats[key] ?? value(of: key).asList }
}
