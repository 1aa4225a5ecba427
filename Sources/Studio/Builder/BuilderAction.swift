/// Commands of the builder; the raw value is the command id in keymaps and docs.
public enum BuilderAction: String, CaseIterable, Sendable {
    /// Cursor to the previous row of the focused pane.
    case up = "cursor.up"
    /// Cursor to the next row of the focused pane.
    case down = "cursor.down"
    /// Cursor to the first row.
    case first = "cursor.first"
    /// Cursor to the last row.
    case last = "cursor.last"
    /// Unfold the selected group.
    case expand = "tree.expand"
    /// Fold the selected group, or go to the parent group.
    case collapse = "tree.collapse"
    /// Fold or unfold the selected group.
    case toggleFold = "tree.toggleFold"
    /// Focus the next pane.
    case nextPane = "pane.next"
    /// Focus the previous pane.
    case previousPane = "pane.previous"
    /// Move the selection down among siblings (into and out of groups).
    case moveDown = "field.moveDown"
    /// Move the selection up among siblings (into and out of groups).
    case moveUp = "field.moveUp"
    /// Move the selection into the group above.
    case indent = "field.indent"
    /// Move the selection out of its group.
    case outdent = "field.outdent"
    /// Enter move mode.
    case moveMode = "field.moveMode"
    /// Drop the field in move mode.
    case dropMove = "move.drop"
    /// Put the field back where move mode started.
    case cancelMove = "move.cancel"
    /// Start or end a range selection.
    case range = "field.range"
    /// Insert a field from the palette below the selection.
    case addField = "field.add"
    /// Delete the selected fields (asks first).
    case deleteField = "field.delete"
    /// Duplicate the selected field.
    case duplicateField = "field.duplicate"
    /// Change the selected field's type.
    case changeType = "field.changeType"
    /// Edit the highlighted property, or flip it.
    case editProperty = "property.edit"
    /// Undo the last edit.
    case undo = "edit.undo"
    /// Redo the last undone edit.
    case redo = "edit.redo"
    /// Save the draft now.
    case save = "form.save"
    /// Save and publish a new version.
    case publish = "form.publish"
    /// Open the rule editor.
    case openRules = "form.rules"
    /// Explain why the field is visible, hidden, required or disabled.
    case explain = "preview.explain"
    /// Show hidden fields dimmed in the preview.
    case toggleHidden = "preview.toggleHidden"
    /// Answer the selected field (type, toggle or pick).
    case answer = "preview.answer"
    /// Answer yes.
    case answerYes = "preview.yes"
    /// Answer no.
    case answerNo = "preview.no"
    /// Clear the answer.
    case clearAnswer = "preview.clear"
}
