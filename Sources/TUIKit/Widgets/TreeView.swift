/// A node of a tree to display, with children and a fold state.
public struct TreeNode: Hashable, Sendable {
    /// A stable identifier (a field id, a path).
    public var id: String
    /// The label.
    public var title: String
    /// A right-aligned label (e.g. the field type).
    public var badge: String?
    /// The role for the label when not selected.
    public var role: StyleRole
    /// The children, in order.
    public var children: [TreeNode]
    /// Whether the children are shown.
    public var isExpanded: Bool
    /// Whether the node can have children (a group), even when it has none yet.
    public var isContainer: Bool

    /// Creates a node; containers default to having children.
    public init(id: String, title: String, badge: String? = nil, role: StyleRole = .text, children: [TreeNode] = [], isExpanded: Bool = true, isContainer: Bool? = nil) {
        self.id = id
        self.title = title
        self.badge = badge
        self.role = role
        self.children = children
        self.isExpanded = isExpanded
        self.isContainer = isContainer ?? !children.isEmpty
    }
}

/// One visible row of a flattened tree.
public struct TreeRow: Hashable, Sendable {
    /// The node's id.
    public var id: String
    /// The label.
    public var title: String
    /// The right-aligned label.
    public var badge: String?
    /// The label's role.
    public var role: StyleRole
    /// 0 for roots.
    public var depth: Int
    /// nil for leaves; otherwise whether the node is unfolded.
    public var expanded: Bool?
    /// For each ancestor level below the root, whether that ancestor was the last sibling
    /// (decides between `│ ` and blank guides), followed by this node's own last-ness.
    public var lastFlags: [Bool]

    /// The guide and fold-marker prefix, e.g. `│ ├ ▼ `.
    public var prefix: String {
        var text = ""
        for (level, isLast) in lastFlags.enumerated() {
            let own = level == lastFlags.count - 1
            text += own ? (isLast ? "└ " : "├ ") : (isLast ? "  " : "│ ")
        }
        if let expanded { text += expanded ? "▼ " : "▶ " }
        return text
    }
}

/// A tree drawn as a list with indent guides (`├ └ │`) and fold markers (`▼ ▶`).
public struct TreeView: Widget {
    /// The visible rows, usually from `TreeView.flatten`.
    public var rows: [TreeRow]
    /// The selected row index.
    public var selected: Int?
    /// The first visible row before auto-scrolling.
    public var offset: Int
    /// Whether the tree has focus.
    public var focused: Bool
    /// The row being moved in move mode, drawn with `moveTarget`.
    public var moving: Int?

    /// Creates a tree view.
    public init(rows: [TreeRow], selected: Int? = nil, offset: Int = 0, focused: Bool = true, moving: Int? = nil) {
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.focused = focused
        self.moving = moving
    }

    /// The visible rows of `roots`, depth first, skipping children of folded nodes.
    public static func flatten(_ roots: [TreeNode]) -> [TreeRow] {
        var rows: [TreeRow] = []
        append(roots, depth: 0, flags: [], into: &rows)
        return rows
    }

    private static func append(_ nodes: [TreeNode], depth: Int, flags: [Bool], into rows: inout [TreeRow]) {
        for (index, node) in nodes.enumerated() {
            let isLast = index == nodes.count - 1
            let own = depth == 0 ? [] : flags + [isLast]
            rows.append(TreeRow(
                id: node.id, title: node.title, badge: node.badge, role: node.role, depth: depth,
                expanded: node.isContainer ? node.isExpanded : nil, lastFlags: own
            ))
            if node.isExpanded { append(node.children, depth: depth + 1, flags: own, into: &rows) }
        }
    }

    /// Draws the rows: guides in `guide`, labels in their role, the selection across the row.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard !rows.isEmpty else {
            return ListView(items: [], emptyText: "(no items)").render(into: &grid, area: area, theme: theme)
        }
        let first = Scrolling.offset(keeping: selected, visible: area.height, current: offset, count: rows.count)
        for line in 0..<min(area.height, rows.count - first) {
            let index = first + line
            drawRow(rows[index], index: index, line: area.row(line), into: &grid, theme: theme)
        }
    }

    /// Where the hardware cursor should sit: the selected row, if visible.
    public func cursorPosition(in area: Rect) -> Point? {
        ListView(items: rows.map { ListItem($0.title) }, selected: selected, offset: offset).cursorPosition(in: area)
    }

    private func drawRow(_ row: TreeRow, index: Int, line: Rect, into grid: inout CellGrid, theme: Theme) {
        let isSelected = index == selected
        var rowStyle: Style?
        if index == moving { rowStyle = theme[.moveTarget] } else if isSelected { rowStyle = theme[focused ? .selection : .selectionInactive] }
        grid.fill(line, with: .blank(rowStyle ?? theme[.text]))
        var x = line.x + grid.write(isSelected ? "» " : "  ", at: line.origin, style: rowStyle ?? theme[.text], clip: line)
        x += grid.write(row.prefix, at: Point(x: x, y: line.y), style: rowStyle ?? theme[.guide], clip: line)
        var room = Rect(x: x, y: line.y, width: line.maxX - x, height: 1)
        if let badge = row.badge, !badge.isEmpty, room.width > TextWidth.width(of: badge) + 2 {
            let width = TextWidth.width(of: badge)
            grid.write(badge, at: Point(x: line.maxX - width - 1, y: line.y), style: rowStyle ?? theme[.badge], clip: line)
            room.width -= width + 2
        }
        grid.write(TextLayout.truncate(row.title, to: room.width), at: room.origin, style: rowStyle ?? theme[row.role], clip: room)
    }
}
