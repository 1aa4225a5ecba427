import Foundation

/// A wall-clock time of day with no time zone: what a time question stores.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Hour, 0–23.
    public let hour: Int
    /// Minute, 0–59.
    public let minute: Int
    /// Second, 0–59.
    public let second: Int

    /// Creates a time when the components are in range; `nil` otherwise.
    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            return nil
        }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Creates the time `seconds` after midnight, wrapping around a day.
    public init(secondsSinceMidnight seconds: Int) {
        let wrapped = ((seconds % 86_400) + 86_400) % 86_400
        hour = wrapped / 3600
        minute = wrapped % 3600 / 60
        second = wrapped % 60
    }

    /// Parses `HH:MM` or `HH:MM:SS`; `nil` for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
              let h = Int.asciiDigits(parts[0]), let m = Int.asciiDigits(parts[1]) else { return nil }
        var s = 0
        if parts.count == 3 {
            guard let parsed = Int.asciiDigits(parts[2]) else { return nil }
            s = parsed
        }
        self.init(hour: h, minute: m, second: s)
    }

    /// Seconds since midnight.
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// The ISO 8601 form, `HH:MM:SS`.
    public var iso: String {
        String.padded(hour, 2) + ":" + String.padded(minute, 2) + ":" + String.padded(second, 2)
    }

    /// Same as `iso`.
    public var description: String { iso }

    /// Orders times within one day.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}

/// A date and wall-clock time with no time zone: what a date-time question stores.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar date.
    public let date: LocalDate
    /// The time of day.
    public let time: LocalTime

    /// Combines a date and a time.
    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Creates the date-time `seconds` after 1970-01-01T00:00:00 (local, no zone).
    public init(secondsSince1970 seconds: Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        date = LocalDate(daysSince1970: days)
        time = LocalTime(secondsSinceMidnight: seconds - days * 86_400)
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` (a space may stand for `T`); `nil` otherwise.
    public init?(iso text: String) {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == " " }),
              let date = LocalDate(iso: String(text[..<separator])),
              let time = LocalTime(iso: String(text[text.index(after: separator)...])) else { return nil }
        self.init(date: date, time: time)
    }

    /// Seconds since 1970-01-01T00:00:00 in this date-time's own (unstated) zone.
    public var secondsSince1970: Int { date.daysSince1970 * 86_400 + time.secondsSinceMidnight }

    /// The ISO 8601 form, `YYYY-MM-DDTHH:MM:SS`.
    public var iso: String { date.iso + "T" + time.iso }

    /// Same as `iso`.
    public var description: String { iso }

    /// Orders date-times chronologically.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }
}
