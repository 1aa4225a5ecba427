import ArgumentParser
import FormCore
import Foundation

/// `formwork eval FORM EXPR --answers FILE`: evaluates an expression against answers.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression against a form's answers."
    )

    @Argument(help: "The form file.")
    var form: String

    @Argument(help: "The expression, e.g. \"${score} > 80 and ${severity} = 'high'\".")
    var expression: String

    @Option(name: .long, help: "A JSON answers file.")
    var answers: String?

    @Flag(name: .long, help: "Also print the value of every sub-expression.")
    var trace = false

    func run() throws {
        try guarded {
            let (form, answers) = try loadForm(form, answers: answers)
            let parsed: FormExpression
            do {
                parsed = try ExpressionParser.parse(expression)
            } catch let error as ExpressionError {
                output([error.caretDiagram(expression)])
                printError("column \(error.column): \(error.message)")
                throw Exit.invalid
            }
            let engine = try RuleEngine(form: form, answers: answers)
            let result = engine.evaluateTraced(parsed)
            if trace { output(result.steps.filter { !$0.isLiteral }.map(\.description)) }
            if let error = result.error {
                printError(error.description)
                throw Exit.invalid
            }
            output([result.value.map(\.asString) ?? ""])
        }
    }
}
