import Foundation

/// Column widths for DOCX tables: the relative widths, then each column widened to its
/// longest word where other columns have room to spare, so "Inspector" or "2026-01-16" are
/// not broken mid-word when a narrow column sits next to a wide notes column.
///
/// A DOCX writer cannot measure text (the word processor picks the font), so word widths are
/// estimated from character classes with a sans-serif's proportions, leaning generous because
/// LibreOffice on Linux often substitutes the wider DejaVu Sans for Calibri.
enum DOCXColumnFit {
    /// Left plus right cell margin in twips, as written in each table's `w:tblCellMar`.
    static let cellPadding = 170

    /// Widths in twips summing exactly to `total`.
    static func widths(_ spec: TableSpec, total: Int, fontHalfPoints: Int) -> [Int] {
        guard !spec.columns.isEmpty else { return [] }
        let minimums = longestWords(spec, fontHalfPoints: fontHalfPoints).map { $0 + Double(cellPadding) }
        let resolved = ColumnWidths.resolve(weights: spec.columns.map(\.width), minimums: minimums, total: Double(total))
        var widths = resolved.map { max(1, Int($0.rounded(.down))) }
        // Rounding down leaves a few twips over; the last column takes them so the grid
        // matches the table width exactly.
        widths[widths.count - 1] = max(1, widths[widths.count - 1] + total - widths.reduce(0, +))
        return widths
    }

    /// For each column, the estimated width in twips of its longest space-separated word in
    /// the (bold) header and the first rows.
    static func longestWords(_ spec: TableSpec, fontHalfPoints: Int) -> [Double] {
        let points = Double(fontHalfPoints) / 2
        var longest = spec.columns.map { wordWidth(longestWord(in: $0.title), points: points) * 1.15 }
        for row in spec.rows.prefix(ColumnWidths.sampleRows) {
            for (index, cell) in row.prefix(spec.columns.count).enumerated() {
                longest[index] = max(longest[index], wordWidth(unbreakable(cell), points: points))
            }
        }
        return longest
    }

    /// Short values ("Site 10", "Ana Souza") should not wrap at all; longer ones only
    /// between words, so the longest word is what must fit.
    private static func unbreakable(_ text: String) -> Substring {
        text.count <= shortValueLength && !text.contains("\n") ? Substring(text) : longestWord(in: text)
    }

    /// Values up to this many characters are kept on one line when the table has room.
    static let shortValueLength = 12

    /// The word of `text` with the most characters (a cheap proxy before measuring).
    private static func longestWord(in text: String) -> Substring {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).max { $0.count < $1.count } ?? ""
    }

    /// Estimated width of `word` in twips at `points` size.
    static func wordWidth(_ word: Substring, points: Double) -> Double {
        let ems = word.unicodeScalars.reduce(0.0) { $0 + em($1) }
        return ems * points * 20
    }

    /// Approximate advance of a character in ems for a humanist sans-serif.
    private static func em(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "l", "j", ".", ",", ":", ";", "'", "|", "!", "I": return 0.32
        case "t", "f", "r", "(", ")", "-": return 0.45
        case "m", "w", "M", "W", "@", "%", "—": return 0.95
        case "A"..."Z": return 0.72
        case "0"..."9": return 0.64
        default:
            // Combining marks take no room; CJK and other wide characters take a full em.
            if scalar.properties.generalCategory == .nonspacingMark { return 0 }
            return scalar.value >= 0x1100 && scalar.properties.isIdeographic ? 1 : 0.63
        }
    }
}
