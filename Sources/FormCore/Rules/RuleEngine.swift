import Foundation

/// Evaluates a form's rules against a set of answers, and keeps the result current as answers
/// change: a change re-evaluates only the nodes downstream of it, in graph order, and stops
/// where a result did not change. The result always equals a full evaluation.
public final class RuleEngine {
    public let graph: RuleGraph
    public private(set) var answers: Answers
    /// The moment `today()` and `now()` mean (fixed per engine so results are repeatable).
    public var now: Date
    public var timeZone: TimeZone
    /// Pages a respondent walks, in order (hidden and skipped pages left out).
    public private(set) var pagePath: [Int] = []
    /// Evaluation errors (type mismatches, bad regexes) by node and instance; the condition
    /// that failed counted as false.
    private(set) var errors: [NodeInstance: (source: RuleSource, error: EvaluationError)] = [:]

    private var onPath: [Bool] = []
    private var root: InstanceState
    private var repeatStates: [Int: [[Int]: InstanceState]] = [:]
    private var instancePaths: [[[Int]]] = []
    private var localIndex: [Int]
    // Flat per-field facts, read in the hot loop instead of copying `FormIndex.Entry` values.
    let scopeOf: [Int]
    let scopeDepth: [Int]
    private let parentOf: [Int]
    private let pageOf: [Int]
    private let keyOf: [String]
    private let typeOf: [FieldType]
    private let clearsWhenHidden: [Bool]
    private let alwaysRequired: [Bool]
    private let repeatKeys: [[String]]
    private let rules: [RuleGraph.FieldRules]
    /// Nodes no expression touches, computed without building a context.
    private let plainValue: [Bool]
    private let plainVisible: [Bool]
    private let plainEnabled: [Bool]
    private let plainRequired: [Bool]
    /// Answers of fields outside repeats by field index, kept in step with `answers` so the hot
    /// loop never hashes a key.
    private var rootAnswer: [Value?]

    /// Compiles `form` and evaluates it against `answers`. Throws when the rules have a cycle.
    public convenience init(form: Form, answers: Answers = Answers(), now: Date = Date(),
                            timeZone: TimeZone = TimeZone.current) throws {
        try self.init(graph: RuleGraph(form: form), answers: answers, now: now, timeZone: timeZone)
    }

    /// Evaluates an already compiled graph against `answers`.
    public init(graph: RuleGraph, answers: Answers = Answers(), now: Date = Date(), timeZone: TimeZone = TimeZone.current) {
        self.graph = graph
        self.answers = answers
        self.now = now
        self.timeZone = timeZone
        let index = graph.index
        scopeOf = index.entries.map(\.scope)
        scopeDepth = index.scopes.map(\.repeatKeys.count)
        parentOf = index.entries.map { $0.parent ?? -1 }
        pageOf = index.entries.map(\.page)
        keyOf = index.entries.map(\.field.key)
        typeOf = index.entries.map(\.field.type)
        clearsWhenHidden = index.entries.map { $0.field.hiddenValuePolicy == .clear }
        alwaysRequired = index.entries.map(\.field.required)
        repeatKeys = index.scopes.map(\.repeatKeys)
        rules = graph.rules
        plainValue = index.entries.indices.map { i in
            let r = graph.rules[i], type = index.entries[i].field.type
            return !type.isContainer && type != .note && r.calculate == nil && r.defaultValue == nil && r.setValue.isEmpty
        }
        plainVisible = graph.rules.map(\.visibilityIsPlain)
        plainEnabled = graph.rules.map(\.enabledIsPlain)
        plainRequired = graph.rules.map { $0.requiredIf == nil && $0.require.isEmpty }
        rootAnswer = index.entries.map { $0.scope == 0 ? answers.values[$0.field.key] : nil }
        localIndex = Array(repeating: 0, count: index.entries.count)
        for scope in index.scopes {
            for (position, field) in scope.fields.enumerated() { localIndex[field] = position }
        }
        root = InstanceState(count: index.scopes[0].fields.count)
        evaluateAll()
    }

    public var index: FormIndex { graph.index }

    // MARK: - Reading results

    /// The state of the field with `id` in the repeat instance at `instance` (empty outside repeats).
    public func state(of id: FieldID, instance: [Int] = []) -> FieldState? {
        guard let field = index.indexByID[id] else { return nil }
        return state(ofIndex: field, instance: instance)
    }

    /// The state of the field at `field` (a `FormIndex` position).
    public func state(ofIndex field: Int, instance: [Int] = []) -> FieldState? {
        let scope = index.entries[field].scope
        guard let s = instanceState(scope, instance) else { return nil }
        let i = localIndex[field]
        return FieldState(visible: s.visible[i], enabled: s.enabled[i], required: s.required[i], value: s.values[i])
    }

