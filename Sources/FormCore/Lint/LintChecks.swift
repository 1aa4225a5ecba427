import Foundation

extension Linter {
    /// Rule rows: sources, targets and pages exist; operators fit the source's type; compared
    /// choice values exist; skips go forward.
    static func ruleRows(_ form: Form, _ index: FormIndex) -> [LintIssue] {
        var issues: [LintIssue] = []
        for rule in form.rules {
            let at = "rule \"\(rule.id)\""
            var sourcePages: [Int] = []
            for row in rule.when.rows {
                guard let source = index.indexByID[row.sourceFieldId] else {
                    issues.append(LintIssue("unknown-field", .error, at: at, "reads \"\(row.sourceFieldId)\", which is not a field of this form"))
                    continue
                }
                let field = index.entries[source].field
                sourcePages.append(index.entries[source].page)
                if !RuleOperator.valid(for: field.type.answerKind).contains(row.condition) {
                    issues.append(LintIssue("bad-operator", .error, at: at,
                                            "\"\(row.condition.rawValue)\" does not apply to \(field.type.displayName.lowercased()) field \"\(field.key)\""))
                }
                if row.condition == .between, case .list(let items) = row.value, items.count != 2 {
                    issues.append(LintIssue("bad-value", .error, at: at, "between needs exactly two values"))
                }
                issues += unknownChoices(in: row.value, field: field, at: at)
            }
            for target in rule.targetFieldIds {
                guard let t = index.indexByID[target] else {
                    issues.append(LintIssue("unknown-field", .error, at: at, "targets \"\(target)\", which is not a field of this form"))
                    continue
                }
                let field = index.entries[t].field
                if rule.action == .setValue, field.calculate != nil {
                    issues.append(LintIssue("set-calculated", .warning, at: at, "sets \"\(field.key)\", whose calculation always wins"))
                }
            }
            if rule.action == .skipToPage, let pageID = rule.targetPageId {
                if let target = form.pages.firstIndex(where: { $0.id == pageID }) {
                    if let from = sourcePages.max(), target <= from {
                        issues.append(LintIssue("backward-skip", .error, at: at, "skips back to page \"\(pageID)\"; skips must go forward"))
                    }
                } else {
                    issues.append(LintIssue("unknown-page", .error, at: at, "skips to \"\(pageID)\", which is not a page of this form"))
                }
            }
        }
        return issues
    }

    static func unknownChoices(in value: RuleValue, field: Field, at: String) -> [LintIssue] {
        guard field.type.usesChoices, let choices = field.choices?.staticChoices else { return [] }
        let known = Set(choices.map(\.value))
        var strings: [String] = []
        switch value {
        case .string(let s): strings = [s]
        case .list(let items): strings = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        default: break
        }
        return strings.filter { !known.contains($0) }.map {
            LintIssue("unknown-choice", .error, at: at, "\"\(field.key)\" has no choice \"\($0)\" (choices: \(choices.map(\.value).joined(separator: ", ")))")
        }
    }

    /// Every written expression: references, types, choice literals, constant conditions.
    static func expressions(_ form: Form, _ index: FormIndex) -> [LintIssue] {
        var issues: [LintIssue] = []
        for (i, entry) in index.entries.enumerated() {
            for (property, text) in entry.field.expressions {
                guard let expression = try? ExpressionParser.parse(text) else { continue }
                let at = "field \"\(entry.field.key)\" \(property.rawValue)"
                let isCondition = [.visibleIf, .requiredIf, .enabledIf, .constraint, .choiceFilter].contains(property)
                issues += check(expression, at: at, scope: entry.scope, index: index, asCondition: isCondition, selfField: i,
                                allowChoiceVariable: property == .choiceFilter)
                if property == .visibleIf, isConstant(expression, is: false) {
                    issues.append(LintIssue("unreachable-field", .warning, at: at, "the field can never be shown"))
                }
            }
        }
        for page in form.pages {
            guard let text = page.visibleIf, let expression = try? ExpressionParser.parse(text) else { continue }
            issues += check(expression, at: "page \"\(page.id)\" visibleIf", scope: 0, index: index, asCondition: true, selfField: nil)
        }
        let keyOf = { (id: FieldID) in index.indexByID[id].map { index.entries[$0].field.key } }
        for rule in form.rules {
            let expression = RuleConversion.expression(for: rule.when, keyOf: keyOf)
            issues += constantCondition(expression, at: "rule \"\(rule.id)\"")
            if rule.action == .setValue, let text = rule.setValue, let value = try? ExpressionParser.parse(text) {
                issues += check(value, at: "rule \"\(rule.id)\" setValue", scope: 0, index: index, asCondition: false, selfField: nil)
            }
        }
        return issues
    }

    static func check(_ expression: Expression, at: String, scope: Int, index: FormIndex, asCondition: Bool,
                      selfField: Int?, allowChoiceVariable: Bool = false) -> [LintIssue] {
        let types: (String) -> ValueType? = { key in
            if allowChoiceVariable, key == "choice" { return .text }
            guard let (field, reach) = index.resolve(key, from: scope) else { return nil }
            return reach == .aggregate ? .list : index.entries[field].field.type.valueType
        }
        var issues = expression.inferType(fieldTypes: types, asCondition: asCondition).map { issue -> LintIssue in
            let code = issue.kind == .unknownField ? "unknown-reference" : issue.kind == .typeMismatch ? "type-mismatch" : "bad-expression"
            return LintIssue(code, .error, at: at, issue.message, column: issue.range.start > 0 ? issue.range.start : nil)
        }
        issues += choiceLiterals(expression, at: at, scope: scope, index: index)
        if asCondition { issues += constantCondition(expression, at: at) }
        return issues
    }

