/// Questions the rule engine and linter ask about a tree without evaluating it.
extension Expression {
    /// Every node in the tree, parents before children, left to right. Iterative, so safe
    /// on any tree.
    public var allNodes: [Expression] {
        var result: [Expression] = []
        var stack: [Expression] = [self]
        while let node = stack.popLast() {
            result.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// The keys of every `${key}` in the tree: the fields this expression depends on.
    public var references: Set<String> {
        var keys = Set<String>()
        for node in allNodes {
            if case .reference(let key) = node.kind { keys.insert(key) }
        }
        return keys
    }

    /// Every built-in function the tree calls.
    public var functions: Set<Function> {
        var used = Set<Function>()
        for node in allNodes {
            if case .call(let function, _) = node.kind { used.insert(function) }
        }
        return used
    }

    /// True when the value can change from one moment to the next (`today()`, `now()`),
    /// so a cached result must not be reused across days.
    public var dependsOnClock: Bool {
        !functions.isDisjoint(with: [.today, .now, .age])
    }

    /// A copy with every `${key}` renamed by `rename` (for when a field's key changes).
    public func replacingReferences(_ rename: (String) -> String) -> Expression {
        var copy = self
        switch kind {
        case .literal: break
        case .reference(let key): copy.kind = .reference(rename(key))
        case .unary(let op, let operand): copy.kind = .unary(op, operand.replacingReferences(rename))
        case .binary(let op, let lhs, let rhs):
            copy.kind = .binary(op, lhs.replacingReferences(rename), rhs.replacingReferences(rename))
        case .call(let function, let args): copy.kind = .call(function, args.map { $0.replacingReferences(rename) })
        case .inList(let value, let items):
            copy.kind = .inList(value.replacingReferences(rename), items.map { $0.replacingReferences(rename) })
        case .between(let value, let low, let high):
            copy.kind = .between(value.replacingReferences(rename), low.replacingReferences(rename), high.replacingReferences(rename))
        }
        return copy
    }
}
