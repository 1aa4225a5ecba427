/// Why a field is visible or hidden, required or not, enabled or disabled, and where its
/// value comes from — each rule and expression evaluated again with every reference's value.
public struct Explanation: Sendable {
    /// One expression or structural fact that decided a property.
    public struct Cause: Sendable {
        public let property: NodeProperty
        /// Where the expression came from: `visibleIf`, `rule r2 (hide)`, `page p2`…
        public let origin: String
        /// The evaluated expression, when the cause is one.
        public let trace: EvaluationTrace?
        /// One line: what it means for the field.
        public let text: String
        /// True when this cause alone forces the property off (hidden, disabled) or on
        /// (required, set): the first one is "the reason".
        public let decisive: Bool

        init(property: NodeProperty, origin: String, trace: EvaluationTrace?, text: String, decisive: Bool = true) {
            self.property = property
            self.origin = origin
            self.trace = trace
            self.text = text
            self.decisive = decisive
        }
    }

    /// The first decisive cause for a property: why it is hidden, disabled, required.
    public func reason(for property: NodeProperty) -> Cause? {
        causes.first { $0.property == property && $0.decisive }
    }

    /// The field's key path (`dependents[2].name`).
    public let path: String
    public let state: FieldState
    public let causes: [Cause]

    /// Readable lines: a headline, then one line per cause.
    public var lines: [String] {
        var head = [state.visible ? "visible" : "hidden"]
        if state.visible { head.append(state.required ? "required" : "optional") }
        if !state.enabled { head.append("disabled") }
        let value = state.value.isEmpty ? "" : " = \(state.value)"
        return ["\(path): \(head.joined(separator: ", "))\(value)"] + causes.map { "  \($0.property): \($0.text)" }
    }
}

/// Builds explanations from a rule engine's current state.
public enum Explainer {
    /// Explains the field with `id` in repeat instance `instance`; nil for an unknown field.
    public static func explain(_ id: FieldID, instance: [Int] = [], in engine: RuleEngine) -> Explanation? {
        guard let field = engine.index.indexByID[id], let state = engine.state(ofIndex: field, instance: instance) else { return nil }
        let entry = engine.index.entries[field]
        let rules = engine.graph.rules[field]
        let context = EngineContext(engine: engine, scope: entry.scope, path: instance)
        var causes: [Explanation.Cause] = []

        /// `blocks`: the expression turns the property off when it holds (hide, disable);
        /// otherwise it turns it on or allows it (show, visibleIf, require, set_value).
        func traced(_ property: NodeProperty, _ source: RuleSource, blocks: Bool = false, effect: (Bool) -> String) {
            let trace = source.expression.evaluateTraced(in: context)
            let outcome: String
            if let error = trace.error {
                outcome = "`\(source.expression)` failed (\(error)), counted as false"
            } else {
                outcome = trace.explanation
            }
            let holds = trace.value?.asBool ?? false
            let turnsOn = [NodeProperty.required, .value].contains(property)
            let decisive = blocks ? holds : (turnsOn ? holds : !holds)
            causes.append(.init(property: property, origin: name(source.origin), trace: trace,
                                text: "\(name(source.origin)) \(effect(holds)): \(outcome)", decisive: decisive))
        }

        // Visibility: structure first, then the field's own expressions and rules.
        if let parent = entry.parent {
            let parentPath = engine.index.entries[parent].scope == entry.scope ? instance : Array(instance.dropLast())
            if engine.state(ofIndex: parent, instance: parentPath)?.visible == false {
                causes.append(.init(property: .visible, origin: "group", trace: nil,
                                    text: "hidden because its group \"\(engine.index.entries[parent].field.key)\" is hidden"))
            }
        } else if !engine.isOnPath(page: entry.page) {
            let page = engine.index.form.pages[entry.page]
            causes.append(.init(property: .visible, origin: "page", trace: nil,
                                text: "hidden because page \"\(page.title.isEmpty ? page.id : page.title)\" is not on the respondent's path"))
        }
        if let visibleIf = rules.visibleIf { traced(.visible, visibleIf) { $0 ? "allows it" : "hides it" } }
        for show in rules.show { traced(.visible, show) { $0 ? "shows it" : "does not show it" } }
        if rules.show.count > 1, state.visible {
            causes = causes.map { $0.origin.hasPrefix("rule") && $0.property == .visible && $0.text.contains("does not show")
                ? .init(property: $0.property, origin: $0.origin, trace: $0.trace, text: $0.text, decisive: false) : $0 }
        }
        for hide in rules.hide { traced(.visible, hide, blocks: true) { $0 ? "hides it" : "does not hide it" } }

        if let enabledIf = rules.enabledIf { traced(.enabled, enabledIf) { $0 ? "allows it" : "disables it" } }
        for enable in rules.enable { traced(.enabled, enable) { $0 ? "enables it" : "does not enable it" } }
        for disable in rules.disable { traced(.enabled, disable, blocks: true) { $0 ? "disables it" : "does not disable it" } }

        if entry.field.required { causes.append(.init(property: .required, origin: "required", trace: nil, text: "marked required in the form")) }
        if let requiredIf = rules.requiredIf { traced(.required, requiredIf) { $0 ? "requires it" : "does not require it" } }
        for require in rules.require { traced(.required, require) { $0 ? "requires it" : "does not require it" } }
        if entry.field.required || rules.requiredIf != nil || !rules.require.isEmpty {
            // The engine requires only visible, enabled fields; say so rather than leave a "requires it" unexplained.
            if !state.visible {
                causes.append(.init(property: .required, origin: "visibility", trace: nil, text: "not required while hidden"))
            } else if !state.enabled {
                causes.append(.init(property: .required, origin: "enabled", trace: nil, text: "not required while disabled"))
            }
        }

        if let calculate = rules.calculate {
            let trace = calculate.expression.evaluateTraced(in: context)
            let because = trace.references.map { "`${\($0.key)}` is \($0.value)" }.joined(separator: " and ")
            causes.append(.init(property: .value, origin: "calculate", trace: trace,
                                text: "calculated by `\(calculate.expression)`" + (because.isEmpty ? "" : " where \(because)")))
        }
        for (condition, value) in rules.setValue { traced(.value, condition) { $0 ? "sets it to `\(value.expression)`" : "does not set it" } }
        if !state.visible, entry.field.hiddenValuePolicy == .clear, entry.field.type.takesInput {
            causes.append(.init(property: .value, origin: "hiddenValue", trace: nil, text: "cleared while hidden (hidden-value policy: clear)"))
        }
        return Explanation(path: engine.index.path(of: field, instance: instance), state: state, causes: causes)
    }

    static func name(_ origin: RuleSource.Origin) -> String {
        switch origin {
        case .property(let property): return property.rawValue
        case .rule(let id, let action): return "rule \"\(id)\" (\(action.rawValue))"
        case .pageVisibleIf(let page): return "page \"\(page)\" visibleIf"
        }
    }
}
