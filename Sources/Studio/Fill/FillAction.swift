import FormCore

/// Commands of the Fill screen; the raw value is the command id.
public enum FillAction: String, CaseIterable, Sendable {
    /// Move to the next field.
    case nextField = "fill.nextField"
    /// Move to the previous field.
    case previousField = "fill.previousField"
    /// Go to the next page on the respondent's path.
    case nextPage = "fill.nextPage"
    /// Go to the previous page on the respondent's path.
    case previousPage = "fill.previousPage"
    /// Validate the whole response and submit it.
    case submit = "fill.submit"
    /// Add an entry to the repeat group around the cursor.
    case addEntry = "fill.addEntry"
    /// Remove the repeat entry the cursor is in.
    case removeEntry = "fill.removeEntry"
    /// Leave the form; the draft is kept.
    case leave = "fill.leave"
}

/// Answers of fill effects, and the start of a fill session.
public enum FillEvent: Sendable {
    /// Open the Fill screen on `formID` (quitting the studio when done if `quitWhenDone`).
    case start(formID: String, quitWhenDone: Bool)
    /// The published version (and the draft, if any) arrived.
    case opened(FillSession)
    /// The form could not be opened.
    case openFailed(String)
    /// The draft was saved under `id`.
    case draftSaved(Int64)
    /// Saving the draft failed.
    case saveFailed(String)
    /// The response was stored as `id`.
    case submitted(Int64)
    /// The store refused the answers.
    case rejected([ResponseProblem])
}

/// Work the Fill screen asks for.
public enum FillEffect: Hashable, Sendable {
    /// Read the newest published version of a form and its newest draft.
    case open(formID: String)
    /// Save the answers into a draft (a new one when `draftID` is nil).
    case save(formID: String, version: Int, draftID: Int64?, answers: Answers)
    /// Validate and store the answers as a submitted response.
    case submit(formID: String, version: Int, draftID: Int64?, answers: Answers)
}

/// The Fill screen's questions in a dialog.
public enum FillConfirm: Hashable, Sendable {
    /// "Resume your draft from …? / Start over".
    case resume
    /// "Response N submitted."
    case submitted
}
