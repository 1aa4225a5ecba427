/// Which derived property of a field a graph node computes.
public enum NodeProperty: Int, Sendable, CaseIterable, CustomStringConvertible {
    case value = 0, visible, enabled, required

    public var description: String {
        switch self {
        case .value: return "value"
        case .visible: return "visibility"
        case .enabled: return "enabled state"
        case .required: return "requirement"
        }
    }
}

/// An expression that takes part in evaluation, and where it came from.
public struct RuleSource: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        case property(FieldProperty)
        case rule(id: String, action: RuleAction)
        case pageVisibleIf(pageID: String)
    }

    public let origin: Origin
    public let text: String
    /// The expression as written, for display and explanations.
    public let expression: Expression
    /// The same expression with each resolvable `${key}` replaced by its field's slot, so the
    /// engine reads answers by index instead of hashing keys.
    let evaluable: Expression
    /// The decoded form of a one-comparison condition, when it has that shape.
    let simple: SimpleCondition?

    init(origin: Origin, text: String, expression: Expression, evaluable: Expression? = nil) {
        self.origin = origin
        self.text = text
        self.expression = expression
        self.evaluable = evaluable ?? expression
        simple = SimpleCondition(self.evaluable)
    }

    /// The slot form of a field index inside a reference key: a NUL byte and the decimal index
    /// (no key can contain NUL, so slots never clash with real keys).
    static func slotKey(_ field: Int) -> String { "\u{0}\(field)" }

    /// The field index of a slot key, or nil for an ordinary key.
    static func slot(of key: String) -> Int? {
        var utf8 = key.utf8.makeIterator()
        guard utf8.next() == 0 else { return nil }
        var n = 0
        while let byte = utf8.next() { n = n * 10 + Int(byte &- 48) }
        return n
    }

    /// A copy whose references are resolved from `scope`.
    func resolved(in index: FormIndex, scope: Int) -> RuleSource {
        let evaluable = expression.replacingReferences { key in
            index.resolve(key, from: scope).map { RuleSource.slotKey($0.index) } ?? key
        }
        return RuleSource(origin: origin, text: text, expression: expression, evaluable: evaluable)
    }
}

/// A design-time refusal: the form's rules cannot be evaluated as written.
public enum RuleGraphError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Keys along a dependency cycle, first repeated at the end: `a → b → c → a`.
    case cycle([String])

    public var description: String {
        switch self {
        case .cycle(let keys): return "dependency cycle: " + keys.joined(separator: " → ")
        }
    }
}

/// A form's rules compiled into a dependency graph: per field, the expressions behind its
/// value, visibility, enabled state and requirement, which nodes read which, and an order in
/// which every node comes after everything it reads. Built once per edit.
public struct RuleGraph: Sendable {
    /// Compiled expressions of one field. A class so the engine's hot loop reads it without
    /// copying a dozen arrays; it is not changed after compilation.
    public final class FieldRules: @unchecked Sendable {
        public var visibleIf: RuleSource?
        public var show: [RuleSource] = []
        public var hide: [RuleSource] = []
        public var enabledIf: RuleSource?
        public var enable: [RuleSource] = []
        public var disable: [RuleSource] = []
        public var requiredIf: RuleSource?
        public var require: [RuleSource] = []
        public var calculate: RuleSource?
        public var defaultValue: RuleSource?
        /// `set_value` rules: condition and the value written when it holds.
        public var setValue: [(condition: RuleSource, value: RuleSource)] = []
        public var constraint: RuleSource?
        public var choiceFilter: RuleSource?
        public var repeatCount: RuleSource?

        /// True when no expression or rule touches the field's visibility.
        public var visibilityIsPlain: Bool { visibleIf == nil && show.isEmpty && hide.isEmpty }
        /// True when no expression or rule touches the field's enabled state.
        public var enabledIsPlain: Bool { enabledIf == nil && enable.isEmpty && disable.isEmpty }
    }

    /// A `skip_to_page` rule compiled.
    public struct Skip: Sendable {
        public let condition: RuleSource
        public let fromPage: Int
        public let toPage: Int
    }

    /// An expression that did not parse; the engine treats it as absent and the linter reports it.
    public struct ParseProblem: Sendable, Hashable {
        public let origin: RuleSource.Origin
        public let fieldIndex: Int?
        public let text: String
        public let error: ExpressionError
    }

