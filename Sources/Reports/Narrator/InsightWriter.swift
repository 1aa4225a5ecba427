/// Writes insight sentences from a report's statistics.
///
/// The offline narrator below is deterministic; an AI-backed writer can replace or extend it,
/// as long as every number it states comes from the model.
public protocol InsightWriter: Sendable {
    /// Sentences about `model`: per field (with `fieldKey`) and about the report as a whole.
    func insights(for model: ReportModel) -> [Insight]
}

/// Numbers as reports print them: fixed decimals with a dot, no grouping, no locale.
public enum ReportNumber {
    /// `value` with `digits` decimals, trailing ".0…" kept off for whole numbers when `trim` is set.
    public static func format(_ value: Double?, digits: Int = 1, trim: Bool = false) -> String {
        guard let value, value.isFinite else { return "–" }
        if trim, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(format: "%.\(max(0, min(digits, 10)))f", value)
        // "-0.0" reads as a bug in a report.
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A percentage with one decimal and a % sign.
    public static func percent(_ value: Double) -> String { format(value, digits: 1) + "%" }
}
