import FormCore

/// One form as the Forms screen lists it.
public struct FormListing: Hashable, Sendable {
    /// The form's id.
    public var id: String
    /// The draft's title.
    public var title: String
    /// The newest published version, 0 when never published.
    public var latestVersion: Int
    /// The draft's revision (bumped by every save).
    public var revision: Int
    /// Responses stored for the form, over all versions.
    public var responseCount: Int

    /// Creates a listing.
    public init(id: String, title: String, latestVersion: Int, revision: Int, responseCount: Int) {
        self.id = id
        self.title = title
        self.latestVersion = latestVersion
        self.revision = revision
        self.responseCount = responseCount
    }

    /// `draft` until the first publish, then `published`.
    public var stateLabel: String { latestVersion > 0 ? "published" : "draft" }
}

/// A form's draft with the revision it was read at, to pass back when saving.
public struct DraftSnapshot: Hashable, Sendable {
    /// The draft form.
    public var form: Form
    /// The revision the draft was read at.
    public var revision: Int

    /// Creates a snapshot.
    public init(form: Form, revision: Int) {
        self.form = form
        self.revision = revision
    }
}

/// Why a repository call failed, in words a toast can show.
public enum RepositoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No form has this id.
    case notFound(String)
    /// A form with this id already exists.
    case alreadyExists(String)
    /// Someone else saved the draft since it was read.
    case conflict(formID: String, expected: Int, actual: Int)
    /// The store refused for another reason.
    case failed(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .notFound(let id): return "no form with id \"\(id)\""
        case .alreadyExists(let id): return "a form with id \"\(id)\" already exists"
        case .conflict(let id, let expected, let actual):
            return "\"\(id)\" was changed elsewhere (revision \(actual), expected \(expected)); reopen it to continue"
        case .failed(let message): return message
        }
    }
}

/// The workspace's forms as the studio needs them. The live implementation sits over the
/// `Workspace` target in the `formwork` executable; tests use an in-memory one from TUITesting.
///
/// Calls may block on disk: the studio only calls them from its effect runner, never from the
/// key loop.
public protocol FormRepository: Sendable {
    /// Every form, ordered by id.
    func list() throws -> [FormListing]
    /// A form's draft and its revision.
    func loadDraft(_ formID: String) throws -> DraftSnapshot
    /// Saves the draft if its revision is still `expectedRevision` (0 creates the form);
    /// returns the new revision or throws `RepositoryError.conflict`.
    func saveDraft(_ form: Form, expectedRevision: Int) throws -> Int
    /// Freezes the draft as the next published version; returns the version number.
    func publish(_ formID: String) throws -> Int
    /// Imports a `.form.json` file; returns the form's id.
    func importFile(path: String) throws -> String
    /// Copies a form's draft under a new id and title.
    func duplicate(_ formID: String, as newID: String, title: String) throws
    /// Changes a form's title.
    func rename(_ formID: String, title: String) throws
    /// Deletes a form with its versions and responses.
    func delete(_ formID: String) throws
}
