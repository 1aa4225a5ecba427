import ArgumentParser
import FormCore
import Foundation

/// `formwork preview FORM [--answers FILE] [--width N]`: the form as a respondent sees it.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show a form as a respondent would see it, as text.",
        discussion: "Visible fields in order with their answers and problems; hidden fields with the reason."
    )

    @Argument(help: "The form file.")
    var form: String

    @Option(name: .long, help: "A JSON answers file to fill in.")
    var answers: String?

    @Option(name: .long, help: "Line width (default: the terminal's, else 80).")
    var width: Int?

    func run() throws {
        try guarded {
            let (form, answers) = try loadForm(form, answers: answers)
            let engine = try RuleEngine(form: form, answers: answers)
            output(TextPreview.render(engine, width: width ?? terminalWidth()))
        }
    }
}

/// The terminal's width from `COLUMNS`, else 80.
func terminalWidth() -> Int {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(columns), n > 0 { return n }
    return 80
}
