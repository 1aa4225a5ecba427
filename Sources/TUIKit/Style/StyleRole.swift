/// A semantic place on screen that a theme colours. Widgets ask for roles, never for colours.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    /// Ordinary text.
    case text
    /// Secondary, muted text.
    case dim
    /// Panel and dialog titles.
    case title
    /// Unfocused borders.
    case border
    /// The focused panel's border.
    case borderFocused
    /// The selected row in the focused list.
    case selection
    /// The selected row in an unfocused list.
    case selectionInactive
    /// An item being moved in move mode.
    case moveTarget
    /// Key bar descriptions.
    case keyHint
    /// Key bar key names.
    case keyHintKey
    /// Key bar entries that are currently disabled.
    case keyHintDisabled
    /// Error text.
    case error
    /// Warning text.
    case warning
    /// Success text.
    case success
    /// Small labels such as counts and field types.
    case badge
    /// An informational toast.
    case toastInfo
    /// An error toast.
    case toastError
    /// An editable text field.
    case inputField
    /// The caret cell inside a text field.
    case cursor
    /// Commands or items that cannot be used now.
    case disabled
    /// Items present but hidden by a rule (shown in the builder).
    case hidden
    /// Emphasis that is neither error nor success.
    case accent
    /// Fuzzy-match highlights.
    case match
    /// Table headers.
    case header
    /// The status bar background.
    case statusBar
    /// Dialog and overlay bodies.
    case dialog
    /// The active tab.
    case tabActive
    /// Other tabs.
    case tabInactive
    /// The scrollbar track.
    case scrollbarTrack
    /// The scrollbar thumb.
    case scrollbarThumb
    /// The filled part of progress bars and sparklines.
    case progress
    /// Tree indent guides and fold markers.
    case guide

    /// The role used when a theme leaves this one out, so partial themes still render sensibly.
    public var fallback: StyleRole? {
        switch self {
        case .text: return nil
        case .borderFocused: return .border
        case .selectionInactive, .moveTarget: return .selection
        case .keyHintKey, .keyHintDisabled: return .keyHint
        case .toastInfo, .statusBar: return .keyHint
        case .toastError: return .error
        case .tabActive: return .selection
        case .tabInactive, .guide, .scrollbarTrack, .hidden, .disabled: return .dim
        case .scrollbarThumb, .match, .progress: return .accent
        case .cursor: return .selection
        default: return .text
        }
    }
}
