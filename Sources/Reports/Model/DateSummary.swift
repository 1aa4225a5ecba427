import FormCore

/// The range of a date field's answers and how many fall in each month.
public struct DateSummary: Sendable, Equatable {
    /// Responses with a date.
    public var count: Int
    /// Earliest date.
    public var earliest: LocalDate?
    /// Latest date.
    public var latest: LocalDate?
    /// Counts per month ("2026-04"), in calendar order, months without answers included
    /// between the first and last.
    public var perMonth: [(month: String, count: Int)]

    /// Compares range and monthly counts.
    public static func == (lhs: DateSummary, rhs: DateSummary) -> Bool {
        lhs.count == rhs.count && lhs.earliest == rhs.earliest && lhs.latest == rhs.latest
            && lhs.perMonth.map(\.month) == rhs.perMonth.map(\.month) && lhs.perMonth.map(\.count) == rhs.perMonth.map(\.count)
    }
}

/// Streams dates (and the date part of date-times) into a range and monthly counts.
struct DateAccumulator {
    private(set) var count = 0
    private var earliest: LocalDate?
    private var latest: LocalDate?
    /// Keyed by year * 12 + (month - 1), so a month is one integer.
    private var months: [Int: Int] = [:]

    mutating func add(_ value: Value) {
        let date: LocalDate
        switch value {
        case .date(let d): date = d
        case .dateTime(let t): date = t.date
        default: return
        }
        count += 1
        if earliest.map({ date < $0 }) ?? true { earliest = date }
        if latest.map({ date > $0 }) ?? true { latest = date }
        months[date.year * 12 + date.month - 1, default: 0] += 1
    }

    func summary() -> DateSummary {
        var perMonth: [(String, Int)] = []
        if let first = months.keys.min(), let last = months.keys.max() {
            // Capped so one absurd date cannot make the chart thousands of bars wide.
            for key in first...min(last, first + 600) {
                let label = String(format: "%04d-%02d", key / 12, key % 12 + 1)
                perMonth.append((label, months[key] ?? 0))
            }
        }
        return DateSummary(count: count, earliest: earliest, latest: latest, perMonth: perMonth)
    }
}

/// A few answers of a free-text field, to show what people wrote.
public struct TextSummary: Sendable, Equatable {
    /// Responses with an answer.
    public var count: Int
    /// Distinct answers.
    public var distinctSample: [String]
}

/// Keeps the count and the first few distinct answers (each cut to 200 characters).
struct TextAccumulator {
    static let sampleSize = 5
    private(set) var count = 0
    private var sample: [String] = []

    mutating func add(_ value: Value) {
        count += 1
        guard sample.count < Self.sampleSize else { return }
        let text = AnswerCoding.text(for: value)
        let cut = text.count > 200 ? String(text.prefix(199)) + "…" : text
        if !sample.contains(cut) { sample.append(cut) }
    }

    func summary() -> TextSummary { TextSummary(count: count, distinctSample: sample) }
}
