import ArgumentParser
import FormCore
import Foundation
import Reports

/// `formwork export FORM --responses FILE --format pdf,html --out DIR`: turns responses into reports.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Turn a form's responses into reports (PDF, DOCX, LaTeX, HTML, Markdown, CSV, JSON).",
        discussion: """
        Responses are CSV (header by field key, else label) or JSON Lines (.jsonl). Templates: \
        summary, full, per-response, a workspace templates/NAME.json, or a path. \
        SOURCE_DATE_EPOCH pins every timestamp so the same input gives the same bytes. \
        Exit status: 0 ok, 1 invalid input or a failed compile, 2 usage or environment error.
        """
    )

    @Argument(help: "The form file (*.form.json); with --workspace-responses also a workspace form id.")
    var form: String

    @Option(name: .long, help: "Responses file: CSV or JSON Lines (.jsonl).")
    var responses: String?

    @Flag(name: .long, help: "Use the submitted responses of this form version stored in the workspace.")
    var workspaceResponses = false

    @Option(name: .long, help: "Comma-separated formats: pdf,docx,tex,html,md,csv,json.")
    var format = "pdf"

    @Option(name: .long, help: "Report template: summary, full, per-response, or a workspace/file template.")
    var template = "summary"

    @Flag(name: .long, help: "Also write one document per response under OUT/responses/.")
    var perResponse = false

    @Flag(name: .long, help: "Pack every output file into one .zip.")
    var zip = false

    @Option(name: .long, help: "Output folder (created if missing).")
    var out: String

    @Flag(name: .long, help: "Compile the .tex output with lualatex (or pdflatex), locked down.")
    var compile = false

    @Option(name: .long, help: "Also upload every file written to this OneDrive folder, e.g. onedrive:/Reports/ (see formwork auth microsoft).")
    var upload: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @OptionGroup var aiOptions: AIOptions

    func validate() throws {
        if responses == nil && !workspaceResponses { throw ValidationError("give --responses FILE or --workspace-responses") }
        if responses != nil && workspaceResponses { throw ValidationError("--responses and --workspace-responses cannot be combined") }
    }

    func run() throws {
        try guarded {
            let bar = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
            let result: ExportResult
            do {
                let request = try makeRequest()
                result = try ReportExporter(progress: bar.update).run(request)
            } catch {
                bar.finish()
                if ExportExit.isInputProblem(error) {
                    printError("\(error)")
                    throw Exit.invalid
                }
                throw error
            }
            bar.finish()
            output(result.files.map(\.path))
            if let upload { try uploadReports(result.files, to: upload) }
            result.warnings.forEach(printError)
            if !result.warnings.isEmpty { throw Exit.environment }
        }
    }

    /// Sends the written files to OneDrive (renaming on a name clash), one line per file.
    private func uploadReports(_ files: [URL], to folder: String) throws {
        let context = try ConnectorContext(workspace: workspaceOptions)
        for file in files {
            let item = try uploadToOneDrive(context, file: file.path, folder: folder, name: nil, conflict: .rename, account: nil)
            output(["uploaded \(file.lastPathComponent) to \(folder) as \(item.name)"])
        }
    }

    private func makeRequest() throws -> ExportRequest {
        var setup = ExportSetup(form: form, responses: responses, formats: format, template: template, out: out,
                                perResponse: perResponse, zip: zip, compile: compile, workspace: workspaceOptions.workspace)
        aiOptions.apply(to: &setup)
        return try setup.request()
    }
}

/// Which export errors mean "invalid input" (exit 1) rather than "environment" (exit 2).
enum ExportExit {
    /// Problems with the inputs (bad template, unknown field, malformed file, TeX errors) exit 1;
    /// everything else (files, environment) exits 2.
    static func isInputProblem(_ error: Error) -> Bool {
        switch error {
        case is TemplateError, is ReportBuildError: return true
        case let read as ResponseReadError:
            if case .unreadable = read { return false }
            return true
        case let export as ExportError:
            switch export {
            case .texFailed, .texTimedOut, .unknownFormat: return true
            default: return false
            }
        default: return false
        }
    }
}
