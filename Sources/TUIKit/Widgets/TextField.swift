/// The editing model of a one-line text input: text, caret and horizontal scroll.
///
/// Positions count graphemes (Swift `Character`s), so the caret never lands inside an emoji or
/// between a letter and its accent. Key handling follows readline: ctrl+a/e, alt+b/f,
/// ctrl+w, ctrl+k, ctrl+u.
public struct TextField: Hashable, Sendable {
    /// The graphemes of the text.
    public private(set) var characters: [Character]
    /// The caret, 0...characters.count (before the grapheme at that index).
    public private(set) var cursor: Int
    /// The first visible grapheme; update with `scrollToCursor(width:)` after edits.
    public private(set) var scroll: Int = 0

    /// A field holding `text` with the caret at the end (or at `cursor`).
    public init(_ text: String = "", cursor: Int? = nil) {
        self.characters = Array(text)
        self.cursor = min(max(0, cursor ?? characters.count), characters.count)
    }

    /// The current text.
    public var text: String { String(characters) }

    // MARK: - Editing

    /// Inserts `text` at the caret; newlines become spaces (the field is one line).
    public mutating func insert(_ text: String) {
        let clean = String(text.map { $0.isNewline ? " " : $0 })
        guard !clean.isEmpty else { return }
        // Re-segment so a combining mark typed after a letter joins it into one grapheme.
        let before = String(characters[..<cursor]) + clean
        let after = String(characters[cursor...])
        characters = Array(before + after)
        cursor = min(characters.count, before.count)
    }

    /// Deletes the grapheme before the caret.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme after the caret.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes from the previous word start to the caret.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes from the caret to the next word end.
    public mutating func deleteWordForward() {
        characters.removeSubrange(cursor..<wordEnd(after: cursor))
    }

    /// Deletes from the caret to the end.
    public mutating func deleteToEnd() { characters.removeSubrange(cursor...) }

    /// Deletes from the start to the caret.
    public mutating func deleteToStart() {
        characters.removeSubrange(..<cursor)
        cursor = 0
    }

    /// Replaces the whole text, caret at the end.
    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        scroll = 0
    }

    // MARK: - Moving

    /// Moves the caret to `position`, clamped.
    public mutating func moveCursor(to position: Int) { cursor = min(max(0, position), characters.count) }
    /// One grapheme left.
    public mutating func moveLeft() { moveCursor(to: cursor - 1) }
    /// One grapheme right.
    public mutating func moveRight() { moveCursor(to: cursor + 1) }
    /// To the previous word start.
    public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }
    /// To the next word end.
    public mutating func moveWordRight() { cursor = wordEnd(after: cursor) }

    private func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !isWord(characters[index - 1]) { index -= 1 }
        while index > 0, isWord(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < characters.count, !isWord(characters[index]) { index += 1 }
        while index < characters.count, isWord(characters[index]) { index += 1 }
        return index
    }

    // MARK: - Keys

    /// Applies an editing key; returns false when the key is not an editing key (so the
    /// caller can treat it as a command, e.g. enter or esc).
    @discardableResult
    public mutating func handle(_ event: KeyEvent) -> Bool {
        let ctrl = event.modifiers.contains(.ctrl), alt = event.modifiers.contains(.alt)
        switch (event.key, ctrl, alt) {
        case (.left, true, _), (.left, _, true), (.char("b"), false, true): moveWordLeft()
        case (.right, true, _), (.right, _, true), (.char("f"), false, true): moveWordRight()
        case (.left, false, false): moveLeft()
        case (.right, false, false): moveRight()
        case (.home, _, _), (.char("a"), true, false): moveCursor(to: 0)
        case (.end, _, _), (.char("e"), true, false): moveCursor(to: characters.count)
        case (.backspace, false, true), (.char("w"), true, false): deleteWordBackward()
        case (.backspace, _, _): deleteBackward()
        case (.delete, _, _), (.char("d"), true, false): deleteForward()
        case (.char("d"), false, true): deleteWordForward()
        case (.char("k"), true, false): deleteToEnd()
        case (.char("u"), true, false): deleteToStart()
        case (.char(let c), false, false): insert(String(c))
        default: return false
        }
        return true
    }

    // MARK: - Scrolling

    /// Adjusts `scroll` so the caret is visible in a field `width` cells wide, and pulls the
    /// view back when text was deleted so no space is wasted on the left.
    public mutating func scrollToCursor(width: Int) {
        scroll = visibleStart(width: width)
    }

    /// The first visible grapheme for `width`, starting from the stored scroll.
    public func visibleStart(width: Int) -> Int {
        guard width > 1 else { return cursor }
        var start = min(scroll, cursor)
        while start < cursor, columns(start, cursor) + 1 > width { start += 1 }
        while start > 0, columns(start - 1, characters.count) + 1 <= width { start -= 1 }
        return start
    }

    /// The display width of graphemes in `from..<to`.
    func columns(_ from: Int, _ to: Int) -> Int {
        guard from < to else { return 0 }
        return characters[from..<to].reduce(0) { $0 + TextWidth.width(of: $1) }
    }
}
