import FormCore
import Foundation

/// How a form's responses are ordered.
public struct ResponseSort: Hashable, Sendable {
    /// What is compared.
    public enum Key: Hashable, Sendable {
        /// The response id (the order they were stored in).
        case id
        /// When the response was submitted (drafts last).
        case submitted
        /// The answer to the field with this key.
        case field(String)
    }

    /// What is compared.
    public var key: Key
    /// Largest first.
    public var descending: Bool

    /// A sort on `key`.
    public init(_ key: Key, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }
}

/// Which of a form's responses the table shows, in which order.
public struct ResponseQuery: Hashable, Sendable {
    /// The form.
    public var formID: String
    /// The order.
    public var sort: ResponseSort
    /// An expression every shown response makes true; empty for all.
    public var filter: String

    /// A query over `formID`.
    public init(formID: String, sort: ResponseSort = ResponseSort(.id), filter: String = "") {
        self.formID = formID
        self.sort = sort
        self.filter = filter
    }
}

/// The answer to a query: the matching ids in order (the table's compact index) and the count
/// of all the form's responses.
public struct ResponseIndex: Hashable, Sendable {
    /// The query answered.
    public var query: ResponseQuery
    /// Matching response ids, in the query's order.
    public var ids: [Int64]
    /// Every response of the form, matching or not.
    public var total: Int

    /// Creates an index.
    public init(query: ResponseQuery, ids: [Int64], total: Int) {
        self.query = query
        self.ids = ids
        self.total = total
    }
}

/// One table row: a response's status, times and the text of its top-level answers by key.
public struct ResponseRow: Hashable, Sendable {
    /// The response id.
    public var id: Int64
    /// `draft` or `submitted`.
    public var status: String
    /// When it was submitted.
    public var submittedAt: Date?
    /// Saved edits + 1.
    public var revision: Int
    /// Answer texts by field key (fields outside repeats).
    public var cells: [String: String]

    /// Creates a row.
    public init(id: Int64, status: String, submittedAt: Date?, revision: Int, cells: [String: String]) {
        self.id = id
        self.status = status
        self.submittedAt = submittedAt
        self.revision = revision
        self.cells = cells
    }
}

/// One response in full, with the form version it was filled in.
public struct ResponseDetail: Hashable, Sendable {
    /// The response id.
    public var id: Int64
    /// The form version it answers (its fields label and validate the answers).
    public var form: Form
    /// The answers.
    public var answers: Answers
    /// `draft` or `submitted`.
    public var status: String
    /// Who filled it in, when known.
    public var respondent: String?
    /// When it was submitted.
    public var submittedAt: Date?
    /// The current revision; pass it back when saving an edit.
    public var revision: Int

    /// Creates a detail.
    public init(id: Int64, form: Form, answers: Answers, status: String, respondent: String?, submittedAt: Date?, revision: Int) {
        self.id = id
        self.form = form
        self.answers = answers
        self.status = status
        self.respondent = respondent
        self.submittedAt = submittedAt
        self.revision = revision
    }
}

/// A response file checked without writing: how its columns map to fields and the rows that fail.
public struct ImportPreview: Hashable, Sendable {
    /// The file.
    public var path: String
    /// `column → field key` pairs, in file order (a field key of nil: the column is not used).
    public var mapping: [(column: String, field: String?)] { zip(columns, fields).map { ($0, $1) } }
    /// The file's columns (CSV header, or the keys of the first JSON line).
    public var columns: [String]
    /// The field each column fills, nil when none.
    public var fields: [String?]
    /// Rows that would be stored.
    public var importable: Int
    /// Failing rows: line number and reason.
    public var problems: [ImportProblemLine]

    /// Creates a preview.
    public init(path: String, columns: [String], fields: [String?], importable: Int, problems: [ImportProblemLine]) {
        self.path = path
        self.columns = columns
        self.fields = fields
        self.importable = importable
        self.problems = problems
    }
}

/// One failing row of an import preview.
public struct ImportProblemLine: Hashable, Sendable {
    /// The 1-based line in the file.
    public var line: Int
    /// Why it fails.
    public var reason: String

    /// Creates a problem line.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// The file formats responses export to.
public enum ResponseFileFormat: String, CaseIterable, Hashable, Sendable {
    /// Comma-separated values.
    case csv
    /// One JSON object per line.
    case jsonl
}

/// A form's stored responses as the Responses screen needs them. Live over the workspace in
/// the `formwork` executable; in memory in TUITesting. Calls may block on disk, so the studio
/// calls them only from its effect runner.
public protocol ResponseService: Sendable {
    /// The newest published version of a form (its fields are the table's columns).
    func latestForm(_ formID: String) throws -> Form
    /// The ids matching `query` in its order, and the form's total count.
    func index(_ query: ResponseQuery) throws -> ResponseIndex
    /// The rows of these responses, in the order given (ids that vanished are left out).
    func rows(_ ids: [Int64]) throws -> [ResponseRow]
    /// How many responses a form has.
    func count(_ formID: String) throws -> Int
    /// One response in full.
    func read(_ id: Int64) throws -> ResponseDetail
    /// Saves edited answers if the response is still at `expectedRevision`, keeping the
    /// previous answers; returns the new revision.
    func save(_ id: Int64, answers: Answers, expectedRevision: Int) throws -> Int
    /// Deletes a response.
    func delete(_ id: Int64) throws
    /// Every saved version of a response, oldest first, ending with the current one.
    func revisions(_ id: Int64) throws -> [ResponseVersion]
    /// Checks a CSV/JSONL file against the form without writing.
    func previewImport(path: String, formID: String) throws -> ImportPreview
    /// Imports the rows of a file that pass; returns how many were stored.
    func importFile(path: String, formID: String) throws -> Int
    /// Writes every response of a form to `path`; returns how many.
    func export(formID: String, format: ResponseFileFormat, path: String) throws -> Int
}

/// Why a response-service call failed, in one line.
public enum ResponseServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No response with this id.
    case notFound(Int64)
    /// Someone else saved the response since it was read.
    case conflict(id: Int64, expected: Int, actual: Int)
    /// The store refused for another reason.
    case failed(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .notFound(let id): return "no response \(id)"
        case .conflict(let id, let expected, let actual):
            return "response \(id) was changed elsewhere (revision \(actual), expected \(expected)); reopen it"
        case .failed(let message): return message
        }
    }
}
