import FormCore

/// Date text without Foundation formatters (which depend on the locale and time zone).
enum LocalDateFormatting {
    /// `yyyy-mm-dd` of the day `days` after 1970-01-01.
    static func iso(daysSince1970 days: Int) -> String { LocalDate(daysSince1970: days).iso }
}