    public let index: FormIndex
    public let rules: [FieldRules]
    public private(set) var pageVisibleIf: [RuleSource?]
    public private(set) var skips: [Skip] = []
    public private(set) var parseProblems: [ParseProblem] = []
    /// Node ids (field * 4 + property, then one page-path node) in evaluation order.
    public private(set) var order: [Int] = []
    /// Position of each node in `order`.
    public private(set) var rank: [Int] = []
    /// For each node, the nodes that read it.
    public private(set) var dependents: [[Int]] = []

    /// The node that decides whether page `page` is on the respondent's path. It reads only
    /// earlier pages' skips and visibility, so answers on a page can steer later pages.
    public func pageNode(_ page: Int) -> Int { index.entries.count * 4 + page }

    /// Nodes in all: four per field, one per page.
    public var nodeCount: Int { index.entries.count * 4 + pageVisibleIf.count }

    /// Compiles `form`; throws `RuleGraphError.cycle` when a value depends on itself.
    public init(form: Form) throws {
        index = FormIndex(form)
        rules = index.entries.map { _ in FieldRules() }
        pageVisibleIf = []
        compileExpressions(form)
        try buildGraph()
    }

    private mutating func parse(_ text: String?, _ origin: RuleSource.Origin, field: Int?) -> RuleSource? {
        guard let text else { return nil }
        do {
            let source = RuleSource(origin: origin, text: text, expression: try ExpressionParser.parse(text))
            return source.resolved(in: index, scope: field.map { index.entries[$0].scope } ?? 0)
        } catch {
            parseProblems.append(ParseProblem(origin: origin, fieldIndex: field, text: text, error: error))
            return nil
        }
    }

    private mutating func compileExpressions(_ form: Form) {
        for (i, entry) in index.entries.enumerated() {
            let f = entry.field
            rules[i].visibleIf = parse(f.visibleIf, .property(.visibleIf), field: i)
            rules[i].enabledIf = parse(f.enabledIf, .property(.enabledIf), field: i)
            rules[i].requiredIf = parse(f.requiredIf, .property(.requiredIf), field: i)
            rules[i].calculate = parse(f.calculate, .property(.calculate), field: i)
            rules[i].defaultValue = parse(f.defaultValue, .property(.defaultValue), field: i)
            rules[i].constraint = parse(f.constraint?.expression, .property(.constraint), field: i)
            if case .filtered(_, let filter)? = f.choices { rules[i].choiceFilter = parse(filter, .property(.choiceFilter), field: i) }
            rules[i].repeatCount = parse(f.repeatSpec?.countExpression, .property(.repeatCount), field: i)
        }
        pageVisibleIf = form.pages.map { parse($0.visibleIf, .pageVisibleIf(pageID: $0.id), field: nil) }
        let keyOf = { (id: FieldID) in self.index.indexByID[id].map { self.index.entries[$0].field.key } }
        for rule in form.rules {
            let expression = RuleConversion.expression(for: rule.when, keyOf: keyOf)
            let written = RuleSource(origin: .rule(id: rule.id, action: rule.action), text: expression.description, expression: expression)
            if rule.action == .skipToPage {
                let source = written.resolved(in: index, scope: 0)
                let from = rule.when.rows.compactMap { index.indexByID[$0.sourceFieldId].map { index.entries[$0].page } }.max()
                if let from, let to = form.pages.firstIndex(where: { $0.id == rule.targetPageId }) {
                    skips.append(Skip(condition: source, fromPage: from, toPage: to))
                }
                continue
            }
            let setValue = rule.action == .setValue ? parse(rule.setValue, .rule(id: rule.id, action: .setValue), field: nil) : nil
            for target in rule.targetFieldIds {
                guard let t = index.indexByID[target] else { continue }
                let source = written.resolved(in: index, scope: index.entries[t].scope)
                switch rule.action {
                case .show: rules[t].show.append(source)
                case .hide: rules[t].hide.append(source)
                case .require: rules[t].require.append(source)
                case .disable: rules[t].disable.append(source)
                case .enable: rules[t].enable.append(source)
                case .setValue:
                    if let setValue { rules[t].setValue.append((source, setValue.resolved(in: index, scope: index.entries[t].scope))) }
                case .skipToPage: break
                }
            }
        }
    }

