import TUIKit

/// The Forms screen: the workspace's forms, filterable.
public struct FormsState: Hashable, Sendable {
    /// Every form, as last loaded.
    public var forms: [FormListing] = []
    /// The highlighted row among the filtered forms.
    public var selected = 0
    /// The `/` filter.
    public var filter = TextField()
    /// True while the filter line takes keys.
    public var filtering = false
    /// True until the first list arrives.
    public var loading = true

    /// Creates an empty Forms screen.
    public init() {}

    /// The forms matching the filter (fuzzy, on title and id), best first.
    public var visible: [FormListing] {
        FuzzyMatcher.rank(filter.text, forms) { "\($0.title) \($0.id)" }.map(\.item)
    }

    /// The highlighted form, if any.
    public var current: FormListing? {
        let shown = visible
        return shown.indices.contains(selected) ? shown[selected] : nil
    }
}

/// Commands of the Forms screen; the raw value is the command id.
public enum FormsAction: String, CaseIterable, Sendable {
    /// Highlight the previous form.
    case up = "forms.up"
    /// Highlight the next form.
    case down = "forms.down"
    /// Open the highlighted form in the builder.
    case open = "forms.open"
    /// Create a form (asks for a title).
    case new = "forms.new"
    /// Copy the highlighted form (asks for a title).
    case duplicate = "forms.duplicate"
    /// Rename the highlighted form.
    case rename = "forms.rename"
    /// Delete the highlighted form (asks first).
    case delete = "forms.delete"
    /// Import a `.form.json` file (asks for the path).
    case importFile = "forms.import"
    /// Filter the list.
    case filter = "forms.filter"
    /// Reload the list.
    case reload = "forms.reload"
    /// Fill in the highlighted form's newest published version.
    case fill = "forms.fill"
    /// Open Reports on the highlighted form.
    case report = "forms.report"
    /// Show the highlighted form's responses.
    case responses = "forms.responses"
}
