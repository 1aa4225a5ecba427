import Foundation
import FormCore

/// Whether a response is still being filled in.
public enum ResponseStatus: String, CaseIterable, Sendable {
    /// Still changing.
    case draft
    /// Final: its answers never change.
    case submitted
}

/// A response as stored: tied to the form version it was filled in.
public struct StoredResponse: Equatable, Sendable {
    /// The response's id.
    public let id: Int64
    /// The form it answers.
    public let formID: String
    /// The published version of the form it was filled in.
    public let version: Int
    /// Draft or submitted.
    public let status: ResponseStatus
    /// The answers, by field key.
    public let answers: Answers
    /// Who filled it in, when known.
    public let respondent: String?
    /// When it was first stored.
    public let createdAt: Date
    /// When its answers last changed.
    public let updatedAt: Date
    /// When it was submitted.
    public let submittedAt: Date?
    /// How many times its answers were saved: 1 as stored, +1 per edit (`ResponseStore.update`).
    public var revision: Int = 1
}

/// A response to store: answers to one form version.
public struct NewResponse: Sendable {
    /// The answers, by field key.
    public var answers: Answers
    /// Draft or submitted.
    public var status: ResponseStatus
    /// Who filled it in, when known.
    public var respondent: String?

    /// A response with the given answers.
    public init(answers: Answers, status: ResponseStatus = .draft, respondent: String? = nil) {
        self.answers = answers
        self.status = status
        self.respondent = respondent
    }
}

/// Which responses a listing or an export covers.
public struct ResponseFilter: Sendable {
    /// The form.
    public var formID: String
    /// Only this version; nil for all versions.
    public var version: Int?
    /// Only this status; nil for both.
    public var status: ResponseStatus?

    /// A filter over one form.
    public init(formID: String, version: Int? = nil, status: ResponseStatus? = nil) {
        self.formID = formID
        self.version = version
        self.status = status
    }
}