    /// The value nodes an expression written in `scope` reads.
    func valueNodes(of source: RuleSource?, scope: Int) -> [Int] {
        guard let source else { return [] }
        return source.evaluable.references.compactMap { key in
            RuleSource.slot(of: key).map { $0 * 4 + NodeProperty.value.rawValue }
        }
    }

    /// Every node `node` reads.
    func inputs(of node: Int) -> [Int] {
        if node >= index.entries.count * 4 {
            let page = node - index.entries.count * 4
            return pageVisibleIf[...page].flatMap { valueNodes(of: $0, scope: 0) }
                + skips.filter { $0.fromPage < page }.flatMap { valueNodes(of: $0.condition, scope: 0) }
        }
        let field = node / 4, property = NodeProperty(rawValue: node % 4)!
        let entry = index.entries[field], r = rules[field], scope = entry.scope
        let me = field * 4
        switch property {
        case .value:
            var out = valueNodes(of: r.calculate, scope: scope) + valueNodes(of: r.defaultValue, scope: scope)
                + valueNodes(of: r.repeatCount, scope: scope)
            for (condition, value) in r.setValue { out += valueNodes(of: condition, scope: scope) + valueNodes(of: value, scope: scope) }
            if entry.field.hiddenValuePolicy == .clear { out.append(me + NodeProperty.visible.rawValue) }
            return out
        case .visible:
            let up = entry.parent.map { $0 * 4 + NodeProperty.visible.rawValue } ?? pageNode(entry.page)
            return [up] + valueNodes(of: r.visibleIf, scope: scope) + (r.show + r.hide).flatMap { valueNodes(of: $0, scope: scope) }
        case .enabled:
            let up = entry.parent.map { [$0 * 4 + NodeProperty.enabled.rawValue] } ?? []
            return up + valueNodes(of: r.enabledIf, scope: scope) + (r.enable + r.disable).flatMap { valueNodes(of: $0, scope: scope) }
        case .required:
            return [me + NodeProperty.visible.rawValue, me + NodeProperty.enabled.rawValue]
                + valueNodes(of: r.requiredIf, scope: scope) + r.require.flatMap { valueNodes(of: $0, scope: scope) }
        }
    }

    /// Orders nodes so each follows its inputs (Kahn), or names a cycle.
    private mutating func buildGraph() throws {
        let count = nodeCount
        var inputsOf = [[Int]](repeating: [], count: count)
        dependents = [[Int]](repeating: [], count: count)
        var pending = [Int](repeating: 0, count: count)
        for node in 0..<count {
            let ins = Array(Set(inputs(of: node)))
            inputsOf[node] = ins
            pending[node] = ins.count
            for input in ins { dependents[input].append(node) }
        }
        var ready = (0..<count).filter { pending[$0] == 0 }
        order.reserveCapacity(count)
        while let node = ready.popLast() {
            order.append(node)
            for next in dependents[node] {
                pending[next] -= 1
                if pending[next] == 0 { ready.append(next) }
            }
        }
        if order.count < count {
            throw RuleGraphError.cycle(cyclePath(inputsOf: inputsOf, stuck: Set((0..<count).filter { pending[$0] > 0 })))
        }
        rank = [Int](repeating: 0, count: count)
        for (position, node) in order.enumerated() { rank[node] = position }
    }

    /// Walks inputs among the stuck nodes until one repeats, and names the fields on that loop.
    private func cyclePath(inputsOf: [[Int]], stuck: Set<Int>) -> [String] {
        var node = stuck.min()!
        var seen: [Int: Int] = [:]
        var walk: [Int] = []
        while seen[node] == nil {
            seen[node] = walk.count
            walk.append(node)
            node = inputsOf[node].filter { stuck.contains($0) }.min()!
        }
        // Inputs were followed backwards; reverse to read in the direction values flow.
        let loop = Array(walk[seen[node]!...].reversed())
        var keys: [String] = []
        for n in loop {
            let fields = index.entries.count * 4
            let key = n >= fields ? "(page \"\(index.form.pages[n - fields].id)\")" : index.entries[n / 4].field.key
            if keys.last != key { keys.append(key) }
        }
        if keys.count > 1, keys.first == keys.last { keys.removeLast() }
        keys.append(keys[0])
        return keys
    }
}
