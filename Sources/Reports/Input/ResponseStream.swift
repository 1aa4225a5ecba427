import FormCore
import Foundation

/// One response as read from a file: its 1-based number, its answers, and the cells that could
/// not be read as their field's type (they count as missing and show up in the data-quality section).
public struct ResponseRecord: Sendable {
    /// 1-based position in the input.
    public var number: Int
    /// The answers that could be read.
    public var answers: Answers
    /// Cells that did not fit their field, as "key: message".
    public var readProblems: [AnswerError]

    /// Creates a record.
    public init(number: Int, answers: Answers, readProblems: [AnswerError] = []) {
        self.number = number
        self.answers = answers
        self.readProblems = readProblems
    }
}

/// A pull-based stream of responses: the report builder asks for one at a time, so inputs of
/// any size are summarised in bounded memory.
public protocol ResponseStream {
    /// The next response, or nil at the end.
    mutating func next() throws -> ResponseRecord?
}

/// Something that can open a fresh `ResponseStream` as often as asked (a file is re-read for
/// the second pass that CSV/JSON exports and per-response documents need).
public protocol ResponseSource {
    /// A stream positioned at the first response.
    func open() throws -> ResponseStream
}

/// Responses already in memory (tests, the studio's preview, a workspace query).
public struct AnswersSource: ResponseSource {
    /// The responses in order.
    public var responses: [Answers]

    /// Wraps responses held in memory.
    public init(_ responses: [Answers]) { self.responses = responses }

    /// A stream over the array.
    public func open() throws -> ResponseStream { ArrayStream(responses: responses) }

    private struct ArrayStream: ResponseStream {
        let responses: [Answers]
        var index = 0
        mutating func next() throws -> ResponseRecord? {
            guard index < responses.count else { return nil }
            index += 1
            return ResponseRecord(number: index, answers: responses[index - 1])
        }
    }
}

/// A responses file, CSV or JSON Lines, chosen by extension (`.jsonl`, `.ndjson` and `.json`
/// are JSON Lines; everything else is CSV).
public struct ResponseFileSource: ResponseSource {
    /// The file.
    public var url: URL
    /// The form the answers belong to.
    public var form: Form

    /// Describes a responses file of `form`.
    public init(url: URL, form: Form) {
        self.url = url
        self.form = form
    }

    /// Whether the file is read as JSON Lines.
    public var isJSONLines: Bool { ["jsonl", "ndjson", "json"].contains(url.pathExtension.lowercased()) }

    /// Opens the file and, for CSV, maps the header to fields.
    public func open() throws -> ResponseStream {
        if isJSONLines { return try JSONLinesResponseStream(url: url, form: form) }
        return try CSVResponseStream(url: url, form: form)
    }
}
