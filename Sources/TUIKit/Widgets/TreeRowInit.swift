extension TreeRow {
    /// Creates a row directly (`lastness` is `lastFlags`), for apps that flatten their own trees and turn only the visible
    /// window into rows (a 10,000-field form need not build 10,000 `TreeNode`s per frame).
    public init(id: String, title: String, badge: String? = nil, role: StyleRole = .text, depth: Int,
                expanded: Bool? = nil, lastness: [Bool]) {
        self.id = id
        self.title = title
        self.badge = badge
        self.role = role
        self.depth = depth
        self.expanded = expanded
        self.lastFlags = lastness
    }
}
