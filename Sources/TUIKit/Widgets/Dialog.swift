/// A centred modal box with a title, a wrapped message and a row of buttons.
///
/// Used for confirmations ("Delete field Email?") and errors; the selected button is drawn in
/// the selection style, and `esc` handling belongs to the caller.
public struct Dialog: Widget {
    /// The title in the top border.
    public var title: String
    /// The body text, wrapped to the box.
    public var message: String
    /// Button labels, left to right.
    public var buttons: [String]
    /// The selected button index.
    public var selectedButton: Int
    /// The widest the box may be.
    public var maxWidth: Int
    /// Draws the body in the error role (for error dialogs).
    public var isError: Bool

    /// Creates a dialog.
    public init(title: String, message: String, buttons: [String] = ["OK"], selectedButton: Int = 0, maxWidth: Int = 50, isError: Bool = false) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.maxWidth = maxWidth
        self.isError = isError
    }

    /// A yes/no confirmation with "No" preselected, so a stray enter does not destroy anything.
    public static func confirm(title: String, message: String, confirmLabel: String = "Yes", cancelLabel: String = "No") -> Dialog {
        Dialog(title: title, message: message, buttons: [confirmLabel, cancelLabel], selectedButton: 1)
    }

    /// The rendered button row text, e.g. `[ Yes ]  [ No ]`.
    var buttonRow: String { buttons.map { "[ \($0) ]" }.joined(separator: "  ") }

    /// The box within `area`.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width, max(maxWidth, TextWidth.width(of: buttonRow) + 4, TextWidth.width(of: title) + 6))
        let lines = TextLayout.wrap(message, width: max(1, width - 4))
        return area.centered(Size(width: width, height: lines.count + 4 + (buttons.isEmpty ? 0 : 1)))
    }

    /// Draws the box, message and buttons.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 6, box.height >= 3 else { return }
        Block(title: title, focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
        let inner = box.inset(by: .symmetric(vertical: 1, horizontal: 2))
        let bodyStyle = theme[.dialog].patched(with: isError ? theme[.error] : Style())
        for (row, line) in TextLayout.wrap(message, width: max(1, inner.width)).enumerated() where row + 1 < inner.height {
            grid.write(line, at: Point(x: inner.x, y: inner.y + 1 + row), style: bodyStyle, clip: inner)
        }
        guard !buttons.isEmpty, inner.height > 0 else { return }
        let y = inner.maxY - 1
        var x = inner.x + max(0, (inner.width - TextWidth.width(of: buttonRow)) / 2)
        for (index, label) in buttons.enumerated() {
            let style = index == selectedButton ? theme[.selection] : theme[.dialog]
            x += grid.write("[ \(label) ]", at: Point(x: x, y: y), style: style, clip: inner) + 2
        }
    }
}
