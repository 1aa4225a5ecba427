import Foundation

/// A linear value axis with "nice" tick steps (1, 2 or 5 × 10ⁿ).
struct ChartScale {
    let minimum: Double
    let maximum: Double
    let step: Double

    /// An axis covering `low...high` and always including zero.
    init(low: Double, high: Double, targetTicks: Int = 5) {
        let lower = min(0, low.isFinite ? low : 0), upper = max(0, high.isFinite ? high : 0)
        let span = upper - lower
        guard span > 0, span.isFinite else {
            minimum = 0; maximum = 1; step = 0.2
            return
        }
        let raw = span / Double(max(1, targetTicks))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        let candidate = nice * magnitude
        let low = (lower / candidate).rounded(.down) * candidate, high = (upper / candidate).rounded(.up) * candidate
        guard candidate > 0, candidate.isFinite, low.isFinite, high.isFinite, high > low else {
            minimum = lower; maximum = upper; step = span / 5
            return
        }
        step = candidate
        minimum = low
        maximum = high
    }

    /// The tick values from minimum to maximum.
    var ticks: [Double] {
        let ratio = ((maximum - minimum) / step).rounded()
        let count = ratio.isFinite ? Int(min(max(ratio, 0), 50)) + 1 : 2
        return (0..<count).map { minimum + Double($0) * step }
    }

    /// Maps a value to a coordinate between `bottom` and `bottom + height`.
    func position(_ value: Double, bottom: Double, height: Double) -> Double {
        let clamped = min(max(value.isFinite ? value : 0, minimum), maximum)
        return bottom + (clamped - minimum) / (maximum - minimum) * height
    }

    /// A tick label without needless decimals.
    static func label(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return ChartSpec.compactNumber(rounded)
    }
}

/// A rectangle in PDF coordinates (origin bottom-left).
struct ChartRect {
    var x: Double, y: Double, width: Double, height: Double
    var right: Double { x + width }
    var top: Double { y + height }
}
