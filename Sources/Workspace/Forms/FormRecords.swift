import Foundation
import FormCore

/// One form in the workspace, as `forms list` shows it.
public struct FormSummary: Equatable, Sendable {
    /// The form's id.
    public let id: String
    /// The draft's title.
    public let title: String
    /// The draft's revision: bumped by every save.
    public let revision: Int
    /// The newest published version, 0 when never published.
    public let latestVersion: Int
    /// Number of stored responses over all versions.
    public let responseCount: Int
    /// When the draft was last saved.
    public let updatedAt: Date
}

/// A form's draft together with the revision it was read at, for a later `saveDraft`.
public struct FormDraft: Equatable, Sendable {
    /// The draft (state `draft`, version = the version it will become when published).
    public let form: Form
    /// Pass this back as `expectedRevision` when saving.
    public let revision: Int
}

/// What `importForm` did.
public struct FormImportResult: Equatable, Sendable {
    /// The imported form's id.
    public let formID: String
    /// The draft's revision after the import.
    public let revision: Int
    /// The version published by the import (the file was marked `published`), if any.
    public let publishedVersion: Int?
    /// True when the form did not exist before.
    public let created: Bool
}

/// Form ids become file names and command arguments: keep them to a safe alphabet.
enum FormIdentifier {
    static func check(_ id: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !id.isEmpty, id.count <= 200, id.allSatisfy({ allowed.contains($0) }), !id.hasPrefix(".") else {
            throw WorkspaceError.invalid("\"\(id)\" is not a valid form id (use letters, digits, '-', '_' and '.')")
        }
    }
}
