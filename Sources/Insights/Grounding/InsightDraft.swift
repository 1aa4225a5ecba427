import Foundation

/// One paragraph as a model (or the local narrator) proposed it, before it is checked.
public struct InsightDraft: Codable, Sendable, Equatable {
    /// The paragraph.
    public var text: String
    /// The ids of the facts it uses.
    public var factIDs: [String]
    /// "high", "medium" or "low".
    public var confidence: String

    /// A draft from its parts.
    public init(text: String, factIDs: [String], confidence: String = "medium") {
        self.text = text
        self.factIDs = factIDs
        self.confidence = confidence
    }
}

/// The model's answer could not be read as `{"insights":[…]}`.
public struct InsightFormatError: Error, Equatable, CustomStringConvertible {
    /// What was wrong.
    public var reason: String

    /// "answer is not insight JSON: …".
    public var description: String { "answer is not insight JSON: \(reason)" }
}

/// Reads `{"insights":[{"text","fact_ids","confidence"}]}` from a model's text, tolerating a
/// Markdown code fence around it (JSON-mode fallbacks and small local models add one).
public enum InsightResponseParser {
    /// The drafts in the answer.
    public static func parse(_ text: String) throws -> [InsightDraft] {
        let body = stripFence(text)
        guard let json = JSONView.parse(body) else { throw InsightFormatError(reason: "not JSON") }
        guard json["insights"].exists else { throw InsightFormatError(reason: "no \"insights\" array") }
        guard json["insights"].raw is [Any] else { throw InsightFormatError(reason: "\"insights\" is not an array") }
        return try json["insights"].array.enumerated().map { index, item in
            guard let text = item["text"].string else { throw InsightFormatError(reason: "insight \(index + 1) has no text") }
            guard let ids = item["fact_ids"].raw as? [Any] else { throw InsightFormatError(reason: "insight \(index + 1) has no fact_ids") }
            let confidence = item["confidence"].string.flatMap { ["high", "medium", "low"].contains($0) ? $0 : nil } ?? "medium"
            return InsightDraft(text: text.trimmingCharacters(in: .whitespacesAndNewlines), factIDs: ids.compactMap { $0 as? String }, confidence: confidence)
        }
    }

    private static func stripFence(_ text: String) -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.hasPrefix("```") else { return body }
        if let newline = body.firstIndex(of: "\n") { body = String(body[body.index(after: newline)...]) }
        if body.hasSuffix("```") { body = String(body.dropLast(3)) }
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