    /// `${choice_field} = 'x'`, `in (…)` and `selected(${f}, 'x')` with an `x` that is not a choice.
    static func choiceLiterals(_ expression: Expression, at: String, scope: Int, index: FormIndex) -> [LintIssue] {
        func field(_ e: Expression) -> Field? {
            guard case .reference(let key) = e.kind, let (i, _) = index.resolve(key, from: scope) else { return nil }
            let field = index.entries[i].field
            return field.type.usesChoices && field.choices?.staticChoices != nil ? field : nil
        }
        func literal(_ e: Expression) -> RuleValue? {
            if case .literal(.string(let s)) = e.kind { return .string(s) }
            return nil
        }
        var issues: [LintIssue] = []
        for node in expression.allNodes {
            switch node.kind {
            case .binary(let op, let lhs, let rhs) where [.equal, .notEqual, .contains].contains(op):
                if let f = field(lhs), let v = literal(rhs) { issues += unknownChoices(in: v, field: f, at: at) }
            case .call(.selected, let args) where args.count == 2:
                if let f = field(args[0]), let v = literal(args[1]) { issues += unknownChoices(in: v, field: f, at: at) }
            case .inList(let subject, let items):
                if let f = field(subject) { issues += unknownChoices(in: .list(items.compactMap(literal)), field: f, at: at) }
            default:
                break
            }
        }
        return issues
    }

    /// Conditions whose result cannot change: no references at all, or numeric bounds on one
    /// answer that contradict each other (`${age} > 10 and ${age} < 5`).
    static func constantCondition(_ expression: Expression, at: String) -> [LintIssue] {
        if expression.references.isEmpty, !expression.dependsOnClock,
           let value = try? expression.evaluate(in: DictionaryContext()), let truth = value.asBool {
            return [LintIssue(truth ? "always-true" : "always-false", .warning, at: at, "`\(expression)` is always \(truth)")]
        }
        if contradicts(expression) {
            return [LintIssue("always-false", .warning, at: at, "`\(expression)` can never be true: its bounds contradict each other")]
        }
        return []
    }

    static func isConstant(_ expression: Expression, is truth: Bool) -> Bool {
        guard expression.references.isEmpty, !expression.dependsOnClock,
              let value = try? expression.evaluate(in: DictionaryContext()) else { return false }
        return value.asBool == truth
    }

    /// True when the `and`-joined comparisons of one reference with numbers leave no number.
    static func contradicts(_ expression: Expression) -> Bool {
        var conjuncts: [Expression] = []
        var stack = [expression]
        while let e = stack.popLast() {
            if case .binary(.and, let l, let r) = e.kind { stack += [l, r] } else { conjuncts.append(e) }
        }
        var bounds: [String: (low: Double, lowOpen: Bool, high: Double, highOpen: Bool)] = [:]
        for c in conjuncts {
            guard case .binary(let op, let lhs, let rhs) = c.kind, case .reference(let key) = lhs.kind,
                  case .literal(.number(let n)) = rhs.kind else { continue }
            var b = bounds[key] ?? (-.infinity, false, .infinity, false)
            switch op {
            case .greater: if n >= b.low { b.low = n; b.lowOpen = true }
            case .greaterOrEqual: if n > b.low { b.low = n; b.lowOpen = false }
            case .less: if n <= b.high { b.high = n; b.highOpen = true }
            case .lessOrEqual: if n < b.high { b.high = n; b.highOpen = false }
            case .equal:
                if n > b.low || (n == b.low && !b.lowOpen) { b.low = n; b.lowOpen = false }
                if n < b.high || (n == b.high && !b.highOpen) { b.high = n; b.highOpen = false }
            default: continue
            }
            bounds[key] = b
        }
        return bounds.values.contains { $0.low > $0.high || ($0.low == $0.high && ($0.lowOpen || $0.highOpen)) }
    }

    /// Pages no path reaches, given skips that always fire and pages that never show.
    static func reachability(_ form: Form, _ graph: RuleGraph) -> [LintIssue] {
        let count = form.pages.count
        guard count > 1 else { return [] }
        var never = [Bool](repeating: false, count: count)
        for (p, condition) in graph.pageVisibleIf.enumerated() {
            if let condition, isConstant(condition.expression, is: false) { never[p] = true }
        }
        var reached = [Bool](repeating: false, count: count)
        var queue = [0]
        reached[0] = true
        while let p = queue.popLast() {
            let skips = graph.skips.filter { $0.fromPage == p && $0.toPage > p }
            var next = skips.map(\.toPage)
            if !skips.contains(where: { isConstant($0.condition.expression, is: true) }), p + 1 < count { next.append(p + 1) }
            for n in next where !reached[n] {
                reached[n] = true
                queue.append(n)
            }
        }
        var issues: [LintIssue] = []
        for p in 0..<count where !reached[p] || never[p] {
            issues.append(LintIssue("unreachable-page", .warning, at: "page \"\(form.pages[p].id)\"",
                                    never[p] ? "the page's visibleIf is always false" : "no path of pages reaches it"))
        }
        return issues
    }
}
