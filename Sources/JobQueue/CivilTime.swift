import Foundation

/// UTC calendar fields of a Unix-millisecond instant, by integer arithmetic
/// (Howard Hinnant's days-from-civil algorithm), fast enough for cron searches.
struct CivilTime: Equatable {
    static let minuteMillis: Int64 = 60_000
    static let hourMillis: Int64 = 3_600_000
    static let dayMillis: Int64 = 86_400_000

    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int

    init(millis: Int64) {
        let days = Self.floorDiv(millis, Self.dayMillis)
        let inDay = millis - days * Self.dayMillis
        hour = Int(inDay / Self.hourMillis)
        minute = Int((inDay % Self.hourMillis) / Self.minuteMillis)
        weekday = Int(((days % 7) + 11) % 7)
        let z = days + 719_468
        let era = Self.floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMinute(_ millis: Int64) -> Int64 { floorDiv(millis, minuteMillis) * minuteMillis }
    static func floorHour(_ millis: Int64) -> Int64 { floorDiv(millis, hourMillis) * hourMillis }
    static func floorDay(_ millis: Int64) -> Int64 { floorDiv(millis, dayMillis) * dayMillis }
}