    /// The instance paths of the scope a field sits in (`[[]]` for fields outside repeats).
    public func instances(ofField field: Int) -> [[Int]] { instancePaths[index.entries[field].scope] }

    /// Whether page `page` is on the respondent's path.
    public func isOnPath(page: Int) -> Bool { onPath.indices.contains(page) && onPath[page] }

    /// The evaluation error recorded for one of the field's properties, if any.
    public func evaluationError(field: Int, property: NodeProperty, instance: [Int] = []) -> (source: RuleSource, error: EvaluationError)? {
        errors[NodeInstance(node: field * 4 + property.rawValue, path: instance)]
    }

    /// Every recorded evaluation error.
    public var allEvaluationErrors: [(field: Int, instance: [Int], source: RuleSource, error: EvaluationError)] {
        errors.map { ($0.key.node / 4, $0.key.path, $0.value.source, $0.value.error) }.sorted { $0.field < $1.field }
    }

    // MARK: - Changing answers

    /// Sets (or with nil removes, so the default applies) one answer and re-evaluates what
    /// depends on it. Writing into a repeat instance that does not exist yet creates it.
    public func setAnswer(_ value: Value?, for id: FieldID, instance: [Int] = []) {
        guard let field = index.indexByID[id] else { return }
        let entry = index.entries[field]
        let keys = index.scopes[entry.scope].repeatKeys
        let existed = instanceState(entry.scope, instance) != nil
        answers.modifyInstance(keys: keys, path: instance) { $0.values[entry.field.key] = value }
        if entry.scope == 0 { rootAnswer[field] = value }
        if existed && instance.count == keys.count {
            propagate(from: field * 4 + NodeProperty.value.rawValue)
        } else {
            evaluateAll()
        }
    }

    /// Replaces all answers and evaluates from scratch.
    public func replaceAnswers(_ answers: Answers) {
        self.answers = answers
        rootAnswer = index.entries.map { $0.scope == 0 ? answers.values[$0.field.key] : nil }
        evaluateAll()
    }

    /// Sets how many instances a repeat group has under `parent` (its enclosing instance).
    public func setInstanceCount(_ count: Int, ofRepeat id: FieldID, parent: [Int] = []) {
        guard let field = index.indexByID[id] else { return }
        let entry = index.entries[field]
        let keys = index.scopes[entry.scope].repeatKeys
        answers.modifyInstance(keys: keys, path: parent) { answers in
            var instances = answers.repeats[entry.field.key] ?? []
            if instances.count > count { instances.removeLast(instances.count - count) }
            while instances.count < count { instances.append(Answers()) }
            answers.repeats[entry.field.key] = instances
        }
        evaluateAll()
    }

    // MARK: - Evaluation

    /// Evaluates every node in graph order.
    public func evaluateAll() {
        errors.removeAll()
        onPath = Array(repeating: false, count: graph.pageVisibleIf.count)
        pagePath = []
        rebuildInstances()
        for node in graph.order { _ = evaluate(node) }
    }

    private func rebuildInstances() {
        instancePaths = index.scopes.map { _ in [] }
        instancePaths[0] = [[]]
        repeatStates = [:]
        for (s, scope) in index.scopes.enumerated() where s > 0 {
            var paths: [[Int]] = []
            for parentPath in instancePaths[scope.parent!] {
                let key = scope.repeatKeys.last!
                let count = answers.instance(keys: Array(scope.repeatKeys.dropLast()), path: parentPath)?.repeats[key]?.count ?? 0
                for i in 0..<count { paths.append(parentPath + [i]) }
            }
            instancePaths[s] = paths
            var states: [[Int]: InstanceState] = [:]
            for path in paths { states[path] = InstanceState(count: scope.fields.count) }
            repeatStates[s] = states
        }
        root = InstanceState(count: index.scopes[0].fields.count)
    }

    /// Re-evaluates from one node, visiting dependents in rank order only while results change.
    private func propagate(from start: Int) {
        var heap = RankHeap(rank: graph.rank)
        var queued = Set<Int>()
        heap.push(start)
        queued.insert(start)
        while let node = heap.pop() {
            queued.remove(node)
            guard evaluate(node) else { continue }
            for next in graph.dependents[node] where queued.insert(next).inserted { heap.push(next) }
        }
    }

    /// Evaluates one node for every instance of its scope; true when any result changed.
    private func evaluate(_ node: Int) -> Bool {
        let fieldNodes = index.entries.count * 4
        if node >= fieldNodes { return evaluatePage(node - fieldNodes) }
        let field = node / 4, property = NodeProperty(rawValue: node % 4)!
        let scope = scopeOf[field]
        if scope == 0 { return evaluateRoot(field, property) }
        var changed = false
        for path in instancePaths[scope] {
            changed = evaluate(field, property, path: path) || changed
        }
        return changed
    }

