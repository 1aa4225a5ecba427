import FormCore
import TUIKit

/// The builder's three panes; narrow terminals show one at a time as tabs.
public enum BuilderPane: Int, CaseIterable, Hashable, Sendable {
    /// The field tree.
    case tree
    /// The selected field's properties.
    case properties
    /// The live preview with test answers.
    case preview

    /// The tab title.
    public var title: String {
        switch self {
        case .tree: return "Fields"
        case .properties: return "Properties"
        case .preview: return "Preview"
        }
    }
}

/// Move mode (`m`): arrows move the selection, `enter` drops, `esc` puts it back.
public struct MoveModeState: Hashable, Sendable {
    /// The form before the first move, restored by `esc`.
    public var original: Form
}

/// What a text field in the builder is editing.
public enum EditTarget: Hashable, Sendable {
    /// A property of the selected field (by `PropertyRow.Kind`).
    case property(PropertyKind)
    /// The test answer of a field in the preview.
    case answer(FieldID)
}

/// An inline text edit in the properties or preview pane.
public struct EditingState: Hashable, Sendable {
    /// What is edited.
    public var target: EditTarget
    /// The text and caret.
    public var field: TextField
    /// A live problem with the text (a parse error with its column).
    public var error: String?
    /// The caret column of the error, for the `^` marker.
    public var errorColumn: Int?
}

/// One form open in the builder.
public struct BuilderState {
    /// The form as edited.
    public var form: Form
    /// The revision the draft was last read or saved at.
    public var revision: Int
    /// The focused pane.
    public var focus: BuilderPane = .tree
    /// The field the cursor is on.
    public var selection: FieldID?
    /// The other end of a `v` range (siblings of the selection), if a range is active.
    public var anchor: FieldID?
    /// Folded groups.
    public var collapsed: Set<FieldID> = []
    /// The visible tree rows, rebuilt on structural edits and folds.
    public private(set) var rows: [TreeLine] = []
    /// Fields that rules or expressions touch (badged in the tree).
    public private(set) var touched: Set<FieldID> = []
    /// The tree's scroll offset.
    public var treeOffset = 0
    /// The highlighted property row.
    public var propertyRow = 0
    /// The preview's scroll offset.
    public var previewOffset = 0
    /// Move mode, while active.
    public var moveMode: MoveModeState?
    /// True while a mouse drag is moving the selection.
    public var dragging = false
    /// Undo and redo stacks.
    public var history = UndoHistory()
    /// Edits since the last successful save.
    public var dirty = false
    /// Counts edits, so a save answered after further edits leaves the form dirty.
    public var editCount = 0
    /// The edit count a save in flight carries, if one is in flight.
    public var savingEditCount: Int?
    /// Autosave stops after a failed save (a conflict would fail again) until the next edit
    /// or an explicit save.
    public var autosavePaused = false
    /// Publish as soon as the save in flight lands.
    public var publishAfterSave = false
    /// The tick of the last edit (autosave waits a little after it).
    public var lastEditTick = 0
    /// An inline text edit, if any.
    public var editing: EditingState?
    /// The answer an answer edit started from (restored by `esc`).
    public var editingOriginal: Value?
    /// The rule engine over the form and the test answers (one per edit session).
    public var engine: RuleEngine?
    /// Why the rules could not be compiled, if they could not.
    public var engineError: String?
    /// Bumped by every structural edit; compile and lint answers for older ones are dropped.
    public var generation = 0
    /// Linter findings for the current generation.
    public var lint: [LintIssue] = []
    /// Show hidden fields dimmed in the preview.
    public var showHidden = false

    /// Opens `form` at `revision`, selecting the first field.
    public init(form: Form, revision: Int) {
        self.form = form
        self.revision = revision
        rebuildRows()
        selection = rows.first?.id
    }

    /// The form's id.
    public var formID: String { form.id }

    /// The selected field.
    public var selectedField: Field? { selection.flatMap { form.field($0) } }

    /// The selected row index.
    public var selectedRow: Int? { selection.flatMap(row(of:)) }

    /// The row showing `id`. A scan, not a dictionary: comparing 10,000 short ids costs less
    /// than hashing them into a fresh dictionary after every move.
    public func row(of id: String) -> Int? { rows.firstIndex { $0.id == id } }

    /// Recomputes the visible rows and the rule badges.
    public mutating func rebuildRows() {
        rebuildLayout()
        touched = TreeLine.touchedByRules(form)
    }

    /// Recomputes the rows only: enough after a move, which changes where
    /// fields are but not which fields rules touch.
    mutating func rebuildLayout() {
        rows = TreeLine.layout(form, collapsed: collapsed)
        if let current = selection, row(of: current) == nil { revealSelection() }
    }

    /// Unfolds the groups around the selection so its row exists.
    mutating func revealSelection() {
        guard let id = selection, let location = form.location(of: id) else {
            if selection?.hasPrefix(TreeLine.pagePrefix) != true { selection = rows.first?.id }
            return
        }
        var path = location.path
        var changed = false
        while path.count > 1 {
            path.removeLast()
            let group = form.field(at: FieldLocation(page: location.page, path: path))
            if collapsed.remove(group.id) != nil { changed = true }
        }
        if changed { rows = TreeLine.layout(form, collapsed: collapsed) }
    }

    /// The fields a command acts on: the `v` range (siblings between anchor and cursor) or
    /// the selected field.
    public var selectedIDs: [FieldID] {
        guard let selection else { return [] }
        guard let anchor, anchor != selection, let a = form.location(of: anchor), let b = form.location(of: selection),
              a.page == b.page, a.parent == b.parent
        else { return [selection] }
        let parentPath = Array(a.path.dropLast())
        let range = min(a.index, b.index)...max(a.index, b.index)
        return range.map { form.field(at: FieldLocation(page: a.page, path: parentPath + [$0])).id }
    }
}
