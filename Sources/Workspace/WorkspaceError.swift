import Foundation
import GRDB

/// Everything that can go wrong in a workspace, each with a one-line description.
public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
    /// Someone else saved the form's draft since it was read: nothing was written.
    case conflict(formID: String, expected: Int, actual: Int)
    /// The disk (or the database's size limit) is full: the transaction was rolled back.
    case diskFull(path: String)
    /// Another process held the database lock for longer than the busy timeout.
    case busy(path: String)
    /// The file is not a SQLite database (or is damaged beyond reading).
    case notAWorkspace(path: String)
    /// No form with this id.
    case formNotFound(String)
    /// The form has no published version with this number.
    case versionNotFound(formID: String, version: Int)
    /// The form was never published, so it cannot collect responses yet.
    case notPublished(String)
    /// No response with this id.
    case responseNotFound(Int64)
    /// A submitted response is final; only drafts change.
    case responseSubmitted(Int64)
    /// Someone else edited the response since it was read: nothing was written.
    case responseConflict(id: Int64, expected: Int, actual: Int)
    /// A request that makes no sense for this data (CSV for a form with repeats, a bad form id).
    case invalid(String)
    /// A file could not be read or written.
    case io(path: String, message: String)
    /// Any other database failure, with SQLite's message.
    case database(String)

    public var description: String {
        switch self {
        case .conflict(let id, let expected, let actual):
            return "form \"\(id)\" was changed by someone else (you edited revision \(expected), it is now at revision \(actual)); reload it and apply your changes again"
        case .diskFull(let path): return "the disk is full: nothing was written to \(path)"
        case .busy(let path): return "the workspace \(path) is locked by another process; try again in a moment"
        case .notAWorkspace(let path): return "\(path) is not a Formwork workspace database"
        case .formNotFound(let id): return "no form \"\(id)\" in this workspace"
        case .versionNotFound(let id, let version): return "form \"\(id)\" has no published version \(version)"
        case .notPublished(let id): return "form \"\(id)\" has no published version yet; publish it first"
        case .responseNotFound(let id): return "no response \(id) in this workspace"
        case .responseSubmitted(let id): return "response \(id) is submitted and can no longer change"
        case .responseConflict(let id, let expected, let actual):
            return "response \(id) was changed by someone else (you edited revision \(expected), it is now at revision \(actual)); reopen it and edit again"
        case .invalid(let message): return message
        case .io(let path, let message): return "\(path): \(message)"
        case .database(let message): return "database error: \(message)"
        }
    }

    /// True for problems of the machine or its files (exit 2), false for problems of the
    /// request or the data (exit 1).
    public var isEnvironmental: Bool {
        switch self {
        case .diskFull, .busy, .notAWorkspace, .io, .database: return true
        default: return false
        }
    }

    /// Turns a GRDB error into the matching workspace error; other errors pass through.
    static func wrap(_ error: Error, path: String) -> Error {
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_FULL: return WorkspaceError.diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return WorkspaceError.busy(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return WorkspaceError.notAWorkspace(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_PERM:
            return WorkspaceError.io(path: path, message: dbError.message ?? "\(dbError.resultCode)")
        default: return WorkspaceError.database(dbError.message ?? "\(dbError.resultCode)")
        }
    }
}

extension WorkspaceError {
    /// True when the error names something the workspace does not hold (a form, a version, a
    /// response): asking again will not make it appear, so jobs fail at once instead of retrying.
    public var isMissingRecord: Bool {
        switch self {
        case .formNotFound, .versionNotFound, .notPublished, .responseNotFound: return true
        default: return false
        }
    }
}