    /// A field outside repeats: plain nodes are computed straight from the arrays; the rest
    /// take the general path.
    private func evaluateRoot(_ field: Int, _ property: NodeProperty) -> Bool {
        let i = localIndex[field]
        switch property {
        case .value where plainValue[field]:
            var value = rootAnswer[field] ?? .empty
            if clearsWhenHidden[field], !root.visible[i] { value = .empty }
            if root.values[i] == value { return false }
            root.values[i] = value
        case .visible where plainVisible[field]:
            let parent = parentOf[field]
            let visible = parent >= 0 ? root.visible[localIndex[parent]] : onPath[pageOf[field]]
            if root.visible[i] == visible { return false }
            root.visible[i] = visible
        case .enabled where plainEnabled[field]:
            let parent = parentOf[field]
            let enabled = parent >= 0 ? root.enabled[localIndex[parent]] : true
            if root.enabled[i] == enabled { return false }
            root.enabled[i] = enabled
        case .required where plainRequired[field]:
            let required = alwaysRequired[field] && root.visible[i] && root.enabled[i]
            if root.required[i] == required { return false }
            root.required[i] = required
        default:
            return evaluate(field, property, path: [])
        }
        return true
    }

    /// Computes one node for one instance (reading other results), then stores it.
    /// Reads and the write are kept apart: expressions read the same storage.
    private func evaluate(_ field: Int, _ property: NodeProperty, path: [Int]) -> Bool {
        let scope = scopeOf[field]
        let context = EngineContext(engine: self, scope: scope, path: path)
        let node = field * 4 + property.rawValue
        if !errors.isEmpty { errors[NodeInstance(node: node, path: path)] = nil }
        let i = localIndex[field]
        // No copy of the instance state may live across the write below: it would force the
        // arrays to be copied whole (copy-on-write).
        switch property {
        case .value:
            var value = computeValue(field, path: path, context: context, node: node)
            if clearsWhenHidden[field], !storedVisible(field, path: path) { value = .empty }
            guard storedValue(field, path: path) != value else { return false }
            modifyState(scope, path) { $0.values[i] = value }
        case .visible:
            let visible = computeVisible(field, path: path, context: context, node: node)
            guard storedVisible(field, path: path) != visible else { return false }
            modifyState(scope, path) { $0.visible[i] = visible }
        case .enabled:
            let enabled = computeEnabled(field, path: path, context: context, node: node)
            guard storedEnabled(field, path: path) != enabled else { return false }
            modifyState(scope, path) { $0.enabled[i] = enabled }
        case .required:
            let r = rules[field]
            let wasRequired = scope == 0 ? root.required[i] : repeatStates[scope]?[path]?.required[i] ?? false
            var required = storedVisible(field, path: path) && storedEnabled(field, path: path)
            if required {
                required = alwaysRequired[field]
                    || (r.requiredIf.map { holds($0, context, node, path) } ?? false)
                    || r.require.contains { holds($0, context, node, path) }
            }
            guard wasRequired != required else { return false }
            modifyState(scope, path) { $0.required[i] = required }
        }
        return true
    }

    private func modifyState(_ scope: Int, _ path: [Int], _ body: (inout InstanceState) -> Void) {
        if scope == 0 { body(&root) } else { body(&repeatStates[scope]![path]!) }
    }

    private func computeValue(_ field: Int, path: [Int], context: EngineContext, node: Int) -> Value {
        let r = rules[field], scope = scopeOf[field], key = keyOf[field]
        switch typeOf[field] {
        case .repeatGroup:
            return .number(Double(answers.instance(keys: repeatKeys[scope], path: path)?.repeats[key]?.count ?? 0))
        case .group, .note:
            return .empty
        default:
            break
        }
        if let calculate = r.calculate { return value(of: calculate, context, node, path) }
        var value: Value
        if scope == 0 {
            value = rootAnswer[field] ?? r.defaultValue.map { self.value(of: $0, context, node, path) } ?? .empty
        } else {
            let stored = answers.instance(keys: repeatKeys[scope], path: path)?.values[key]
            value = stored ?? r.defaultValue.map { self.value(of: $0, context, node, path) } ?? .empty
        }
        for (condition, newValue) in r.setValue where holds(condition, context, node, path) {
            value = self.value(of: newValue, context, node, path)
        }
        return value
    }

