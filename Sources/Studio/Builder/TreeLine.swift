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
    /// Per level, whether the node at that level is the last among its siblings.
    public var lastFlags: [Bool]

    /// True for a page header row.
    public var isPage: Bool { type == nil }

    /// Rows of `form`, depth first, skipping children of folded groups, and every field with
    /// its depth regardless of folds, in one walk. Page headers appear only when the form has
    /// more than one page.
    public static func layout(_ form: Form, collapsed: Set<FieldID>) -> (rows: [TreeLine], flat: [(field: Field, depth: Int)]) {
        var rows: [TreeLine] = [], flat: [(field: Field, depth: Int)] = []
        let count = form.pages.reduce(0) { $0 + $1.fields.count }
        rows.reserveCapacity(count)
        flat.reserveCapacity(count)
        let showPages = form.pages.count > 1
        for page in form.pages {
            if showPages {
                rows.append(TreeLine(id: pagePrefix + page.id, title: page.title.isEmpty ? page.id : page.title, key: "",
                                     type: nil, depth: 0, expanded: nil, lastFlags: []))
            }
            walk(page.fields, depth: showPages ? 1 : 0, fieldDepth: 0, flags: [], shown: true, collapsed: collapsed, rows: &rows, flat: &flat)
        }
        return (rows, flat)
    }

    private static func walk(_ fields: [Field], depth: Int, fieldDepth: Int, flags: [Bool], shown: Bool, collapsed: Set<FieldID>,
                             rows: inout [TreeLine], flat: inout [(field: Field, depth: Int)]) {
        for (index, field) in fields.enumerated() {
            flat.append((field, fieldDepth))
            let isGroup = field.type.isContainer
            let open = isGroup && !collapsed.contains(field.id)
            var own = flags
            if shown {
                own.append(index == fields.count - 1)
                rows.append(TreeLine(id: field.id, title: field.label.isEmpty ? field.key : field.label, key: field.key,
                                     type: field.type, depth: depth, expanded: isGroup ? open : nil, lastFlags: own))
            }
            if !field.children.isEmpty {
                walk(field.children, depth: depth + 1, fieldDepth: fieldDepth + 1, flags: own, shown: shown && open,
                     collapsed: collapsed, rows: &rows, flat: &flat)
            }
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

    /// The row as TUIKit's tree view draws it: guides, fold marker, badge `key type`.
    func treeRow(touched: Bool) -> TreeRow {
        let badge: String?
        if let type { badge = (touched ? "◆ " : "") + "\(key) \(type.rawValue)" } else { badge = "page" }
        let guides = depth == 0 ? [] : Array(lastFlags.suffix(depth))
        return TreeRow(id: id, title: title, badge: badge, role: isPage ? .title : .text, depth: depth,
                       expanded: expanded, lastness: guides)
    }
}
