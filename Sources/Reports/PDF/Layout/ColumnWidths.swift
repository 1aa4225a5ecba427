import Foundation

/// Turns relative column weights into point widths, widening columns whose longest word would
/// otherwise be broken mid-word ("Scor|e", "2026-06-|06") at the expense of columns with room
/// to spare.
enum ColumnWidths {
    /// How many body rows are sampled for word widths: enough to see the shape of the data,
    /// small enough that a 10,000-row table costs no more than a short one.
    static let sampleRows = 100

    /// Widths summing to `total`: proportional to `weights` (non-positive or non-finite count
    /// as 1), then each column raised to its minimum where possible.
    static func resolve(weights: [Double], minimums rawMinimums: [Double], total: Double) -> [Double] {
        let clean = weights.map { $0.isFinite && $0 > 0 ? $0 : 1 }
        let sum = clean.reduce(0, +)
        var widths = clean.map { total * $0 / sum }
        // No single column may claim more than half the table just because of one long word.
        var minimums = zip(rawMinimums, widths).map { min($0, max($1, total / 2)) }
        let needed = minimums.reduce(0, +)
        if needed > total {
            // Not everything fits: share the width in proportion to what each column needs.
            minimums = minimums.map { total * $0 / needed }
            return minimums
        }
        let deficit = zip(widths, minimums).reduce(0) { $0 + max(0, $1.1 - $1.0) }
        guard deficit > 0 else { return widths }
        let slack = zip(widths, minimums).reduce(0) { $0 + max(0, $1.0 - $1.1) }
        for index in widths.indices {
            if widths[index] < minimums[index] {
                widths[index] = minimums[index]
            } else {
                widths[index] -= deficit * (widths[index] - minimums[index]) / slack
            }
        }
        return widths
    }

    /// For each column, the width of its longest space-separated word among the header (bold)
    /// and the first `sampleRows` rows.
    static func longestWords(_ spec: TableSpec, regular: PDFFont, bold: PDFFont, size: Double) -> [Double] {
        var result = spec.columns.map { longestWord($0.title, font: bold, size: size) }
        for row in spec.rows.prefix(sampleRows) {
            for column in result.indices where column < row.count {
                result[column] = max(result[column], longestWord(row[column], font: regular, size: size))
            }
        }
        return result
    }

    private static func longestWord(_ text: String, font: PDFFont, size: Double) -> Double {
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" {
                longest = max(longest, current)
                current = 0
            } else {
                current += font.advance(scalar)
            }
        }
        return Double(max(longest, current)) * size / 1000
    }
}
