import Foundation

/// Whether a form version can still change.
public enum FormState: String, CaseIterable, Codable, Sendable, Hashable {
    case draft
    case published
}

/// A page of a form: what a respondent sees at once.
public struct Page: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var description: String?
    public var visibleIf: String?
    public var fields: [Field]

    public init(id: String, title: String, description: String? = nil, visibleIf: String? = nil,
                fields: [Field] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.visibleIf = visibleIf
        self.fields = fields
    }
}

/// A form: pages of nested fields, and the rules that show, hide, require, disable and set them.
public struct Form: Hashable, Sendable, Identifiable {
    /// The format tag every form file carries.
    public static let formatTag = "formwork.form"
    /// The schema version this build reads and writes.
    public static let schemaVersion = 1

    public var id: String
    public var title: String
    public var description: String?
    public var version: Int
    public var state: FormState
    public var pages: [Page]
    public var rules: [Rule]

    public init(id: String, title: String, description: String? = nil, version: Int = 1,
                state: FormState = .draft, pages: [Page] = [], rules: [Rule] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.version = version
        self.state = state
        self.pages = pages
        self.rules = rules
    }
}
