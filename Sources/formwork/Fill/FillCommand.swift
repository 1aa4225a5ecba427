import ArgumentParser
import FormCore
import Foundation
import Studio
import Workspace

/// `formwork fill FORM`: fills a form in the studio's Fill screen; `--answers FILE` submits a
/// response without a screen, `--plain` asks line by line.
struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fill in a form in the terminal (or from an answers file, or line by line with --plain) and submit it.",
        discussion: """
            Without --answers or --plain, the studio opens on the Fill screen for the workspace form \
            FORM (its newest published version): one page at a time, every answer saved to a draft at \
            once, the draft offered again when the form is reopened; it quits after submitting or on \
            esc. FORM is a workspace form id (its newest published version is filled and the response \
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
        if answers != nil && plain { throw ValidationError("give at most one of --answers FILE and --plain") }
    }

    func run() throws {
        try guarded {
            if answers == nil && !plain { return try runScreen() }
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

    /// The Fill screen in the studio, for a published workspace form on a terminal.
    private func runScreen() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("fill: not a terminal; use --plain to answer line by line, or --answers FILE")
            throw Exit.environment
        }
        let target = try FillTarget.resolve(form, workspace: workspace)
        guard target.stored != nil else {
            printError("fill: \(form) is a form file; the Fill screen fills workspace forms (import and publish it, or use --plain or --answers)")
            throw Exit.environment
        }
        // A respondent's session runs no jobs: the queue belongs to the studio or `formwork worker`.
        try StudioCommand.open(workspace, theme: nil, noColor: false, noMouse: false, worker: false,
                               start: .fillEvent(.start(formID: target.form.id, quitWhenDone: true)))
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
