import Foundation

/// Statistics of a numeric field.
public struct NumberSummary: Sendable, Equatable {
    /// Responses with a numeric answer.
    public var count: Int
    /// Arithmetic mean (nil without answers).
    public var mean: Double?
    /// Median: exact up to `NumberAccumulator.exactLimit` answers, estimated from a reservoir
    /// sample beyond (see `isExact`).
    public var median: Double?
    /// Smallest answer.
    public var min: Double?
    /// Largest answer.
    public var max: Double?
    /// Sample standard deviation (n − 1); nil with fewer than two answers.
    public var standardDeviation: Double?
    /// Histogram bins: labels ("0–10") and counts.
    public var histogram: [(label: String, count: Int)]
    /// False when the median (and, without a declared range, the histogram) is an estimate.
    public var isExact: Bool

    /// Compares every statistic; histogram bins compare label and count.
    public static func == (lhs: NumberSummary, rhs: NumberSummary) -> Bool {
        lhs.count == rhs.count && lhs.mean == rhs.mean && lhs.median == rhs.median && lhs.min == rhs.min
            && lhs.max == rhs.max && lhs.standardDeviation == rhs.standardDeviation && lhs.isExact == rhs.isExact
            && lhs.histogram.map(\.label) == rhs.histogram.map(\.label) && lhs.histogram.map(\.count) == rhs.histogram.map(\.count)
    }
}

/// Streams numbers into count, mean, variance (Welford), min and max in O(1) memory, and keeps
/// the values for an exact median while there are at most `exactLimit` of them. Past that it
/// keeps a uniform reservoir sample of `exactLimit` values (Vitter's algorithm R with a fixed
/// seed, so results stay deterministic) and estimates the median from it.
struct NumberAccumulator {
    /// How many values are kept for an exact median.
    static let exactLimit = 100_000
    /// Histogram bin count.
    static let binCount = 10

    private(set) var count = 0
    private var mean = 0.0
    private var m2 = 0.0
    private var low = Double.infinity
    private var high = -Double.infinity
    private var kept: [Double] = []
    private var random = SplitMix64(seed: 0x5EED)
    /// Fixed bin edges from the field's declared min/max, counted as values stream past, so the
    /// histogram stays exact past the exact limit.
    private let declaredRange: (low: Double, high: Double)?
    private var declaredBins: [Int]
    private let limit: Int

    init(declaredMin: Double?, declaredMax: Double?, limit: Int = NumberAccumulator.exactLimit) {
        if let lo = declaredMin, let hi = declaredMax, lo.isFinite, hi.isFinite, hi > lo {
            declaredRange = (lo, hi)
        } else {
            declaredRange = nil
        }
        declaredBins = Array(repeating: 0, count: declaredRange == nil ? 0 : Self.binCount)
        self.limit = max(1, limit)
    }

    mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        m2 += delta * (value - mean)
        low = Swift.min(low, value)
        high = Swift.max(high, value)
        if let range = declaredRange { declaredBins[Self.bin(value, range.low, range.high)] += 1 }
        if kept.count < limit {
            kept.append(value)
        } else {
            let slot = Int(random.next() % UInt64(count))
            if slot < limit { kept[slot] = value }
        }
    }

    /// The summary; sorts the kept values once.
    func summary() -> NumberSummary {
        guard count > 0 else {
            return NumberSummary(count: 0, mean: nil, median: nil, min: nil, max: nil, standardDeviation: nil, histogram: [], isExact: true)
        }
        let sorted = kept.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let exact = count <= limit
        return NumberSummary(
            count: count, mean: mean, median: median, min: low, max: high,
            standardDeviation: count > 1 ? (m2 / Double(count - 1)).squareRoot() : nil,
            histogram: histogram(sorted, exact: exact), isExact: exact
        )
    }

    private func histogram(_ sorted: [Double], exact: Bool) -> [(label: String, count: Int)] {
        // Within the exact limit the bins span the data; beyond it, a declared range gives
        // exact streamed counts, otherwise the reservoir's counts are scaled up.
        let useDeclared = !exact && declaredRange != nil
        let (lo, hi) = useDeclared ? (declaredRange?.low ?? low, declaredRange?.high ?? high) : (low, high)
        let bins: [Int]
        if useDeclared {
            bins = declaredBins
        } else if hi <= lo {
            return [(ChartSpec.compactNumber(lo), count)]
        } else {
            var counted = Array(repeating: 0, count: Self.binCount)
            for value in sorted { counted[Self.bin(value, lo, hi)] += 1 }
            // A reservoir sample stands for all values: scale its counts back up.
            let scale = Double(count) / Double(sorted.count)
            bins = exact ? counted : counted.map { Int((Double($0) * scale).rounded()) }
        }
        return bins.enumerated().map { index, binCount in
            let start = lo + (hi - lo) * Double(index) / Double(Self.binCount)
            let end = lo + (hi - lo) * Double(index + 1) / Double(Self.binCount)
            return (ChartSpec.compactNumber(start) + "–" + ChartSpec.compactNumber(end), binCount)
        }
    }

    /// The bin of `value` in [lo, hi]; values outside the range go to the nearest end bin.
    private static func bin(_ value: Double, _ lo: Double, _ hi: Double) -> Int {
        let position = (value - lo) / (hi - lo) * Double(binCount)
        guard position.isFinite else { return value > lo ? binCount - 1 : 0 }
        return Swift.min(binCount - 1, Swift.max(0, Int(position)))
    }
}

/// A small, fast, seedable generator (SplitMix64), so sampling is the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