    private func computeVisible(_ field: Int, path: [Int], context: EngineContext, node: Int) -> Bool {
        let r = rules[field], parent = parentOf[field]
        if parent >= 0 {
            let parentPath = scopeOf[parent] == scopeOf[field] ? path : Array(path.dropLast())
            guard storedVisible(parent, path: parentPath) else { return false }
        } else if !onPath[pageOf[field]] {
            return false
        }
        if r.visibilityIsPlain { return true }
        if let visibleIf = r.visibleIf, !holds(visibleIf, context, node, path) { return false }
        if !r.show.isEmpty, !r.show.contains(where: { holds($0, context, node, path) }) { return false }
        return !r.hide.contains { holds($0, context, node, path) }
    }

    private func computeEnabled(_ field: Int, path: [Int], context: EngineContext, node: Int) -> Bool {
        let r = rules[field], parent = parentOf[field]
        if parent >= 0 {
            guard storedEnabled(parent, path: scopeOf[parent] == scopeOf[field] ? path : Array(path.dropLast())) else { return false }
        }
        if r.enabledIsPlain { return true }
        if let enabledIf = r.enabledIf, !holds(enabledIf, context, node, path) { return false }
        if !r.enable.isEmpty, !r.enable.contains(where: { holds($0, context, node, path) }) { return false }
        return !r.disable.contains { holds($0, context, node, path) }
    }

    /// Walks the pages up to `target` (visible pages in order, jumping where a skip holds) and
    /// records whether `target` is visited.
    private func evaluatePage(_ target: Int) -> Bool {
        let context = EngineContext(engine: self, scope: 0, path: [])
        let node = graph.pageNode(target)
        var page = 0
        var visited = false
        while page <= target {
            if let condition = graph.pageVisibleIf[page], !holds(condition, context, node, []) {
                page += 1
                continue
            }
            if page == target { visited = true; break }
            let skip = graph.skips.first { $0.fromPage == page && $0.toPage > page && holds($0.condition, context, node, []) }
            page = skip?.toPage ?? page + 1
        }
        guard onPath[target] != visited else { return false }
        onPath[target] = visited
        pagePath = onPath.indices.filter { onPath[$0] }
        return true
    }

    // MARK: - Expression helpers

    private func holds(_ source: RuleSource, _ context: EngineContext, _ node: Int, _ path: [Int]) -> Bool {
        do {
            if let simple = source.simple, scopeOf[simple.field] == 0 {
                return try simple.holds(for: root.values[localIndex[simple.field]])
            }
            return try source.evaluable.evaluateCondition(in: context)
        } catch {
            errors[NodeInstance(node: node, path: path)] = (source, error)
            return false
        }
    }

    private func value(of source: RuleSource, _ context: EngineContext, _ node: Int, _ path: [Int]) -> Value {
        do {
            return try source.evaluable.evaluate(in: context)
        } catch {
            errors[NodeInstance(node: node, path: path)] = (source, error)
            return .empty
        }
    }

    // MARK: - Storage access for contexts

    private func instanceState(_ scope: Int, _ path: [Int]) -> InstanceState? {
        scope == 0 ? (path.isEmpty ? root : nil) : repeatStates[scope]?[path]
    }

    func storedValue(_ field: Int, path: [Int]) -> Value {
        let scope = scopeOf[field]
        if scope == 0 { return root.values[localIndex[field]] }
        return repeatStates[scope]?[path]?.values[localIndex[field]] ?? .empty
    }

    private func storedVisible(_ field: Int, path: [Int]) -> Bool {
        let scope = scopeOf[field]
        if scope == 0 { return root.visible[localIndex[field]] }
        return repeatStates[scope]?[path]?.visible[localIndex[field]] ?? false
    }

    private func storedEnabled(_ field: Int, path: [Int]) -> Bool {
        let scope = scopeOf[field]
        if scope == 0 { return root.enabled[localIndex[field]] }
        return repeatStates[scope]?[path]?.enabled[localIndex[field]] ?? false
    }

    /// Values of a field inside a repeat across every instance below `path`.
    func aggregate(_ field: Int, under path: [Int]) -> [Value] {
        let scope = scopeOf[field]
        return instancePaths[scope].filter { $0.starts(with: path) }.map { storedValue(field, path: $0) }
    }
}

/// A binary min-heap of node ids ordered by their rank in the graph.
struct RankHeap {
    let rank: [Int]
    private var items: [Int] = []

    init(rank: [Int]) { self.rank = rank }

    mutating func push(_ node: Int) {
        items.append(node)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard rank[items[child]] < rank[items[parent]] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, rank[items[left]] < rank[items[smallest]] { smallest = left }
                if right < items.count, rank[items[right]] < rank[items[smallest]] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
