import ArgumentParser
import FormCore
import Foundation

/// `formwork validate FORM...`: lints form files.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check form files for design mistakes.",
        discussion: "Exit status: 0 when every form is clean, 1 when any has an error or is not a valid form file, 2 when a file cannot be read."
    )

    @Argument(help: "Form files (*.form.json).")
    var forms: [String]

    @Flag(name: .long, help: "Print a JSON report instead of text.")
    var json = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        var worst: Int32 = 0
        var reports: [JSONNode] = []
        for path in forms {
            do {
                let form = try FormFile.load(path: path)
                let issues = Linter.lint(form)
                let failed = issues.contains { $0.severity == .error || strict }
                if failed { worst = max(worst, 1) }
                if json {
                    reports.append(JSONNode(.object([
                        JSONMember("path", JSONNode(.string(path))),
                        JSONMember("ok", JSONNode(.bool(!failed))),
                        JSONMember("issues", JSONNode(.array(issues.map { JSONNode(Self.json($0)) }))),
                    ])))
                } else {
                    output(issues.isEmpty ? ["\(path): ok"] : issues.map { "\(path): \($0)" })
                }
            } catch let error as FormFileError {
                worst = max(worst, error.isUnreadable ? 2 : 1)
                if json {
                    reports.append(JSONNode(.object([
                        JSONMember("path", JSONNode(.string(path))), JSONMember("ok", JSONNode(.bool(false))),
                        JSONMember("error", JSONNode(.string(error.description))),
                    ])))
                } else {
                    printError(error.description)
                }
            }
        }
        if json { output([JSONWriter.compact(.object([JSONMember("files", JSONNode(.array(reports)))]))]) }
        if worst != 0 { throw ExitCode(worst) }
    }

    static func json(_ issue: LintIssue) -> JSONValue {
        var members = [
            JSONMember("code", JSONNode(.string(issue.code))),
            JSONMember("severity", JSONNode(.string(issue.severity.rawValue))),
            JSONMember("location", JSONNode(.string(issue.location))),
            JSONMember("message", JSONNode(.string(issue.message))),
        ]
        if let column = issue.column { members.append(JSONMember("column", JSONNode(.number(Double(column))))) }
        return .object(members)
    }
}
