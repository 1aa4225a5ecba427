import FormCore
import Foundation

/// A draft response a respondent left unfinished.
public struct FillDraft: Hashable, Sendable {
    /// The stored response's id.
    public var id: Int64
    /// When it was last saved.
    public var updatedAt: Date
    /// The answers given so far.
    public var answers: Answers

    /// Creates a draft description.
    public init(id: Int64, updatedAt: Date, answers: Answers) {
        self.id = id
        self.updatedAt = updatedAt
        self.answers = answers
    }
}

/// The newest published version of a form, ready to be filled in.
public struct FillSession: Hashable, Sendable {
    /// The published form.
    public var form: Form
    /// Its version number.
    public var version: Int
    /// The newest draft of this version, if the respondent left one.
    public var draft: FillDraft?
    /// The moment `today()` and `now()` mean while filling in (the service's clock).
    public var now: Date
    /// The time zone `today()` is read in.
    public var timeZone: TimeZone

    /// Creates a session.
    public init(form: Form, version: Int, draft: FillDraft?, now: Date = Date(), timeZone: TimeZone = .current) {
        self.form = form
        self.version = version
        self.draft = draft
        self.now = now
        self.timeZone = timeZone
    }
}

/// What submitting a response led to.
public enum FillSubmission: Hashable, Sendable {
    /// Stored as a submitted response with this id.
    case stored(Int64)
    /// Refused: the answers do not validate.
    case problems([ResponseProblem])
}

/// Why a fill call failed, in words a toast can show.
public enum FillServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The form has no published version to fill in.
    case notPublished(String)
    /// No form has this id.
    case notFound(String)
    /// The store refused for another reason.
    case failed(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .notPublished(let id): return "\"\(id)\" has never been published; publish it before filling it in"
        case .notFound(let id): return "no form with id \"\(id)\""
        case .failed(let message): return message
        }
    }
}

/// Filling in a form's newest published version, with drafts saved as answers are given.
/// Calls may block on disk: the studio only calls them from its effect runner.
public protocol FillService: Sendable {
    /// The newest published version of `formID` and its newest draft.
    func open(_ formID: String) throws -> FillSession
    /// Saves `answers` into the draft `draftID`, or a new draft when nil; returns the draft's id.
    func saveDraft(formID: String, version: Int, draftID: Int64?, answers: Answers) throws -> Int64
    /// Validates `answers` against the version and, when they pass, stores them as a submitted
    /// response (turning the draft `draftID` into it when given).
    func submit(formID: String, version: Int, draftID: Int64?, answers: Answers) throws -> FillSubmission
}
