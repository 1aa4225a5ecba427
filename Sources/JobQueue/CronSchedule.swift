import Foundation

/// A 5-field cron expression (`minute hour day-of-month month day-of-week`), evaluated in UTC.
/// Fields accept `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, month and
/// weekday names (`jan`, `mon`), and 7 for Sunday. Macros: `@hourly`, `@daily`, `@weekly`,
/// `@monthly`, `@yearly`. As in Vixie cron, when both day fields are restricted a day matches
/// if either does.
public struct CronSchedule: Sendable, Equatable {
    /// The expression as written.
    public let expression: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    let daysOfWeek: Set<Int>
    let domRestricted: Bool
    let dowRestricted: Bool

    private static let macros = ["@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
                                 "@weekly": "0 0 * * 0", "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *",
                                 "@annually": "0 0 1 1 *"]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Parses an expression; throws `JobQueueError.invalidCron` with the reason.
    public init(_ expression: String) throws {
        self.expression = expression
        let trimmed = expression.trimmingCharacters(in: .whitespaces).lowercased()
        let source = Self.macros[trimmed] ?? trimmed
        let fields = source.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw JobQueueError.invalidCron(expression: expression, reason: "expected 5 fields, found \(fields.count)")
        }
        func field(_ index: Int, _ name: String, _ range: ClosedRange<Int>, _ names: [String] = [], base: Int = 0) throws -> Set<Int> {
            do { return try CronField.parse(fields[index], range: range, names: names, nameBase: base) } catch let reason as CronField.Failure {
                throw JobQueueError.invalidCron(expression: expression, reason: "\(name): \(reason.message)")
            }
        }
        minutes = try field(0, "minute", 0...59)
        hours = try field(1, "hour", 0...23)
        daysOfMonth = try field(2, "day of month", 1...31)
        months = try field(3, "month", 1...12, Self.monthNames, base: 1)
        let dow = try field(4, "day of week", 0...7, Self.dayNames)
        daysOfWeek = Set(dow.map { $0 % 7 })
        domRestricted = fields[2] != "*"
        dowRestricted = fields[4] != "*"
    }

    /// Whether the minute starting at `minuteStart` (Unix ms, floored to the minute) matches.
    public func matches(_ millis: Int64) -> Bool {
        let date = CivilTime(millis: millis)
        return minutes.contains(date.minute) && hours.contains(date.hour) && dayMatches(date)
    }

    private func dayMatches(_ date: CivilTime) -> Bool {
        guard months.contains(date.month) else { return false }
        let dom = daysOfMonth.contains(date.day)
        let dow = daysOfWeek.contains(date.weekday)
        if domRestricted && dowRestricted { return dom || dow }
        return dom && dow
    }

    /// The first matching minute strictly after `millis`, within ~5 years (nil if none, e.g. Feb 30).
    public func next(after millis: Int64) -> Int64? {
        var t = CivilTime.floorMinute(millis) + CivilTime.minuteMillis
        let limit = t + 5 * 366 * CivilTime.dayMillis
        while t <= limit {
            let date = CivilTime(millis: t)
            if !dayMatches(date) {
                t = CivilTime.floorDay(t) + CivilTime.dayMillis
            } else if !hours.contains(date.hour) {
                t = CivilTime.floorHour(t) + CivilTime.hourMillis
            } else if !minutes.contains(date.minute) {
                t += CivilTime.minuteMillis
            } else {
                return t
            }
        }
        return nil
    }

    /// The last matching minute at or before `millis`, within ~5 years.
    public func previous(atOrBefore millis: Int64) -> Int64? {
        var t = CivilTime.floorMinute(millis)
        let limit = t - 5 * 366 * CivilTime.dayMillis
        while t >= limit {
            let date = CivilTime(millis: t)
            if !dayMatches(date) {
                t = CivilTime.floorDay(t) - CivilTime.minuteMillis
            } else if !hours.contains(date.hour) {
                t = CivilTime.floorHour(t) - CivilTime.minuteMillis
            } else if !minutes.contains(date.minute) {
                t -= CivilTime.minuteMillis
            } else {
                return t
            }
        }
        return nil
    }
}

/// Parses one cron field into the set of values it allows.
enum CronField {
    struct Failure: Error { let message: String }

    static func parse(_ text: String, range: ClosedRange<Int>, names: [String], nameBase: Int) throws -> Set<Int> {
        var values: Set<Int> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard !part.isEmpty else { throw Failure(message: "empty list item") }
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2 else { throw Failure(message: "'\(part)' has more than one '/'") }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else { throw Failure(message: "bad step in '\(part)'") }
                step = parsed
            }
            let bounds = try span(pieces[0], range: range, names: names, nameBase: nameBase, stepped: pieces.count == 2)
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return values
    }

    private static func span(_ text: String, range: ClosedRange<Int>, names: [String], nameBase: Int,
                             stepped: Bool) throws -> ClosedRange<Int> {
        if text == "*" { return range }
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count <= 2 else { throw Failure(message: "bad range '\(text)'") }
        let low = try value(ends[0], range: range, names: names, nameBase: nameBase)
        let high = ends.count == 2 ? try value(ends[1], range: range, names: names, nameBase: nameBase)
            : (stepped ? range.upperBound : low)
        guard low <= high else { throw Failure(message: "range '\(text)' runs backwards") }
        return low...high
    }

    private static func value(_ text: String, range: ClosedRange<Int>, names: [String], nameBase: Int) throws -> Int {
        if let index = names.firstIndex(of: text) { return index + nameBase }
        guard let number = Int(text) else { throw Failure(message: "'\(text)' is not a number") }
        guard range.contains(number) else {
            throw Failure(message: "\(number) is outside \(range.lowerBound)–\(range.upperBound)")
        }
        return number
    }
}
