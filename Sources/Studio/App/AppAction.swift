import FormCore
import TUIKit

/// Commands available on every screen; the raw value is the command id in keymaps.
public enum GlobalAction: String, CaseIterable, Sendable {
    /// Show every command of the focused screen.
    case help = "app.help"
    /// Open the command palette.
    case palette = "app.palette"
    /// Go back, or quit from the Forms screen (asking first if something is unsaved).
    case quit = "app.quit"
    /// Quit from anywhere (asking first if something is unsaved).
    case forceQuit = "app.forceQuit"
    /// Suspend to the shell; `fg` restores.
    case suspend = "app.suspend"
    /// Leave any transient state.
    case escape = "app.escape"
}

/// Everything that can happen to the studio: keys and terminal events, commands of each
/// screen, and the answers of effects.
public enum AppAction: Sendable {
    /// A key press, resolved through the focused keymap.
    case key(KeyEvent)
    /// A mouse report.
    case mouse(MouseEvent)
    /// Bracketed-paste text.
    case paste(String)
    /// The terminal changed size.
    case resize(Size)
    /// A clock tick (about every half second while idle).
    case tick
    /// A global command.
    case global(GlobalAction)
    /// A Forms-screen command.
    case forms(FormsAction)
    /// A builder command.
    case builder(BuilderAction)
    /// A rule-editor command.
    case rules(RuleEditorAction)
    /// A command by id (from the palette).
    case command(String)
    /// The forms list arrived.
    case formsLoaded([FormListing])
    /// A draft was read and should open in the builder.
    case draftOpened(DraftSnapshot)
    /// Forms changed (created, copied, renamed, deleted, imported): show `message`, reload.
    case formsChanged(message: String)
    /// A form was created or imported: open it.
    case formCreated(formID: String, message: String)
    /// The draft was saved at `revision`.
    case draftSaved(formID: String, revision: Int)
    /// Saving the draft failed.
    case saveFailed(String)
    /// A version was published.
    case published(formID: String, version: Int)
    /// Compiled rules for the builder's form arrived.
    case rulesCompiled(CompiledRules, generation: Int)
    /// Linter findings arrived.
    case linted([LintIssue], generation: Int)
    /// An effect failed; show why.
    case failed(String)
    /// A Fill-screen command.
    case fill(FillAction)
    /// A Fill effect's answer (or the start of a fill).
    case fillEvent(FillEvent)
    /// A Reports-screen command.
    case reports(ReportsAction)
    /// An answer of a Reports effect.
    case reportsEvent(ReportsEvent)
    /// A Settings-screen command.
    case settings(SettingsAction)
    /// An answer of a Settings effect.
    case settingsEvent(SettingsEvent)
    /// A Responses-screen command.
    case responses(ResponsesAction)
    /// An answer of a Responses effect.
    case responsesEvent(ResponsesEvent)
    /// A Jobs-screen command.
    case jobs(JobsAction)
    /// A Jobs effect's answer, or the host's refresh pulse.
    case jobsEvent(JobsEvent)
}
