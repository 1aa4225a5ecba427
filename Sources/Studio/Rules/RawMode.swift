import FormCore
import TUIKit

/// The raw-expression view of a rule's condition. Switching between rows and raw text never
/// loses anything: text that rows cannot express stays raw (or is stored as the targets'
/// own expressions, on request), never silently dropped.
enum RawMode {
    static func keyOf(_ form: Form) -> (FieldID) -> String? { { form.field($0)?.key } }

    static func idOf(_ form: Form) -> (String) -> FieldID? {
        let ids = Dictionary(form.allFields.map { ($0.field.key, $0.field.id) }, uniquingKeysWith: { first, _ in first })
        return { ids[$0] }
    }

    /// `e`: rows → raw text, or raw text → rows when rows can express it.
    static func toggle(_ r: inout RuleEditorState, _ app: inout AppState) -> [Effect] {
        guard let form = app.builder?.form, form.rules.indices.contains(r.selectedRule) else { return [] }
        let rule = form.rules[r.selectedRule]
        guard let raw = r.raw else {
            let text = RuleConversion.expression(for: rule.when, keyOf: keyOf(form)).description
            r.raw = RuleEditorState.RawState(field: TextField(text))
            r.focus = .editor
            return []
        }
        switch convert(raw.field.text, form) {
        case .failure(let problem):
            app.showToast(problem.description, kind: .error)
            return []
        case .success(let condition):
            r.raw = nil
            guard condition != rule.when else { return [] }
            return RuleEditorReducer.edit(&r, &app) { rule, _ in rule.when = condition }
        }
    }

    /// Rows for the text, or why there are none.
    static func convert(_ text: String, _ form: Form) -> Result<RuleCondition, RawError> {
        let expression: Expression
        do { expression = try ExpressionParser.parse(text) } catch {
            return .failure(RawError("fix the expression first: \(error.description)"))
        }
        guard let condition = RuleConversion.condition(from: expression, idOf: idOf(form)) else {
            return .failure(RawError("rows can't express this, so it stays raw; enter stores it on the targets"))
        }
        return .success(condition)
    }

    /// A key while the raw editor is open: enter applies, esc/`e`-less exits go through
    /// `toggle`, anything else edits with a live parse check.
    static func key(_ key: KeyEvent, _ app: inout AppState) -> [Effect] {
        guard var r = app.rules, var raw = r.raw else { return [] }
        switch key.key {
        case .escape:
            return RuleEditorReducer.reduce(.toggleRaw, &app)
        case .enter:
            return apply(&app)
        default:
            raw.field.handle(key)
            check(&raw)
            r.raw = raw
            app.rules = r
            return []
        }
    }

    static func check(_ raw: inout RuleEditorState.RawState) {
        raw.error = nil
        raw.errorColumn = nil
        do { _ = try ExpressionParser.parse(raw.field.text) } catch {
            raw.error = error.message
            raw.errorColumn = error.column
        }
    }

    /// `enter` in raw mode: rows when possible; otherwise the expression goes onto each target
    /// as `visibleIf`/`requiredIf`/`enabledIf` and the rule row is dropped.
    static func apply(_ app: inout AppState) -> [Effect] {
        guard var r = app.rules, let raw = r.raw, var form = app.builder?.form, form.rules.indices.contains(r.selectedRule) else { return [] }
        defer { app.rules = r }
        if case .success = convert(raw.field.text, form) { return toggle(&r, &app) }
        guard raw.error == nil else {
            app.showToast("fix the expression first: \(raw.error ?? "")", kind: .error)
            return []
        }
        let rule = form.rules[r.selectedRule]
        let text = raw.field.text
        for target in rule.targetFieldIds {
            guard var field = form.field(target) else { continue }
            switch rule.action {
            case .show: field.visibleIf = text
            case .hide: field.visibleIf = "not (\(text))"
            case .require: field.requiredIf = text
            case .enable: field.enabledIf = text
            case .disable: field.enabledIf = "not (\(text))"
            case .setValue, .skipToPage:
                app.showToast("rows can't express this and \(rule.action.rawValue) has no field expression; it stays raw", kind: .error)
                return []
            }
            form = form.replacingField(target, with: field) ?? form
        }
        form.rules.remove(at: r.selectedRule)
        r.raw = nil
        r.focus = .list
        r.selectedRule = max(0, min(r.selectedRule, form.rules.count - 1))
        app.showToast("stored on the targets' expressions (rows can't express it)")
        return RuleEditorReducer.commit(form, &app)
    }
}

/// Why raw text cannot become rows.
struct RawError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
