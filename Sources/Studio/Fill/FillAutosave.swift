import FormCore
import TUIKit

/// Text typed into a field and not yet committed (tab/enter), as the clock last saw it.
public struct FillTyping: Hashable, Sendable {
    /// The answer path of the field being typed into.
    public var path: String
    /// The editor's text at that tick.
    public var text: String
    /// The tick the text was first seen.
    public var seenAt: Int
    /// True once this text was handled (saved, or found not to parse): no retry until it changes.
    public var handled = false
}

/// Saving the focused editor's text on quiet clock ticks, so a killed terminal keeps what was
/// typed: like the builder's autosave, it waits until the text has not changed for two ticks.
enum FillAutosave {
    /// Ticks without typing before the text is saved.
    static let quietTicks = 2

    /// One clock tick on the Fill screen.
    static func tick(_ app: inout AppState) -> [Effect] {
        guard app.screen == .fill, var fill = app.fill, fill.submitted == nil else { return [] }
        let effects = tick(&fill, now: app.tick)
        if !effects.isEmpty { FillNavigation.settle(&fill) }
        app.fill = fill
        return effects
    }

    /// Watches the editor's text; once it has stayed the same for `quietTicks`, differs from the
    /// answer and parses for the field's type, puts it into the answers and saves the draft.
    /// Text that does not parse stays unsaved and the message under the field is left as it is.
    static func tick(_ fill: inout FillState, now: Int) -> [Effect] {
        guard let editor = fill.editor, let item = fill.focus, let field = fill.field(item) else {
            fill.typing = nil
            return []
        }
        let current = fill.value(item)
        let committed = current.isEmpty ? "" : AnswerCoding.text(for: current)
        let path = fill.answerPath(item)
        guard editor.text != committed else {
            fill.typing = nil
            return []
        }
        guard var typing = fill.typing, typing.path == path, typing.text == editor.text else {
            // The clock sees this text for the first time: it was typed since the last tick.
            fill.typing = FillTyping(path: path, text: editor.text, seenAt: now - 1)
            return []
        }
        guard !typing.handled, now - typing.seenAt >= quietTicks else { return [] }
        typing.handled = true
        fill.typing = typing
        guard let value = try? AnswerCoding.value(fromText: editor.text, for: field) else { return [] }
        return FillAnswers.set(value, for: item, &fill)
    }
}
