import FormCore
import Foundation

extension SheetPull {
    /// Checks each planned row against the form's own rules (required fields, constraints,
    /// validation), as a person filling the form would be checked; failing rows move to the
    /// problems with their row numbers. Fails only when the form's rules cannot be compiled.
    public static func validate(_ plan: SheetPullPlan, form: Form) throws -> SheetPullPlan {
        let engine: RuleEngine
        do { engine = RuleEngine(graph: try RuleGraph(form: form)) } catch {
            throw ConnectorError.invalidInput("form \"\(form.id)\" cannot be evaluated: \(error)")
        }
        var checked = plan
        checked.rows = []
        for row in plan.rows {
            engine.replaceAnswers(row.answers)
            let errors = ResponseValidator.validate(engine).filter { $0.severity == .error }
            if errors.isEmpty {
                checked.rows.append(row)
            } else {
                checked.problems += errors.map { SheetRowProblem(row: row.row, column: $0.path, message: $0.message) }
            }
        }
        checked.problems.sort { $0.row < $1.row }
        return checked
    }
}
