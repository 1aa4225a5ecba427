import ArgumentParser
import Connectors
import FormCore
import Foundation
import JobQueue
import Workspace

/// `formwork sheets …`: pull responses from Google Sheets, push responses and summaries to it.
struct SheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "Pull responses from a Google sheet, or push responses and a summary to one.",
        subcommands: [SheetsPull.self, SheetsPush.self]
    )
}

struct SheetsPull: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Import the rows of a sheet (e.g. a Google Forms responses sheet) as responses.",
        discussion: """
            Columns match fields by key, then by label, then by the saved mapping \
            (<workspace>/sheets/SPREADSHEET--FORM.mapping.json: header → field key, "" to ignore), \
            which is created listing every header that matched nothing. Only rows not imported by an \
            earlier pull are imported. Each bad row is reported as "row N: key: why". Exit status: \
            0 when every new row was clean, 1 when any row was bad, 2 when the sheet or the workspace \
            cannot be used.
            """
    )
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The spreadsheet id (from its URL).") var spreadsheet: String
    @Option(name: .long, help: "The range to read, e.g. \"'Form Responses 1'!A1:K\" (default: the whole first sheet).") var range: String?
    @Option(name: .long, help: "The form id to import into.") var form: String
    @Option(name: .long, help: "The published version the rows answer (default: the newest).") var version: Int?
    @Option(name: .long, help: "The stored Google account to use.") var account: String?
    @Flag(name: .long, help: "Report what would be imported, write nothing.") var dryRun = false
    @Flag(name: .long, help: "Run as a job on the exports queue (retried, with progress) instead of now.") var enqueue = false

    func run() throws {
        try guarded {
            if enqueue {
                let arguments = SheetsJobHandler.PullArguments(spreadsheet: spreadsheet, form: form, range: range, version: version, account: account)
                return try enqueueJob(workspace, SheetsJobHandler.request(kind: SheetsJobHandler.pullKind, arguments: arguments))
            }
            let context = try ConnectorContext(workspace: workspace)
            let store = try openWorkspace(workspace)
            let target = try version.map { try store.forms.version(form, $0) } ?? store.forms.latestVersion(form)
            let result = try SheetsPullRun(context: context, workspace: store, form: target, spreadsheet: spreadsheet, range: range,
                                           account: account, dryRun: dryRun).run()
            FileHandle.standardError.write(Data(result.problems.map { "\($0)\n" }.joined().utf8))
            output(result.summary)
            if !result.problems.isEmpty { throw Exit.invalid }
        }
    }
}

/// One pull: fetch, plan, validate, store, remember. Kept apart from the command so the job
/// runner can call it too.
struct SheetsPullRun {
    let context: ConnectorContext
    let workspace: Workspace
    let form: Form
    let spreadsheet: String
    let range: String?
    let account: String?
    let dryRun: Bool

    struct Result {
        var problems: [SheetRowProblem]
        var summary: [String]
    }

    func run() throws -> Result {
        let client = context.sheets(account: account)
        let readRange = try range ?? firstSheet(client)
        let values = try client.values(spreadsheet, range: readRange)
        let mappings = context.sheetMappings
        let mapping = try mappings.mapping(spreadsheet: spreadsheet, form: form.id)
        let imported = try workspace.sheetSync.imported(spreadsheet: spreadsheet, formID: form.id)
        let plan = try SheetPull.validate(SheetPull.plan(values, form: form, mapping: mapping, imported: imported), form: form)
        let mappingPath = mappings.mappingPath(spreadsheet: spreadsheet, form: form.id)
        var summary: [String] = []
        if !plan.unmapped.isEmpty {
            if !dryRun { try mappings.save(mapping.adding(unmapped: plan.unmapped), spreadsheet: spreadsheet, form: form.id) }
            summary.append("columns matching no field (ignored): \(plan.unmapped.joined(separator: ", ")); map them in \(mappingPath)")
        }
        guard plan.mapsAnyField || values.values.isEmpty else {
            throw ConnectorError.invalidInput("no column of \(readRange) matches a field of \(form.id); map the headers in \(mappingPath)")
        }
        if !dryRun && !plan.rows.isEmpty {
            // The responses and the rows they came from are stored in one transaction.
            let rows = plan.rows.map { SheetSyncRecords.Row(fingerprint: $0.fingerprint, response: NewResponse(answers: $0.answers, status: .submitted)) }
            try workspace.sheetSync.insert(rows, spreadsheet: spreadsheet, formID: form.id, version: form.version)
        }
        let bad = Set(plan.problems.map(\.row)).count
        summary.append("\(dryRun ? "dry run: would import" : "imported") \(plan.rows.count) new rows into \(form.id) version \(form.version)"
            + " (\(plan.alreadyImported) already imported, \(bad) bad)")
        return Result(problems: plan.problems, summary: summary)
    }

