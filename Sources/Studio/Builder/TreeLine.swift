import FormCore
import TUIKit

/// One visible row of the builder's field tree.
public struct TreeLine: Hashable, Sendable {
    /// The prefix of page-row ids, which cannot clash with field ids (they never hold `§`).
    public static let pagePrefix = "§page:"

    /// The field id, or `§page:<id>` for a page header.
    public var id: String
    /// The label shown (the key when the label is empty).
    public var title: String
    /// The field's key (empty for pages).
    public var key: String
    /// The field's type (nil for pages).
    public var type: FieldType?
    /// Nesting depth: 0 for top-level fields.
    public var depth: Int
    /// For groups: whether unfolded; nil for leaves and pages.
    public var expanded: Bool?
    /// Whether the node is the last among its siblings.
    public var isLast: Bool
    /// The row of the parent group (nil at the top level), for drawing guides.
    public var parentRow: Int?

    /// True for a page header row.
    public var isPage: Bool { type == nil }

    /// Rows of `form`, depth first, skipping children of folded groups. Page headers appear
    /// only when the form has more than one page.
    public static func layout(_ form: Form, collapsed: Set<FieldID>) -> [TreeLine] {
        var rows: [TreeLine] = []
        let showPages = form.pages.count > 1
        for page in form.pages {
            if showPages {
                rows.append(TreeLine(id: pagePrefix + page.id, title: page.title.isEmpty ? page.id : page.title, key: "",
                                     type: nil, depth: 0, expanded: nil, isLast: true, parentRow: nil))
            }
            walk(page.fields, depth: showPages ? 1 : 0, parent: nil, collapsed: collapsed, rows: &rows)
        }
        return rows
    }

    private static func walk(_ fields: [Field], depth: Int, parent: Int?, collapsed: Set<FieldID>, rows: inout [TreeLine]) {
        for (index, field) in fields.enumerated() {
            let isGroup = field.type.isContainer
            let open = isGroup && !collapsed.contains(field.id)
            let row = rows.count
            rows.append(TreeLine(id: field.id, title: field.label.isEmpty ? field.key : field.label, key: field.key, type: field.type,
                                 depth: depth, expanded: isGroup ? open : nil, isLast: index == fields.count - 1, parentRow: parent))
            if open, !field.children.isEmpty { walk(field.children, depth: depth + 1, parent: row, collapsed: collapsed, rows: &rows) }
        }
    }

    /// Fields that a rule reads or acts on, or that carry an expression.
    public static func touchedByRules(_ form: Form) -> Set<FieldID> {
        var touched: Set<FieldID> = []
        for rule in form.rules {
            rule.when.rows.forEach { touched.insert($0.sourceFieldId) }
            rule.targetFieldIds.forEach { touched.insert($0) }
        }
        func visit(_ fields: [Field]) {
            for field in fields {
                if field.visibleIf != nil || field.requiredIf != nil || field.enabledIf != nil || field.calculate != nil { touched.insert(field.id) }
                if !field.children.isEmpty { visit(field.children) }
            }
        }
        form.pages.forEach { visit($0.fields) }
        return touched
    }

    /// The row as TUIKit's tree view draws it: guides, fold marker, badge `key type`. Guides
    /// come from walking up the parent rows, so only rows on screen pay for them.
    func treeRow(touched: Bool, in rows: [TreeLine]) -> TreeRow {
        let badge: String?
        if let type { badge = (touched ? "◆ " : "") + "\(key) \(type.rawValue)" } else { badge = "page" }
        var guides: [Bool] = []
        if depth > 0 {
            guides = [isLast]
            var up = parentRow
            while let index = up, guides.count < depth, rows.indices.contains(index) {
                guides.append(rows[index].isLast)
                up = rows[index].parentRow
            }
            guides.reverse()
        }
        return TreeRow(id: id, title: title, badge: badge, role: isPage ? .title : .text, depth: depth,
                       expanded: expanded, lastness: guides)
    }
}
