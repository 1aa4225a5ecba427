import FormCore

/// Undo and redo of builder edits: whole-form snapshots, which share storage with the live
/// form (copy on write), so a step costs only the parts that changed.
public struct UndoHistory {
    /// A form and where the cursor was.
    public struct Snapshot {
        /// The form before (undo) or after (redo) the edit.
        public var form: Form
        /// The selection at the time.
        public var selection: FieldID?
    }

    /// Steps that `undo` restores, newest last.
    public private(set) var undoStack: [Snapshot] = []
    /// Steps that `redo` restores, newest last.
    public private(set) var redoStack: [Snapshot] = []
    /// The most steps kept.
    public static let limit = 200

    /// An empty history.
    public init() {}

    /// Records the state before an edit; clears redo.
    public mutating func record(_ form: Form, selection: FieldID?) {
        undoStack.append(Snapshot(form: form, selection: selection))
        if undoStack.count > UndoHistory.limit { undoStack.removeFirst() }
        redoStack.removeAll()
    }

    /// The state to go back to, given the current one (which becomes redoable).
    public mutating func undo(current: Form, selection: FieldID?) -> Snapshot? {
        guard let last = undoStack.popLast() else { return nil }
        redoStack.append(Snapshot(form: current, selection: selection))
        return last
    }

    /// The state to go forward to, given the current one (which becomes undoable).
    public mutating func redo(current: Form, selection: FieldID?) -> Snapshot? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append(Snapshot(form: current, selection: selection))
        return next
    }
}