    private func firstSheet(_ client: SheetsClient) throws -> String {
        guard let first = try client.spreadsheet(spreadsheet).sheets.first else {
            throw ConnectorError.invalidInput("spreadsheet \(spreadsheet) has no sheets")
        }
        return A1Range.range(sheet: first.title)
    }
}

struct SheetsPush: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Write a form's submitted responses and a summary table to a spreadsheet.",
        discussion: """
            Values are written RAW, so an answer that looks like a formula stays text. The Responses \
            and Summary sheets are rewritten on every push (added when missing). Pass --create TITLE \
            instead of a spreadsheet id to make a new spreadsheet.
            """
    )
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The form id.") var form: String
    @Argument(help: "The spreadsheet id.") var spreadsheet: String?
    @Option(name: .long, help: "Create a new spreadsheet with this title.") var create: String?
    @Option(name: .long, help: "The stored Google account to use.") var account: String?
    @Flag(name: .long, help: "Run as a job on the exports queue (retried, with progress) instead of now.") var enqueue = false

    func validate() throws {
        if (spreadsheet == nil) == (create == nil) { throw ValidationError("give either a spreadsheet id or --create TITLE") }
    }

    func run() throws {
        try guarded {
            let context = try ConnectorContext(workspace: workspace)
            let store = try openWorkspace(workspace)
            if enqueue {
                let arguments = SheetsJobHandler.PushArguments(form: form, spreadsheet: spreadsheet, createTitle: create, account: account)
                return try enqueueJob(workspace, SheetsJobHandler.request(kind: SheetsJobHandler.pushKind, arguments: arguments))
            }
            let target: PushTarget = create.map { .create(title: $0) } ?? .existing(spreadsheet ?? "")
            let result = try SheetsPushRun(context: context, workspace: store, formID: form, target: target, account: account).run()
            output(["pushed \(result.responseRows) responses to \(result.url ?? result.spreadsheetID) in \(result.writeRequests) write request(s)"])
        }
    }
}

/// One push: read the submitted responses, write them. Shared by the command and the job runner.
struct SheetsPushRun {
    let context: ConnectorContext
    let workspace: Workspace
    let formID: String
    let target: PushTarget
    let account: String?

    func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> PushResult {
        let form = try workspace.forms.latestVersion(formID)
        let formatter = ISO8601DateFormatter()
        var responses: [PushResponse] = []
        try workspace.responses.forEach(ResponseFilter(formID: formID, status: .submitted)) { stored in
            responses.append(PushResponse(id: String(stored.id), submittedAt: stored.submittedAt.map { formatter.string(from: $0) }, answers: stored.answers))
        }
        return try SheetPusher(client: context.sheets(account: account)).push(form: form, responses: responses, to: target, progress: progress)
    }
}

/// Puts a sheets job on its queue and says which job it is (or which live job already does it).
func enqueueJob(_ workspace: WorkspaceOptions, _ request: JobRequest) throws {
    let results = try JobsCLI.openStore(workspace).enqueue([request])
    guard let result = results.first else { return }
    let state = result.disposition == .inserted ? "enqueued" : "already queued as"
    output(["\(state) \(request.kind) job \(result.id) on the \(request.queue) queue; run `formwork worker` to process it"])
}
