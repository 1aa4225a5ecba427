/// Short texts of the Jobs screen: durations, ages and ETAs.
enum JobsFormat {
    /// `850ms`, `12s`, `3m05s`, `2h04m`.
    static func duration(millis: Int64) -> String {
        let ms = max(0, millis)
        if ms < 1_000 { return "\(ms)ms" }
        let seconds = ms / 1_000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return "\(seconds / 60)m" + twoDigits(seconds % 60) + "s" }
        return "\(seconds / 3_600)h" + twoDigits(seconds / 60 % 60) + "m"
    }

    /// `12s ago` for a moment before `now`; `now` for the future or the last second.
    static func age(_ at: Int64, now: Int64) -> String {
        now - at < 1_000 ? "now" : duration(millis: now - at) + " ago"
    }

    /// `eta 12s`, or a blank when progress gives no rate yet.
    static func eta(_ job: RunningJob, now: Int64) -> String {
        job.etaMillis(now: now).map { "eta " + duration(millis: $0) } ?? ""
    }

    /// `45%` of a fraction, clamped.
    static func percent(_ fraction: Double) -> String {
        "\(Int((min(max(fraction.isNaN ? 0 : fraction, 0), 1) * 100).rounded(.down)))%"
    }

    private static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
