import Foundation

/// A table: column definitions, a header row and body rows of plain strings.
public struct TableSpec: Sendable, Equatable {
    /// Column definitions; their count fixes the number of cells per row.
    public var columns: [TableColumn]
    /// Body rows. A row shorter than `columns` is padded with empty cells; extra cells are ignored.
    public var rows: [[String]]
    /// Whether the header row is repeated at the top of every page the table continues on.
    public var repeatHeader: Bool
    /// An optional caption shown above the table.
    public var caption: String?

    /// Creates a table.
    public init(columns: [TableColumn], rows: [[String]], repeatHeader: Bool = true, caption: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.repeatHeader = repeatHeader
        self.caption = caption
    }

    /// The header row: one title per column.
    public var headerRow: [String] { columns.map(\.title) }
}

/// One table column.
public struct TableColumn: Sendable, Equatable {
    /// The header text.
    public var title: String
    /// Relative width: each column gets `width / sum(widths)` of the table width.
    public var width: Double
    /// Horizontal alignment of the cells.
    public var alignment: TableAlignment

    /// Creates a column; non-positive widths are treated as 1.
    public init(title: String, width: Double = 1, alignment: TableAlignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Horizontal alignment of text inside a table cell.
public enum TableAlignment: String, Sendable, Equatable, CaseIterable {
    /// Left in left-to-right text.
    case leading
    /// Centred.
    case center
    /// Right in left-to-right text; the usual choice for numbers.
    case trailing
}
