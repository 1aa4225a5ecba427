import Foundation

/// A calendar date (year, month, day) with no time zone: what a date question stores.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Proleptic Gregorian year (e.g. 2024).
    public let year: Int
    /// Month of the year, 1–12.
    public let month: Int
    /// Day of the month, 1–31.
    public let day: Int

    /// Creates a date when the components name a real calendar day; `nil` otherwise.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601 calendar date); `nil` for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int.asciiDigits(parts[0]), let m = Int.asciiDigits(parts[1]),
              let d = Int.asciiDigits(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Creates the date that lies `days` days after 1970-01-01 (negative: before).
    /// Uses Howard Hinnant's civil-from-days algorithm so no `Calendar` is needed on the hot path.
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before it); the inverse of `init(daysSince1970:)`.
    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var iso: String {
        String.padded(year, 4) + "-" + String.padded(month, 2) + "-" + String.padded(day, 2)
    }

    /// Same as `iso`.
    public var description: String { iso }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSince1970: daysSince1970 + days)
    }

    /// The date `months` months later, clamping the day to the end of a shorter month
    /// (2024-01-31 plus one month is 2024-02-29).
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let newYear = Int((Double(index) / 12).rounded(.down))
        let newMonth = index - newYear * 12 + 1
        let clampedYear = min(max(newYear, 1), 9999)
        let newDay = min(day, LocalDate.daysIn(month: newMonth, year: clampedYear))
        return LocalDate(year: clampedYear, month: newMonth, day: newDay)
            ?? self
    }

    /// Whole months from `self` to `other`, counting a month only once its day is reached.
    public func wholeMonths(to other: LocalDate) -> Int {
        var months = (other.year - year) * 12 + (other.month - month)
        if months > 0 && other.day < day { months -= 1 }
        if months < 0 && other.day > day { months += 1 }
        return months
    }

    /// Orders dates chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Number of days in `month` of `year` (Gregorian leap rules).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Int {
    /// Parses a run of ASCII digits only (no sign, no spaces); `nil` otherwise.
    static func asciiDigits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var result = 0
        for scalar in text.unicodeScalars {
            guard scalar.value >= 48, scalar.value <= 57 else { return nil }
            result = result * 10 + Int(scalar.value - 48)
        }
        return result
    }
}

extension String {
    /// Zero-pads a non-negative number to `width` digits.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
