import Foundation

/// A chart described by its data, independent of how a format draws it.
public struct ChartSpec: Sendable, Equatable {
    /// Which kind of chart to draw.
    public var kind: ChartKind
    /// The chart title.
    public var title: String
    /// Category labels along the x axis (or slice labels for a pie).
    public var categories: [String]
    /// One or more data series; each holds one value per category.
    public var series: [ChartSeries]

    /// Creates a chart.
    public init(kind: ChartKind, title: String, categories: [String], series: [ChartSeries]) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
    }

    /// A histogram of raw values, binned into `binCount` equal-width bins between the minimum
    /// and maximum value. Non-finite values are ignored.
    public static func histogram(title: String, values: [Double], binCount: Int, seriesName: String = "Count") -> ChartSpec {
        let finite = values.filter(\.isFinite)
        let bins = min(max(1, binCount), 1000)
        guard let low = finite.min(), let high = finite.max() else {
            return ChartSpec(kind: .histogram, title: title, categories: [], series: [ChartSeries(name: seriesName, values: [])])
        }
        let span = high > low ? (high - low) : 1
        var counts = [Double](repeating: 0, count: bins)
        for value in finite {
            // With extreme ranges the ratio can overflow; such values go to the nearest end bin.
            let position = (value - low) / span * Double(bins)
            let index = position.isFinite ? min(bins - 1, max(0, Int(position))) : (value > low ? bins - 1 : 0)
            counts[index] += 1
        }
        let labels = (0..<bins).map { index -> String in
            let start = low + span * Double(index) / Double(bins)
            let end = low + span * Double(index + 1) / Double(bins)
            return ChartSpec.compactNumber(start) + "–" + ChartSpec.compactNumber(end)
        }
        return ChartSpec(kind: .histogram, title: title, categories: labels, series: [ChartSeries(name: seriesName, values: counts)])
    }

    /// A short label for a number: integers without decimals, others with up to two.
    public static func compactNumber(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.2f", value)
    }
}

/// The kinds of chart every renderer must support.
public enum ChartKind: String, Sendable, Equatable, CaseIterable {
    /// Vertical bars, series side by side within a category.
    case bar
    /// Vertical bars, series stacked within a category.
    case stackedBar
    /// A full pie; uses the first series.
    case pie
    /// A pie with a hole; uses the first series.
    case donut
    /// Adjacent bars without gaps; uses the first series.
    case histogram
    /// Lines through one point per category, one line per series.
    case line
}

/// A named list of values, one per chart category.
public struct ChartSeries: Sendable, Equatable {
    /// The legend label.
    public var name: String
    /// The values; missing trailing values count as 0, non-finite values are drawn as 0.
    public var values: [Double]

    /// Creates a series.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
