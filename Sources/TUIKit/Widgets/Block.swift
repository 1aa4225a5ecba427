/// The line characters used to draw a border.
public struct BorderSet: Hashable, Sendable {
    /// Corners and edges, in the order top-left, top-right, bottom-left, bottom-right,
    /// horizontal, vertical.
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character

    /// Creates a border set.
    public init(topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character, horizontal: Character, vertical: Character) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// `┌─┐` single lines.
    public static let plain = BorderSet(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    /// `╭─╮` rounded corners.
    public static let rounded = BorderSet(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    /// `╔═╗` double lines.
    public static let double = BorderSet(topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═", vertical: "║")
    /// `┏━┓` heavy lines, for the focused panel on monochrome terminals.
    public static let thick = BorderSet(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
    /// `+-+` for terminals without line drawing (non-UTF-8 locales).
    public static let ascii = BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
}

/// A bordered box with an optional title; the content goes in `inner(_:)`.
public struct Block: Widget {
    /// Shown in the top border, e.g. `┌ Fields ───┐`.
    public var title: String?
    /// Shown right-aligned in the bottom border (counts, hints).
    public var footer: String?
    /// Focused blocks use `borderFocused`.
    public var focused: Bool
    /// The line characters.
    public var border: BorderSet
    /// The role filling the inside (nil leaves the inside untouched).
    public var fillRole: StyleRole?

    /// Creates a block.
    public init(title: String? = nil, footer: String? = nil, focused: Bool = false, border: BorderSet = .plain, fillRole: StyleRole? = nil) {
        self.title = title
        self.footer = footer
        self.focused = focused
        self.border = border
        self.fillRole = fillRole
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(1) }

    /// Draws the border and title.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        let style = theme[focused ? .borderFocused : .border]
        if let fillRole { grid.fill(inner(area), with: .blank(theme[fillRole])) }
        let b = border
        let middle = String(repeating: b.horizontal, count: area.width - 2)
        grid.write("\(b.topLeft)\(middle)\(b.topRight)", at: area.origin, style: style, clip: area)
        grid.write("\(b.bottomLeft)\(middle)\(b.bottomRight)", at: Point(x: area.x, y: area.maxY - 1), style: style, clip: area)
        for y in (area.y + 1)..<(area.maxY - 1) {
            grid.write(String(b.vertical), at: Point(x: area.x, y: y), style: style, clip: area)
            grid.write(String(b.vertical), at: Point(x: area.maxX - 1, y: y), style: style, clip: area)
        }
        let titleRoom = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
        if let title, !title.isEmpty, area.width > 4 {
            let text = " " + TextLayout.truncate(title, to: area.width - 4) + " "
            grid.write(text, at: titleRoom.origin, style: theme[.title], clip: titleRoom)
        }
        if let footer, !footer.isEmpty, area.width > 4 {
            let text = " " + TextLayout.truncate(footer, to: area.width - 4) + " "
            let x = area.maxX - 1 - TextWidth.width(of: text)
            grid.write(text, at: Point(x: x, y: area.maxY - 1), style: theme[.dim], clip: Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1))
        }
    }
}
