import FormCore
import TUIKit

/// A column of the responses table.
public enum ResponseColumn: Hashable, Sendable {
    /// The response id.
    case id
    /// Draft or submitted.
    case status
    /// When it was submitted.
    case submitted
    /// The answer to the field with this key.
    case field(String)

    /// What the table sorts by when this column is focused.
    var sortKey: ResponseSort.Key {
        switch self {
        case .id: return .id
        case .status, .submitted: return .submitted
        case .field(let key): return .field(key)
        }
    }
}

/// A transient panel of the Responses screen (its own, so it never collides with the app's overlays).
public enum ResponsesPanel: Hashable, Sendable {
    /// Choose the form whose responses are shown.
    case formPicker(selected: Int)
    /// Toggle the shown columns.
    case columns(selected: Int)
    /// Type the path of a CSV/JSONL file to import.
    case importPath(TextField)
    /// The file's column mapping and failing rows, before importing.
    case importPreview(ImportPreview, offset: Int)
    /// Type the path to export to (`tab` switches the format).
    case exportPath(format: ResponseFileFormat, field: TextField)
    /// Ask before deleting a response.
    case confirmDelete(id: Int64, selected: Int)
}

/// The Responses screen: a form's responses as a table over a compact index of ids, with the
/// rows of the visible window (plus a margin) loaded.
public struct ResponsesState: Hashable, Sendable {
    /// The form shown.
    public var formID: String?
    /// Its newest published version (the columns' fields).
    public var form: Form?
    /// The columns shown, in order.
    public var columns: [ResponseColumn] = []
    /// The order.
    public var sort = ResponseSort(.id)
    /// The `/` filter being typed.
    public var filter = TextField()
    /// True while the filter line takes keys.
    public var filtering = false
    /// The filter's syntax error, live while typing.
    public var filterError: ExpressionError?
    /// The filter in force (the last one applied with enter).
    public var appliedFilter = ""
    /// Matching ids in order: the table's index.
    public var ids: [Int64] = []
    /// Every response of the form.
    public var total = 0
    /// Loaded rows by id (the window around the view).
    public var rows: [Int64: ResponseRow] = [:]
    /// The index range last asked for, so moving inside it asks nothing.
    public var requested: Range<Int>?
    /// The highlighted row (an index into `ids`).
    public var selected = 0
    /// The first row shown.
    public var top = 0
    /// The focused column (sort target).
    public var focusedColumn = 0
    /// True while a query runs.
    public var loading = false
    /// Why there is nothing to show (no service, form not published), if so.
    public var notice: String?
    /// The open response.
    public var detail: ResponseDetailState?
    /// A panel over the table.
    public var panel: ResponsesPanel?

    /// An empty Responses screen.
    public init() {}

    /// The current query.
    public var query: ResponseQuery? {
        formID.map { ResponseQuery(formID: $0, sort: sort, filter: appliedFilter) }
    }

    /// The highlighted response's id.
    public var currentID: Int64? { ids.indices.contains(selected) ? ids[selected] : nil }

    /// Every column the form offers, in form order after id, status and submitted time.
    public var allColumns: [ResponseColumn] {
        [.id] + (form.map { ResponseMatching.columnFields($0).map { .field($0.key) } } ?? []) + [.status, .submitted]
    }

    /// The default columns: the first four fields, status and submitted time.
    static func defaultColumns(_ form: Form) -> [ResponseColumn] {
        [.id] + ResponseMatching.columnFields(form).prefix(4).map { .field($0.key) } + [.status, .submitted]
    }

    /// A column's header.
    public func title(_ column: ResponseColumn) -> String {
        switch column {
        case .id: return "#"
        case .status: return "Status"
        case .submitted: return "Submitted"
        case .field(let key):
            let field = form.flatMap { ResponseMatching.columnFields($0).first { $0.key == key } }
            return field.map { $0.label.isEmpty ? $0.key : $0.label } ?? key
        }
    }
}

/// Commands of the Responses screen; the raw value is the command id.
public enum ResponsesAction: String, CaseIterable, Sendable {
    /// Highlight the previous response (or scroll the open one).
    case up = "responses.up"
    /// Highlight the next response.
    case down = "responses.down"
    /// A page up.
    case pageUp = "responses.pageUp"
    /// A page down.
    case pageDown = "responses.pageDown"
    /// The first response.
    case first = "responses.first"
    /// The last response.
    case last = "responses.last"
    /// Focus the column on the left.
    case left = "responses.left"
    /// Focus the column on the right.
    case right = "responses.right"
    /// Sort by the focused column; again reverses.
    case sort = "responses.sort"
    /// Filter by an expression.
    case filter = "responses.filter"
    /// Choose the columns.
    case columns = "responses.columns"
    /// Choose the form.
    case pickForm = "responses.form"
    /// Open the highlighted response.
    case open = "responses.open"
    /// Edit the open response's answers.
    case edit = "responses.edit"
    /// Save the edited answers as a new revision.
    case save = "responses.save"
    /// Delete the highlighted (or open) response, after asking.
    case delete = "responses.delete"
    /// Import a CSV/JSONL file (path, preview, confirm).
    case importFile = "responses.import"
    /// Export the form's responses to CSV/JSONL.
    case export = "responses.export"
    /// Reload the table.
    case reload = "responses.reload"
    /// Confirm the panel (pick, import, export, delete).
    case confirm = "responses.confirm"
    /// Toggle the highlighted column in the column picker; switch the export format.
    case toggle = "responses.toggle"
    /// List the open response's revisions (and read an old one).
    case history = "responses.history"
}
