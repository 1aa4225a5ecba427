import FormCore

/// Work the app asks for, as a value: the reducer returns effects, a runner performs them off
/// the key loop and answers with `AppAction`s. Being values, effects can be asserted in tests.
public enum Effect: Hashable, Sendable {
    /// Reload the forms list.
    case loadForms
    /// Open a form's draft in the builder.
    case openDraft(formID: String)
    /// Create a new, empty form.
    case createForm(Form)
    /// Copy a form under a new id and title.
    case duplicateForm(formID: String, newID: String, title: String)
    /// Change a form's title.
    case renameForm(formID: String, title: String)
    /// Delete a form.
    case deleteForm(formID: String)
    /// Import a `.form.json` file.
    case importForm(path: String)
    /// Save the draft, compare-and-set on the revision.
    case saveDraft(Form, expectedRevision: Int)
    /// Publish the saved draft as a new version.
    case publish(formID: String)
    /// Compile the form's rules and evaluate them against the test answers.
    case compileRules(Form, answers: Answers, generation: Int)
    /// Run the linter over the form.
    case lint(Form, generation: Int)
    /// Leave the studio (the host restores the terminal).
    case quit
    /// Suspend the process like ctrl+z in a shell (the host does it).
    case suspend
    /// Work of the Fill screen.
    case fill(FillEffect)
    /// Work of the Reports screen.
    case reports(ReportsEffect)
    /// Work of the Settings screen.
    case settings(SettingsEffect)
    /// Work of the Responses screen.
    case responses(ResponsesEffect)
    /// A Jobs-screen read or action.
    case jobs(JobsEffect)
}
