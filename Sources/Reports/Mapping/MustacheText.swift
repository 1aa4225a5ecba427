import Foundation
import Mustache

/// Renders template texts (`{{form.title}}`, `{{stats.score.mean}}`) with swift-mustache.
///
/// Output is plain text (the TEXT content type: no HTML escaping); each renderer escapes it for
/// its own format afterwards, so a value can never inject markup into any of them.
public enum MustacheText {
    /// Renders `text` against `context`; unknown names render as empty text.
    public static func render(_ text: String, context: [String: Any]) throws -> String {
        guard text.contains("{{") else { return text }
        do {
            let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
            return template.render(context)
        } catch {
            throw TemplateError.badText(message: "cannot parse \"\(text.prefix(60))\": \(error)")
        }
    }

    /// The names templates can use: `form.*`, `responses.count`, `report.*`, `stats.<key>.*`
    /// and `insights` (a list of sentences).
    public static func context(for model: ReportModel, templateName: String) -> [String: Any] {
        var stats: [String: Any] = [:]
        for field in model.fields { stats[field.key] = fieldContext(field) }
        return [
            "form": [
                "title": model.form.title, "id": model.form.id, "version": model.form.version,
                "description": model.form.description ?? "",
            ] as [String: Any],
            "responses": ["count": model.responseCount],
            "report": ["date": isoDate(model.generatedAt), "template": templateName],
            "stats": stats,
            "insights": model.insights.map(\.text),
        ]
    }

    private static func fieldContext(_ field: FieldSummary) -> [String: Any] {
        var out: [String: Any] = ["title": field.title, "answered": field.answered, "missing": field.missing]
        switch field.statistics {
        case .number(let s):
            out["count"] = s.count
            out["mean"] = ReportNumber.format(s.mean)
            out["median"] = ReportNumber.format(s.median, trim: true)
            out["min"] = ReportNumber.format(s.min, trim: true)
            out["max"] = ReportNumber.format(s.max, trim: true)
            out["sd"] = ReportNumber.format(s.standardDeviation, digits: 2)
        case .categories(let s):
            out["mode"] = s.mode?.label ?? ""
            out["modePercent"] = s.mode.map { ReportNumber.format($0.percent) } ?? ""
            var counts: [String: Any] = [:]
            for entry in s.entries { counts[entry.value] = entry.count }
            out["counts"] = counts
        case .dates(let s):
            out["earliest"] = s.earliest?.iso ?? ""
            out["latest"] = s.latest?.iso ?? ""
        case .text(let s):
            out["sample"] = s.distinctSample
        }
        return out
    }

    /// `yyyy-mm-dd` in UTC.
    static func isoDate(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        return LocalDateFormatting.iso(daysSince1970: days)
    }
}
