/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, emoji) lives in its left cell with `width == 2`; the cell to its right
/// is a *continuation* (empty text, `width == 0`) that backends skip when drawing.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, `""` for a continuation cell.
    public var text: String
    /// How the cell is drawn.
    public var style: Style
    /// The columns the grapheme covers: 1, 2, or 0 for a continuation.
    public var width: Int

    /// A cell holding `character` with `style`; the width is measured by `TextWidth`.
    public init(_ character: Character, style: Style = .plain) {
        self.text = String(character)
        self.style = style
        self.width = max(1, TextWidth.width(of: character))
    }

    private init(text: String, style: Style, width: Int) {
        self.text = text
        self.style = style
        self.width = width
    }

    /// An empty space in the plain style.
    public static let blank = Cell(" ")

    /// A space drawn in `style`.
    public static func blank(_ style: Style) -> Cell { Cell(" ", style: style) }

    /// The right half of a wide grapheme whose left half has `style`.
    public static func continuation(_ style: Style) -> Cell { Cell(text: "", style: style, width: 0) }

    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
