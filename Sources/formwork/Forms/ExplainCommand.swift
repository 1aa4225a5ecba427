import ArgumentParser
import FormCore
import Foundation

/// `formwork explain FORM FIELD --answers FILE`: why a field is visible, required, enabled.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why a field is shown or hidden, required, enabled, and where its value comes from."
    )

    @Argument(help: "The form file.")
    var form: String

    @Argument(help: "The field's key (or id); inside a repeat, key[N] picks instance N (from 1).")
    var field: String

    @Option(name: .long, help: "A JSON answers file.")
    var answers: String?

    func run() throws {
        try guarded {
            let (form, answers) = try loadForm(form, answers: answers)
            let engine = try RuleEngine(form: form, answers: answers)
            let (name, instance) = try Self.parseField(field)
            guard let index = engine.index.indexByID[name] ?? engine.index.index(ofKey: name) else {
                printError("no field \"\(name)\" in \(form.id)")
                throw Exit.invalid
            }
            let id = engine.index.entries[index].field.id
            let depth = engine.index.scopes[engine.index.entries[index].scope].repeatKeys.count
            let path = instance.map { [$0] } ?? (depth > 0 ? [0] : [])
            guard let explanation = Explainer.explain(id, instance: Array(path.prefix(depth)), in: engine) else {
                printError("\"\(name)\" has no instance \((instance ?? 0) + 1)")
                throw Exit.invalid
            }
            output(explanation.lines)
        }
    }

    /// `name` or `name[3]` (1-based instance).
    static func parseField(_ text: String) throws -> (String, Int?) {
        guard text.hasSuffix("]"), let open = text.firstIndex(of: "[") else { return (text, nil) }
        guard let n = Int(text[text.index(after: open)..<text.index(before: text.endIndex)]), n >= 1 else {
            throw ValidationError("bad instance in \(text): use key[N] with N from 1")
        }
        return (String(text[..<open]), n - 1)
    }
}
