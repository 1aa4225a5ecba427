/// One command with its keys, as data: the same value feeds key resolution, the key bar, the
/// `?` help overlay, the command palette and generated keymap docs (lazygit's `Binding`).
public struct KeyBinding<State> {
    /// A stable identifier the app maps to an action, e.g. `field.moveDown`.
    public var id: String
    /// Every key that triggers the command; the first is the one shown in the bar.
    public var keys: [KeyEvent]
    /// The full title, used in help and the palette.
    public var title: String
    /// A short title for the key bar (defaults to `title`).
    public var shortTitle: String
    /// The help-overlay section this command belongs to.
    public var group: String
    /// Whether the key bar shows this command.
    public var showInBar: Bool
    /// Why the command cannot run in `state`, or nil when it can.
    ///
    /// A disabled command still takes its key, so the app can show the reason as a toast
    /// instead of silently doing nothing.
    public var disabledReason: (State) -> String?

    /// Creates a binding.
    public init(
        id: String,
        keys: [KeyEvent],
        title: String,
        shortTitle: String? = nil,
        group: String = "General",
        showInBar: Bool = true,
        disabledReason: @escaping (State) -> String? = { _ in nil }
    ) {
        self.id = id
        self.keys = keys
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.group = group
        self.showInBar = showInBar
        self.disabledReason = disabledReason
    }

    /// Creates a binding from key descriptions such as `["ctrl+j", "alt+down"]`.
    public init(
        id: String,
        keys: [String],
        title: String,
        shortTitle: String? = nil,
        group: String = "General",
        showInBar: Bool = true,
        disabledReason: @escaping (State) -> String? = { _ in nil }
    ) throws {
        self.init(
            id: id, keys: try keys.map(KeyEvent.parse), title: title, shortTitle: shortTitle,
            group: group, showInBar: showInBar, disabledReason: disabledReason
        )
    }

    /// The keys as shown to people, e.g. `ctrl+j/alt+↓`.
    public var keyLabel: String { keys.map(\.displayLabel).joined(separator: "/") }
}

/// The outcome of looking up a key press.
public enum KeyResolution: Hashable, Sendable {
    /// The key runs command `id`.
    case command(String)
    /// The key belongs to command `id`, which is disabled for `reason`.
    case disabled(String, reason: String)
    /// No command uses this key.
    case unbound
}

/// A command as the key bar, help overlay and palette show it, evaluated against a state.
public struct CommandHint: Hashable, Sendable {
    /// The command id.
    public var id: String
    /// The keys, e.g. `ctrl+j/alt+↓` (empty for commands with no key).
    public var keyLabel: String
    /// The full title.
    public var title: String
    /// The key bar title.
    public var shortTitle: String
    /// The help section.
    public var group: String
    /// Why the command is disabled, if it is.
    public var disabledReason: String?

    /// Creates a hint.
    public init(id: String, keyLabel: String, title: String, shortTitle: String, group: String, disabledReason: String?) {
        self.id = id
        self.keyLabel = keyLabel
        self.title = title
        self.shortTitle = shortTitle
        self.group = group
        self.disabledReason = disabledReason
    }

    /// True when the command can run.
    public var isEnabled: Bool { disabledReason == nil }
}
