import FormCore

/// A rule engine built off the key loop and handed over whole to the app.
///
/// `RuleEngine` is a class and not `Sendable`; this box moves ownership across threads
/// once: the runner builds it, never touches it again, and the reducer owns it afterwards.
public final class CompiledRules: @unchecked Sendable {
    /// The engine, or nil when the rules could not be compiled.
    public let engine: RuleEngine?
    /// Why compilation failed (a dependency cycle, with its path).
    public let error: String?

    /// Compiles `form` and evaluates it against `answers`.
    public init(form: Form, answers: Answers) {
        do {
            engine = try RuleEngine(form: form, answers: answers)
            error = nil
        } catch {
            engine = nil
            self.error = "\(error)"
        }
    }
}
