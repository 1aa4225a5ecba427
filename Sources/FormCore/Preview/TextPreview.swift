/// The form as a respondent would see it, as plain text: visible fields page by page with
/// their answers and problems, then the hidden fields with the reason each is hidden.
/// Used by `formwork preview` and the plain fill mode.
public enum TextPreview {
    /// Lines no wider than `width` (at least 40) columns.
    public static func render(_ engine: RuleEngine, width: Int = 80) -> [String] {
        let width = max(40, width)
        let form = engine.index.form
        var lines = wrap("\(form.title)  (version \(form.version), \(form.state.rawValue))", width: width)
        if let description = form.description { lines += wrap(description, width: width) }
        let problems = Dictionary(grouping: ResponseValidator.validate(engine), by: \.path)
        var hidden: [String] = []
        for (ordinal, page) in engine.pagePath.enumerated() {
            let info = form.pages[page]
            lines.append("")
            lines.append(String(repeating: "─", count: width))
            lines += wrap("Page \(ordinal + 1) of \(engine.pagePath.count): \(info.title.isEmpty ? info.id : info.title)", width: width)
            for (i, entry) in engine.index.entries.enumerated() where entry.page == page {
                for instance in engine.instances(ofField: i) {
                    guard let state = engine.state(ofIndex: i, instance: instance) else { continue }
                    let path = engine.index.path(of: i, instance: instance)
                    if !state.visible {
                        if engine.isOnPath(page: page), parentVisible(engine, i, instance) {
                            let why = Explainer.explain(entry.field.id, instance: instance, in: engine)?
                                .reason(for: .visible)?.text ?? "hidden"
                            hidden += wrap("\(path) — \(why)", width: width, indent: "  ")
                        }
                        continue
                    }
                    lines += fieldLines(entry, state, path: path, depth: entry.depth + instance.count, width: width)
                    for problem in problems[path] ?? [] {
                        lines += wrap("\(problem.severity == .error ? "✗" : "!") \(problem.message)", width: width,
                                      indent: String(repeating: "  ", count: entry.depth + instance.count + 2))
                    }
                }
            }
        }
        let skipped = form.pages.indices.filter { !engine.isOnPath(page: $0) }
        if !skipped.isEmpty {
            lines.append("")
            lines += wrap("Skipped pages: " + skipped.map { form.pages[$0].title.isEmpty ? form.pages[$0].id : form.pages[$0].title }.joined(separator: ", "), width: width)
        }
        if !hidden.isEmpty {
            lines.append("")
            lines.append("Hidden fields:")
            lines += hidden
        }
        return lines
    }

    private static func parentVisible(_ engine: RuleEngine, _ field: Int, _ instance: [Int]) -> Bool {
        guard let parent = engine.index.entries[field].parent else { return true }
        let path = engine.index.entries[parent].scope == engine.index.entries[field].scope ? instance : Array(instance.dropLast())
        return engine.state(ofIndex: parent, instance: path)?.visible ?? false
    }

    private static func fieldLines(_ entry: FormIndex.Entry, _ state: FieldState, path: String, depth: Int, width: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth + 1)
        let field = entry.field
        let label = field.label.isEmpty ? field.key : field.label
        if field.type == .note { return wrap(label, width: width, indent: indent) }
        if field.type.isContainer {
            let count = field.type == .repeatGroup ? " (\(Int(state.value.asNumber ?? 0)) entries)" : ""
            return wrap("▸ \(label)\(count)", width: width, indent: indent)
        }
        let marker = state.required ? "* " : "  "
        let disabled = state.enabled ? "" : " [disabled]"
        let answer = state.value.isEmpty ? "—" : display(state.value, field: field)
        return wrap("\(marker)\(label)\(disabled): \(answer)", width: width, indent: indent)
    }

    /// An answer as a respondent reads it: choice labels rather than stored values.
    public static func display(_ value: Value, field: Field) -> String {
        if let choices = field.choices?.staticChoices {
            let labels = Dictionary(choices.map { ($0.value, $0.label) }, uniquingKeysWith: { a, _ in a })
            return value.asList.map { labels[$0.asString] ?? $0.asString }.joined(separator: ", ")
        }
        if case .bool(let b) = value { return b ? "yes" : "no" }
        return AnswerCoding.text(for: value)
    }

    /// Word-wraps `text` to `width` display columns, continuing lines under the first.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var current = indent
        let limit = max(indent.count + 12, width)
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.count == indent.count ? current + word : current + " " + word
            if candidate.count <= limit || current.count == indent.count {
                current = candidate
            } else {
                lines.append(current)
                current = indent + "  " + word
            }
            while current.count > limit {
                lines.append(String(current.prefix(limit)))
                current = indent + "  " + current.dropFirst(limit)
            }
        }
        lines.append(current)
        return lines
    }
}
