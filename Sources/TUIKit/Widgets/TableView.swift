/// A table column: header text, width constraint and alignment.
public struct TableColumn: Hashable, Sendable {
    /// The header text.
    public var title: String
    /// How wide the column is (fixed, percent or fill).
    public var width: Constraint
    /// How cells are aligned.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Constraint = .fill, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Which column a table is sorted by, and in which direction.
public struct TableSort: Hashable, Sendable {
    /// The sorted column's index.
    public var column: Int
    /// True for ascending (`▲`), false for descending (`▼`).
    public var ascending: Bool

    /// Creates a sort marker.
    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}

/// A table with a header row, column widths from constraints, a sort marker and a selected row.
public struct TableView: Widget {
    /// The columns.
    public var columns: [TableColumn]
    /// The body rows; missing cells are blank, extra cells are ignored.
    public var rows: [[String]]
    /// The selected body row.
    public var selected: Int?
    /// The first visible body row before auto-scrolling.
    public var offset: Int
    /// Whether the table has focus.
    public var focused: Bool
    /// The sort marker, if the table is sorted.
    public var sort: TableSort?

    /// Creates a table view.
    public init(columns: [TableColumn], rows: [[String]], selected: Int? = nil, offset: Int = 0, focused: Bool = true, sort: TableSort? = nil) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.focused = focused
        self.sort = sort
    }

    /// Draws the header and the visible rows, columns separated by one space.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        let slots = area.row(0).splitHorizontally(columns.map(\.width), spacing: 1)
        grid.fill(area.row(0), with: .blank(theme[.header]))
        for (index, column) in columns.enumerated() {
            var title = column.title
            if let sort, sort.column == index {
                // Shorten the title rather than lose the marker: the sort order matters more.
                title = TextLayout.truncate(title, to: max(0, slots[index].width - 2)) + (sort.ascending ? " ▲" : " ▼")
            }
            grid.write(TextLayout.pad(title, to: slots[index].width, alignment: column.alignment), at: slots[index].origin, style: theme[.header], clip: slots[index])
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard !body.isEmpty else { return }
        guard !rows.isEmpty else { return grid.writeLine("(no rows)", row: 0, in: body, style: theme[.dim]) }
        let first = Scrolling.offset(keeping: selected, visible: body.height, current: offset, count: rows.count)
        for line in 0..<min(body.height, rows.count - first) {
            let index = first + line
            let style = index == selected ? theme[focused ? .selection : .selectionInactive] : theme[.text]
            grid.fill(body.row(line), with: .blank(style))
            for (column, slot) in slots.enumerated() where column < rows[index].count {
                let cell = Rect(x: slot.x, y: body.y + line, width: slot.width, height: 1)
                grid.write(TextLayout.pad(rows[index][column], to: slot.width, alignment: columns[column].alignment), at: cell.origin, style: style, clip: cell)
            }
        }
    }
}
