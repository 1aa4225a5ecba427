import ArgumentParser
import FormCore
import Foundation
import Workspace

/// `formwork fill FORM --answers FILE`: submits a response without a screen.
struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fill in a form from an answers file, or line by line with --plain, and submit it.",
        discussion: """
            FORM is a workspace form id (its newest published version is filled and the response \
            stored) or a *.form.json path (the answers are only checked; nothing is stored). \
            Every problem is printed as `path: message`; hidden fields are never checked and warnings \
            do not fail. --plain asks each visible field in page order on stdin/stdout, re-asking \
            invalid answers, saves a draft after every answer and offers to resume the newest draft. \
            Exit status: 0 when submitted, 1 when the answers do not validate, 2 when a \
            file or the workspace cannot be used.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "A workspace form id or a *.form.json path.") var form: String
    @Option(name: .long, help: "The answers file (JSON, keyed by field key).") var answers: String?
    @Flag(name: .long, help: "Ask field by field on stdin/stdout (screen readers, dumb terminals); saves a draft after every answer.") var plain = false

    func validate() throws {
        if (answers == nil) == !plain { throw ValidationError("give exactly one of --answers FILE and --plain") }
    }

    func run() throws {
        try guarded {
            let target = try FillTarget.resolve(form, workspace: workspace)
            guard let answers else { return try runPlain(target) }
            let given = try AnswersFile.load(path: answers, form: target.form)
            let problems = ResponseValidator.validate(try RuleEngine(form: target.form, answers: given))
            try report(problems)
            guard let stored = target.stored else {
                output(["\(answers): valid for \(target.form.id) (standalone form, nothing stored)"])
                return
            }
            let id = try stored.workspace.responses.insert(NewResponse(answers: given, status: .submitted),
                                                            formID: target.form.id, version: stored.version)
            output(["submitted response \(id)"])
        }
    }

    /// The line-by-line walk; input ending or declining to submit exits 1 with one line.
    private func runPlain(_ target: FillTarget) throws {
        do {
            let id = try PlainFill(target: target).run()
            output([id.map { "submitted response \($0)" } ?? "the answers are valid (standalone form, nothing stored)"])
        } catch let error as InputEnded {
            printError(error.description)
            throw Exit.invalid
        } catch let error as FillNotSubmitted {
            printError(error.description)
            throw Exit.invalid
        }
    }

    /// Prints warnings and errors on stderr; fails only on errors.
    private func report(_ problems: [ResponseProblem]) throws {
        let text = problems.map { "\($0.severity == .error ? "" : "\($0.severity.rawValue): ")\($0.path): \($0.message)\n" }
        FileHandle.standardError.write(Data(text.joined().utf8))
        if problems.contains(where: { $0.severity == .error }) { throw Exit.invalid }
    }
}
