import Foundation

/// The two response file formats (docs/form-format.md, "Response files").
public enum ResponseFormat: String, CaseIterable, Sendable {
    /// Comma-separated values with a header of field keys.
    case csv
    /// One JSON object per line.
    case jsonLines = "jsonl"

    /// The format a file name implies: `.jsonl` / `.ndjson` are JSON Lines, `.csv` is CSV.
    public static func infer(fromPath path: String) -> ResponseFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": return .csv
        case "jsonl", "ndjson": return .jsonLines
        default: return nil
        }
    }
}

/// How an import treats its rows.
public struct ImportOptions: Sendable {
    /// Check every row but write nothing.
    public var dryRun: Bool
    /// Import rows that break the form's validation (required answers, ranges, constraints)
    /// as drafts instead of refusing them. Rows whose cells cannot be read are always refused.
    public var allowInvalid: Bool
    /// The published version the responses were filled in; nil for the newest.
    public var version: Int?
    /// Rows per write transaction.
    public var batchSize: Int

    /// Options with the safe defaults: write, refuse invalid rows, newest version.
    public init(dryRun: Bool = false, allowInvalid: Bool = false, version: Int? = nil, batchSize: Int = 1_000) {
        self.dryRun = dryRun
        self.allowInvalid = allowInvalid
        self.version = version
        self.batchSize = max(1, batchSize)
    }
}

/// One problem with one row of an imported file.
public struct RowProblem: Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line the row starts on.
    public let line: Int
    /// The column or field key path concerned, when there is one.
    public let key: String?
    /// What is wrong.
    public let message: String

    /// A problem at `line`.
    public init(line: Int, key: String?, message: String) {
        self.line = line
        self.key = key
        self.message = message
    }

    /// `line N: key: message`.
    public var description: String { "line \(line): " + (key.map { "\($0): " } ?? "") + message }
}

/// What an import did.
public struct ImportReport: Equatable, Sendable {
    /// Rows stored (or, in a dry run, rows that would be stored).
    public var imported = 0
    /// Rows refused.
    public var skipped = 0
    /// Rows imported as drafts despite validation errors (`allowInvalid`).
    public var importedAsDrafts = 0
    /// Every problem, in file order; a bad row may have several.
    public var problems: [RowProblem] = []
    /// The form version the rows were tied to.
    public var version = 0
    /// True when nothing was written.
    public var dryRun = false

    /// True when every row was clean.
    public var isClean: Bool { problems.isEmpty }
}

/// An import stopped by the workspace (a full disk, a lock held too long): the batches
/// committed before it stay imported.
public struct ImportInterrupted: Error, Equatable, CustomStringConvertible {
    /// Rows committed before the failure.
    public let imported: Int
    /// The first line of the batch that was not written.
    public let line: Int
    /// Why.
    public let cause: WorkspaceError

    public var description: String {
        "\(cause) (import stopped at line \(line); the \(imported) rows before it were imported)"
    }
}
