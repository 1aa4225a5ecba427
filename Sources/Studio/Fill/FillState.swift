import FormCore
import TUIKit

/// One line of a page a respondent sees, in form order.
public struct FillItem: Hashable, Sendable {
    /// What the line is.
    public enum Kind: Hashable, Sendable {
        /// A group's or repeat's title.
        case heading
        /// A note's text.
        case note
        /// A calculated value (read only).
        case calculated
        /// A field that takes an answer.
        case input
        /// One row of a choice matrix (by row position).
        case matrixRow(Int)
        /// The title of one repeat entry (removable).
        case entry
        /// "Add an entry" under a repeat group.
        case addEntry
    }

    /// The field's position in the form index.
    public var field: Int
    /// The repeat instance (`[]` outside repeats; for `.entry`, the entry's own path).
    public var instance: [Int]
    /// What the line is.
    public var kind: Kind
    /// Nesting depth for indentation.
    public var depth: Int

    /// Creates an item.
    public init(field: Int, instance: [Int], kind: Kind, depth: Int) {
        self.field = field
        self.instance = instance
        self.kind = kind
        self.depth = depth
    }

    /// Whether the cursor can rest on it.
    public var focusable: Bool {
        switch kind {
        case .heading, .note, .calculated: return false
        case .input, .matrixRow, .entry, .addEntry: return true
        }
    }
}

/// The Fill screen: one published form being filled in, page by page.
public struct FillState {
    /// The form being filled in.
    public var formID: String
    /// The published version and its draft, once loaded.
    public var session: FillSession?
    /// The rule engine over the answers (owned by the reducer).
    public var engine: RuleEngine?
    /// The form page shown (an index into the form's pages).
    public var page = 0
    /// The focused line.
    public var focus: FillItem?
    /// The highlighted option (choices), column (matrix rows) of the focused line.
    public var option = 0
    /// The text being typed into the focused field, if it takes typed answers.
    public var editor: TextField?
    /// Messages shown under fields, by answer path (`dependents[2].name`).
    public var messages: [String: String] = [:]
    /// Problems the last submit found, in form order.
    public var problems: [ResponseProblem] = []
    /// The draft the answers are saved into, once it exists.
    public var draftID: Int64?
    /// True while the first save (which creates the draft) is on its way.
    public var creatingDraft = false
    /// Answers changed while the draft was being created: save again when it lands.
    public var saveWhenCreated = false
    /// Submit once the draft has been created.
    public var submitWhenCreated = false
    /// Saves asked for and not yet confirmed (for the "saved" status).
    public var pendingSaves = 0
    /// Typed text the clock is watching to save it once typing pauses.
    public var typing: FillTyping?
    /// The stored response once submitted: any key then leaves, so it is never sent twice.
    public var submitted: Int64?
    /// Leave the studio (instead of going back to Forms) when done: started by `formwork fill`.
    public var quitWhenDone: Bool

    /// A Fill screen loading `formID`.
    public init(formID: String, quitWhenDone: Bool) {
        self.formID = formID
        self.quitWhenDone = quitWhenDone
    }

    /// The form, once loaded.
    public var form: Form? { session?.form }

    /// The lines of the current page.
    public var items: [FillItem] {
        guard let engine else { return [] }
        return FillLayout.items(engine, page: page)
    }

    /// The focusable lines of the current page.
    public var focusable: [FillItem] { items.filter(\.focusable) }

    /// The pages on the respondent's path, in order.
    public var path: [Int] { engine?.pagePath ?? [] }

    /// The field definition of an item.
    public func field(_ item: FillItem) -> Field? { engine?.index.entries[item.field].field }

    /// The answer path of an item (`dependents[2].name`), the key of its message.
    public func answerPath(_ item: FillItem) -> String {
        guard let engine else { return "" }
        return engine.index.path(of: item.field, instance: item.instance)
    }

    /// The current value of an item's field.
    public func value(_ item: FillItem) -> Value {
        engine?.state(ofIndex: item.field, instance: item.instance)?.value ?? .empty
    }
}
