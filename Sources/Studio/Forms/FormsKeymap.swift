import TUIKit

/// Keys of the Forms screen.
enum FormsKeymap {
    static func binding(_ action: FormsAction, _ keys: [KeyEvent], _ title: String, short: String? = nil,
                        bar: Bool = true, needsForm: Bool = false) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: "Forms", showInBar: bar,
                   disabledReason: needsForm ? { $0.forms.current == nil ? "no form selected" : nil } : { _ in nil })
    }

    /// The Forms screen's bindings.
    static let keymap = Keymap<AppState>([
        binding(.open, [KeyEvent(.enter)], "Open form", short: "open", needsForm: true),
        binding(.new, [.char("n")], "New form", short: "new"),
        binding(.duplicate, [.char("y")], "Duplicate form", short: "copy", needsForm: true),
        binding(.rename, [.char("r")], "Rename form", short: "rename", needsForm: true),
        binding(.delete, [.char("d")], "Delete form", short: "delete", needsForm: true),
        binding(.importFile, [.char("i")], "Import a .form.json file", short: "import"),
        binding(.filter, [.char("/")], "Filter forms", short: "filter"),
        binding(.reload, [.ctrl("r")], "Reload the list", bar: false),
        binding(.responses, [.char("a")], "Answers: the form's responses", short: "answers", needsForm: true),
        binding(.up, [KeyEvent(.up), .char("k")], "Previous form", bar: false),
        binding(.down, [KeyEvent(.down), .char("j")], "Next form", bar: false),
        binding(.fill, [.char("f")], "Fill in", short: "fill in", needsForm: true),
        binding(.report, [.char("p")], "Reports on this form", short: "report", bar: false, needsForm: true),
    ])
}
