/// The static type of an expression or a field, for the linter's type checks.
public enum ValueType: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// A number.
    case number
    /// Text (also single-choice answers).
    case text
    /// A yes/no value.
    case bool
    /// A calendar date.
    case date
    /// A time of day.
    case time
    /// A date and time.
    case dateTime
    /// A length of time.
    case duration
    /// Several values (multiple-choice answers, repeat columns).
    case list
    /// A location.
    case geopoint
    /// Unknown or mixed: compatible with everything.
    case any

    /// The lowercase name used in messages, e.g. `date-time`.
    public var description: String {
        switch self {
        case .dateTime: return "date-time"
        default: return rawValue
        }
    }

    /// True when a value of type `self` may stand where `other` is expected.
    public func fits(_ other: ValueType) -> Bool {
        self == other || self == .any || other == .any
    }

    /// True for the types ordered by `<`: number, text, dates, times and durations.
    var isOrdered: Bool {
        switch self {
        case .number, .text, .date, .time, .dateTime, .duration, .any: return true
        case .bool, .list, .geopoint: return false
        }
    }
}
