/// The built-in functions. Names are resolved to this enum when parsing, so evaluation
/// never compares strings.
public enum Function: String, Hashable, Sendable, CaseIterable {
    /// `selected(${choices}, 'a')`: whether a choice is among the selected ones.
    case selected
    /// `count-selected(${choices})`: how many choices are selected.
    case countSelected = "count-selected"
    /// `if(cond, then, else)`: only the chosen branch is evaluated.
    case `if`
    /// `coalesce(a, b, …)`: the first non-empty argument.
    case coalesce
    /// `empty(x)`: whether `x` is unanswered.
    case empty
    /// `notempty(x)`: whether `x` is answered.
    case notEmpty = "notempty"
    /// `today()`: the current local date.
    case today
    /// `now()`: the current local date and time.
    case now
    /// `date(x)`: text such as `'2024-01-31'` converted to a date.
    case date
    /// `date-diff(from, to[, unit])`: `to - from` in whole days (or the given unit).
    case dateDiff = "date-diff"
    /// `date-add(date, amount[, unit])`: a date moved by an amount of days (or the given unit).
    case dateAdd = "date-add"
    /// `age(birthdate[, on])`: whole years from a date to today (or to `on`).
    case age
    /// `year(date)`
    case year
    /// `month(date)`: 1–12.
    case month
    /// `day(date)`: 1–31.
    case day
    /// `sum(${repeat_field})` or `sum(a, b, …)`
    case sum
    /// `min(${repeat_field})` or `min(a, b, …)`
    case min
    /// `max(${repeat_field})` or `max(a, b, …)`
    case max
    /// `avg(${repeat_field})` or `avg(a, b, …)`
    case avg
    /// `count(${repeat_field})`: the number of non-empty values.
    case count
    /// `round(x[, digits])`: half away from zero.
    case round
    /// `floor(x)`
    case floor
    /// `ceil(x)`
    case ceil
    /// `abs(x)`
    case abs
    /// `len(text)`: number of characters.
    case len
    /// `concat(a, b, …)`: display forms joined, empty as nothing.
    case concat
    /// `lower(text)`
    case lower
    /// `upper(text)`
    case upper
    /// `trim(text)`: without leading and trailing white space.
    case trim
    /// `number(x)`: text converted to a number; empty when it is not numeric.
    case number
    /// `string(x)`: the display form of any value.
    case string

    /// The name written in expressions, e.g. `count-selected`.
    public var name: String { rawValue }

    /// Fewest arguments accepted.
    public var minArguments: Int {
        switch self {
        case .today, .now: return 0
        case .selected, .dateDiff, .dateAdd: return 2
        case .if: return 3
        default: return 1
        }
    }

    /// Most arguments accepted; `nil` when any number may follow.
    public var maxArguments: Int? {
        switch self {
        case .coalesce, .sum, .min, .max, .avg, .count, .concat: return nil
        case .dateDiff, .dateAdd: return 3
        case .age, .round: return 2
        default: return minArguments
        }
    }

    /// True when `count` arguments are acceptable.
    public func accepts(argumentCount count: Int) -> Bool {
        count >= minArguments && count <= (maxArguments ?? Int.max)
    }

    /// A human description of the accepted argument count, e.g. `1 or 2 arguments`.
    public var arityDescription: String {
        let plural: (Int) -> String = { $0 == 1 ? "1 argument" : "\($0) arguments" }
        guard let maximum = maxArguments else { return "at least " + plural(minArguments) }
        if maximum == minArguments { return plural(minArguments) }
        if maximum == minArguments + 1 { return "\(minArguments) or " + plural(maximum) }
        return "\(minArguments) to " + plural(maximum)
    }

    /// True for the aggregate functions whose single `${key}` argument means "every
    /// value of that field across the repeat".
    public var isAggregate: Bool {
        switch self {
        case .sum, .min, .max, .avg, .count: return true
        default: return false
        }
    }

    /// Looks a function up by its written name.
    public static func named(_ name: String) -> Function? { Function(rawValue: name) }
}
