import Foundation
import HTTP

/// Reads the delay a server asks for: `retry-after-ms`, `retry-after` in seconds or as an
/// HTTP date, Gemini's `RetryInfo.retryDelay` ("37s", "1.2s"), and Go-style durations such as
/// OpenAI's `x-ratelimit-reset-requests: 6m0s`.
public enum RetryHints {
    /// The delay from standard headers, in seconds, or nil when none is given or it is invalid.
    public static func delay(from headers: HTTPHeaders, now: Date = Date()) -> TimeInterval? {
        if let ms = headers["retry-after-ms"].flatMap(Double.init), ms >= 0, ms.isFinite {
            return ms / 1000
        }
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return seconds }
        if let date = httpDate(value) { return max(0, date.timeIntervalSince(now)) }
        return nil
    }

    /// Parses an IMF-fixdate such as "Wed, 21 Oct 2026 07:28:00 GMT".
    public static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// Parses a duration such as "37s", "1.2s", "12ms", "6m0s", "1h2m3.5s"; nil when malformed.
    public static func duration(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var total: TimeInterval = 0
        var number = ""
        var index = trimmed.startIndex
        var sawUnit = false
        while index < trimmed.endIndex {
            let character = trimmed[index]
            if character.isNumber || character == "." {
                number.append(character)
                index = trimmed.index(after: index)
                continue
            }
            guard let value = Double(number) else { return nil }
            let rest = trimmed[index...]
            let (unit, factor): (String, Double) = rest.hasPrefix("ms") ? ("ms", 0.001) : rest.hasPrefix("h") ? ("h", 3600)
                : rest.hasPrefix("m") ? ("m", 60) : rest.hasPrefix("s") ? ("s", 1) : ("", 0)
            guard !unit.isEmpty else { return nil }
            total += value * factor
            number = ""
            sawUnit = true
            index = trimmed.index(index, offsetBy: unit.count)
        }
        guard number.isEmpty, sawUnit else { return nil }
        return total
    }

    /// "2 s", "1.5 s", "3 min".
    public static func format(_ seconds: TimeInterval) -> String {
        if seconds >= 120 { return "\(Int((seconds / 60).rounded())) min" }
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
