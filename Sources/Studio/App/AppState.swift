import FormCore
import TUIKit

/// The screen in front.
public enum Screen: Hashable, Sendable {
    /// The workspace's forms.
    case forms
    /// The three-pane form builder.
    case builder
    /// The rule editor over the builder's form.
    case rules
    /// Filling in a published form.
    case fill
    /// Reports: generate, results, schedules.
    case reports
    /// Settings: theme, report defaults, AI and connectors.
    case settings
    /// A form's stored responses.
    case responses
    /// The job queue: queues, running jobs, recent jobs.
    case jobs
}

/// A short message shown in the corner until a few ticks pass or a key is pressed.
public struct ToastMessage: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Info or error.
    public var kind: ToastKind
    /// The tick after which it disappears.
    public var expiresAt: Int

    /// Creates a toast.
    public init(text: String, kind: ToastKind, expiresAt: Int) {
        self.text = text
        self.kind = kind
        self.expiresAt = expiresAt
    }
}

/// Everything the studio shows and remembers. Changed only by `AppReducer`.
public struct AppState {
    /// The front screen.
    public var screen: Screen = .forms
    /// The terminal size the last frame was drawn for.
    public var size: Size
    /// The Forms screen.
    public var forms = FormsState()
    /// The builder, while a form is open.
    public var builder: BuilderState?
    /// The rule editor, while open.
    public var rules: RuleEditorState?
    /// A transient layer over the screen (help, palette, picker, prompt, dialog, explanation).
    public var overlay: Overlay?
    /// The current toast.
    public var toast: ToastMessage?
    /// Clock ticks received (drives autosave and toast expiry without reading a clock).
    public var tick = 0
    /// The highest compile generation any builder session used, so a new session's
    /// generations never repeat an old one (hosts drop compiles older than the newest).
    public var generationFloor = 0
    /// The Fill screen, while a form is being filled in.
    public var fill: FillState?
    /// The Reports screen.
    public var reports = ReportsState()
    /// The Settings screen.
    public var settings = SettingsState()
    /// A theme the host draws with instead of its own (the Settings preview or a saved one).
    public var themeOverride: Theme?
    /// The Responses screen.
    public var responses = ResponsesState()
    /// The Jobs screen.
    public var jobs = JobsState()
    /// How many ticks a toast stays.
    public static let toastTicks = 6

    /// A fresh state for a terminal of `size`.
    public init(size: Size) {
        self.size = size
    }

    /// Shows `text` as a toast.
    public mutating func showToast(_ text: String, kind: ToastKind = .info) {
        toast = ToastMessage(text: text, kind: kind, expiresAt: tick + AppState.toastTicks)
    }

    /// True when the open form has edits not yet saved.
    public var hasUnsavedChanges: Bool { builder?.dirty ?? false }
}
