import Foundation

/// Units accepted by `date-diff` and `date-add`.
enum DateUnit: String {
    case seconds, minutes, hours, days, weeks, months, years

    var seconds: Int? {
        switch self {
        case .seconds: return 1
        case .minutes: return 60
        case .hours: return 3600
        case .days: return 86_400
        case .weeks: return 604_800
        case .months, .years: return nil
        }
    }
}

/// `today`, `now`, `date`, `date-diff`, `date-add`, `age`, `year`, `month`, `day`.
extension Evaluator {
    func dateFunction(_ function: Function, _ args: [Expression], _ range: SourceRange) throws(EvaluationError) -> Value {
        switch function {
        case .today: return .date(context.localNow.date)
        case .now: return .dateTime(context.localNow)
        case .dateDiff: return try dateDiff(args, range)
        case .dateAdd: return try dateAdd(args, range)
        case .age:
            let birth = try eval(args[0])
            let on: Value = args.count > 1 ? try eval(args[1]) : .date(context.localNow.date)
            if birth.isEmpty || on.isEmpty { return .empty }
            guard let from = birth.asDate, let to = on.asDate else { throw .mismatch("age", birth, on, at: range) }
            return .number(Double(from.wholeMonths(to: to) / 12))
        default:
            let value = try eval(args[0])
            if value.isEmpty { return .empty }
            guard let date = value.asDate else {
                if case .string = value, function == .date { return .empty }
                throw .mismatch(function.name, value, at: range)
            }
            switch function {
            case .year: return .number(Double(date.year))
            case .month: return .number(Double(date.month))
            case .day: return .number(Double(date.day))
            default: return .date(date)
            }
        }
    }

    private func unit(_ args: [Expression], _ function: Function, _ range: SourceRange) throws(EvaluationError) -> DateUnit {
        guard args.count == 3 else { return .days }
        let value = try eval(args[2])
        guard case .string(let name) = value, let unit = DateUnit(rawValue: name.lowercased()) else {
            let message = "unknown unit '\(value.asString)': use seconds, minutes, hours, days, weeks, months or years"
            throw EvaluationError(.invalidArgument(function: function, message: message), range: range)
        }
        return unit
    }

    /// A date or date-time argument as seconds since 1970 plus its date part.
    private func instant(_ value: Value) -> (date: LocalDate, seconds: Int)? {
        switch value {
        case .dateTime(let dt): return (dt.date, dt.secondsSince1970)
        case .string(let s):
            if let dt = LocalDateTime(iso: s) { return (dt.date, dt.secondsSince1970) }
            return LocalDate(iso: s).map { ($0, $0.daysSince1970 * 86_400) }
        default: return value.asDate.map { ($0, $0.daysSince1970 * 86_400) }
        }
    }

    private func dateDiff(_ args: [Expression], _ range: SourceRange) throws(EvaluationError) -> Value {
        let a = try eval(args[0]), b = try eval(args[1])
        let unit = try unit(args, .dateDiff, range)
        if a.isEmpty || b.isEmpty { return .empty }
        guard let from = instant(a), let to = instant(b) else { throw .mismatch("date-diff", a, b, at: range) }
        switch unit {
        case .months: return .number(Double(from.date.wholeMonths(to: to.date)))
        case .years: return .number(Double(from.date.wholeMonths(to: to.date) / 12))
        default:
            // Whole units, truncated toward zero like the months and years above.
            return .number(Double((to.seconds - from.seconds) / (unit.seconds ?? 1)))
        }
    }

    private func dateAdd(_ args: [Expression], _ range: SourceRange) throws(EvaluationError) -> Value {
        let base = try eval(args[0]), amount = try eval(args[1])
        let unit = try unit(args, .dateAdd, range)
        if base.isEmpty || amount.isEmpty { return .empty }
        guard case .number(let n) = amount, n.isFinite, Swift.abs(n) < 1e9, let start = instant(base) else {
            throw .mismatch("date-add", base, amount, at: range)
        }
        let whole = Int(n.rounded(.towardZero))
        let keepsTime: Bool
        if case .dateTime = base { keepsTime = true } else { keepsTime = false }
        switch unit {
        case .months, .years:
            let moved = start.date.adding(months: unit == .years ? whole * 12 : whole)
            let timeOfDay = start.seconds - start.date.daysSince1970 * 86_400
            return keepsTime ? .dateTime(LocalDateTime(secondsSince1970: moved.daysSince1970 * 86_400 + timeOfDay)) : .date(moved)
        case .days where !keepsTime, .weeks where !keepsTime:
            return .date(start.date.adding(days: whole * (unit == .weeks ? 7 : 1)))
        default:
            let seconds = Int((n * Double(unit.seconds ?? 1)).rounded(.towardZero))
            return .dateTime(LocalDateTime(secondsSince1970: start.seconds + seconds))
        }
    }
}
