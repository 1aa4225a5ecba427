import ArgumentParser
import FormCore
import Foundation
import Workspace

/// `formwork responses …`: responses stored in the workspace.
struct ResponsesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "responses",
        abstract: "Import, export, list and show responses.",
        subcommands: [ResponsesImport.self, ResponsesExport.self, ResponsesList.self, ResponsesShow.self]
    )
}

extension ResponseFormat: ExpressibleByArgument {}
extension ResponseStatus: ExpressibleByArgument {}

struct ResponsesImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import responses from CSV or JSON Lines into a published form version.",
        discussion: """
            Columns are matched to fields by key, then by label (any case). Each bad row is reported \
            as FILE:LINE: key: message. Rows that break the form's validation are refused unless \
            --allow-invalid, which stores them as drafts. Exit status: 0 when every row was clean, \
            1 when any row was bad, 2 when the file or the workspace cannot be used.
            """
    )
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The form id.") var form: String
    @Argument(help: "The response file (*.csv or *.jsonl).") var file: String
    @Flag(name: .long, help: "Check every row but write nothing.") var dryRun = false
    @Flag(name: .long, help: "Import rows that fail validation as drafts instead of refusing them.") var allowInvalid = false
    @Option(name: .long, help: "The published version the responses answer (default: the newest).") var version: Int?
    @Option(name: .long, help: "csv or jsonl (default: from the file name).") var format: ResponseFormat?

    func run() throws {
        try guarded {
            let importer = ResponseImporter(workspace: try openWorkspace(workspace))
            let report = try importer.importFile(file, formID: form, format: format,
                                                 options: ImportOptions(dryRun: dryRun, allowInvalid: allowInvalid, version: version))
            // FILE:LINE: at the start of the line, so editors and CI annotators can jump to it.
            let lines = report.problems.map { "\(file):\($0.line): " + ($0.key.map { "\($0): " } ?? "") + $0.message + "\n" }
            FileHandle.standardError.write(Data(lines.joined().utf8))
            let drafts = report.importedAsDrafts > 0 ? " (\(report.importedAsDrafts) as drafts)" : ""
            output(["\(dryRun ? "dry run: would import" : "imported") \(report.imported)\(drafts), skipped \(report.skipped) into \(form) version \(report.version)"])
            if !report.isClean { throw Exit.invalid }
        }
    }
}

struct ResponsesExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write responses to CSV or JSON Lines.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The form id.") var form: String
    @Option(name: [.short, .long], help: "The file to write (*.csv or *.jsonl); replaced atomically.") var output: String
    @Option(name: .long, help: "csv or jsonl (default: from the file name).") var format: ResponseFormat?
    @Option(name: .long, help: "Only responses to this version; its fields name the columns (default: all, newest version's columns).") var version: Int?
    @Option(name: .long, help: "Only draft or submitted responses.") var status: ResponseStatus?

    func run() throws {
        try guarded {
            guard let format = format ?? ResponseFormat.infer(fromPath: output) else {
                throw ValidationError("cannot tell the format of \(output): name it *.csv or *.jsonl, or pass --format")
            }
            let count = try ResponseExporter(workspace: try openWorkspace(workspace))
                .export(ResponseFilter(formID: form, version: version, status: status), format: format, to: URL(fileURLWithPath: output))
            outputLines(["exported \(count) responses to \(output)"])
        }
    }
}

struct ResponsesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a form's responses, a page at a time.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The form id.") var form: String
    @Option(name: .long, help: "Only responses to this version.") var version: Int?
    @Option(name: .long, help: "Only draft or submitted responses.") var status: ResponseStatus?
    @Option(name: .long, help: "Responses to skip.") var offset = 0
    @Option(name: .long, help: "Responses to show.") var limit = 50
    @Flag(name: .long, help: "Print JSON Lines instead of a table.") var json = false

    func run() throws {
        try guarded {
            let ws = try openWorkspace(workspace)
            let filter = ResponseFilter(formID: form, version: version, status: status)
            let total = try ws.responses.count(filter)
            let page = try ws.responses.list(filter, offset: max(0, offset), limit: max(0, limit))
            if json {
                output(try page.map { JSONWriter.compact(try ResponsesShow.json($0, ws)) })
                return
            }
            output(Table.render([["ID", "VERSION", "STATUS", "RESPONDENT", "UPDATED (UTC)", "ANSWERS"]] + page.map {
                ["\($0.id)", "\($0.version)", $0.status.rawValue, $0.respondent ?? "-", Table.timestamp($0.updatedAt),
                 "\($0.answers.values.count + $0.answers.repeats.count)"]
            }) + ["showing \(page.count) of \(total)"])
        }
    }
}

struct ResponsesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one response's answers.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The response id.") var id: Int64
    @Flag(name: .long, help: "Print JSON instead of text.") var json = false
    @Flag(name: .long, help: "Also print every earlier revision of the answers, oldest first.") var history = false

    func run() throws {
        try guarded {
            let ws = try openWorkspace(workspace)
            let response = try ws.responses.get(id)
            if json {
                output([JSONWriter.compact(try Self.json(response, ws))])
                return
            }
            let form = try ws.forms.version(response.formID, response.version)
            var lines = ["response \(response.id) to \(response.formID) version \(response.version): \(response.status.rawValue)",
                         "respondent: \(response.respondent ?? "-"), updated \(Table.timestamp(response.updatedAt)) UTC"]
            lines += Table.render([["KEY", "ANSWER"]] + AnswersFile.scopeFields(form.pages.flatMap(\.fields)).compactMap { field in
                if let instances = response.answers.repeats[field.key] { return [field.key, "\(instances.count) entries"] }
                return response.answers.values[field.key].map { [field.key, AnswerCoding.text(for: $0, field: field)] }
            })
            if history { lines += try Self.history(response, form: form, ws) }
            output(lines)
        }
    }

    /// Every revision as a heading and its answers, oldest first.
    static func history(_ response: StoredResponse, form: Form, _ ws: Workspace) throws -> [String] {
        let fields = AnswersFile.scopeFields(form.pages.flatMap(\.fields))
        return try ws.responses.history(response.id).flatMap { revision -> [String] in
            let answers = fields.compactMap { field in revision.answers.values[field.key].map { "  \(field.key): \(AnswerCoding.text(for: $0, field: field))" } }
            return ["", "revision \(revision.revision) (\(revision.status.rawValue), saved \(Table.timestamp(revision.savedAt)) UTC)"] + answers
        }
    }

    /// The response as one JSON object: metadata and answers.
    static func json(_ response: StoredResponse, _ ws: Workspace) throws -> JSONValue {
        let form = try ws.forms.version(response.formID, response.version)
        return .object([
            JSONMember("id", JSONNode(.number(Double(response.id)))),
            JSONMember("form", JSONNode(.string(response.formID))),
            JSONMember("version", JSONNode(.number(Double(response.version)))),
            JSONMember("status", JSONNode(.string(response.status.rawValue))),
            JSONMember("respondent", JSONNode(response.respondent.map { .string($0) } ?? .null)),
            JSONMember("updatedAt", JSONNode(.string(Table.timestamp(response.updatedAt)))),
            JSONMember("answers", JSONNode(AnswersFile.encode(response.answers, fields: form.pages.flatMap(\.fields)))),
        ])
    }
}
