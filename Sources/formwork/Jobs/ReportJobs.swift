import Foundation
import JobQueue
import Reports
import Workspace

/// The `report` (queue `reports`) and `export` (queue `exports`) job kinds: the same export
/// code as `formwork export`, with the job's progress, checkpoints and cancellation.
///
/// Arguments are an `ExportSetup` as JSON (`{"form": "...", "responses": "...", "formats":
/// "pdf,html", "template": "summary", "out": "..."}`); `report` defaults to PDF with the
/// summary template, `export` to CSV + JSON. After each finished file the job saves a
/// checkpoint listing the formats done, so a retry after a crash writes only the rest.
enum ReportJobs {
    /// The report kind and its queue.
    static let reportKind = "report", reportQueue = "reports"
    /// The export kind and its queue.
    static let exportKind = "export", exportQueue = "exports"

    /// Registers both kinds for a worker serving `workspace`: a job that names no workspace of
    /// its own reads forms and responses from the worker's.
    static func register(in registry: HandlerRegistry, workspace: URL) {
        registry.register(kind: reportKind) { ctx, args in try run(ctx, args, defaultFormats: "pdf", workspace: workspace) }
        registry.register(kind: exportKind) { ctx, args in try run(ctx, args, defaultFormats: "csv,json", workspace: workspace) }
    }

    /// A request for a `report` job on the `reports` queue (or `export` on `exports`).
    static func request(_ setup: ExportSetup, kind: String = reportKind) throws -> JobRequest {
        let data = try JSONEncoder.sorted.encode(setup)
        return JobRequest(kind: kind, args: data, queue: kind == exportKind ? exportQueue : reportQueue)
    }

    static func run(_ ctx: JobContext, _ args: JobArgs, defaultFormats: String, workspace: URL) throws -> Data? {
        var setup = try decode(args, defaultFormats: defaultFormats)
        if setup.workspace == nil { setup.workspace = workspace.path }
        var request: ExportRequest
        do { request = try setup.request() } catch { throw classify(error) }
        let done = try ctx.checkpoint.map { try JSONDecoder().decode(Checkpoint.self, from: $0) } ?? Checkpoint(formats: [])
        request.completedFormats = Set(done.formats)
        let total = Double(request.formats.count + 1)
        var finished = done.formats
        var checkpointError: Error?
        let exporter = ReportExporter(progress: { stage in
            switch stage {
            case .reading(let count): ctx.progress(0.5 / total, note: "read \(count) responses")
            case .writing(let name): ctx.progress(Double(finished.count + 1) / total, note: "writing \(name)")
            case .wrote(let format, _):
                guard !finished.contains(format) else { return }
                finished.append(format)
                do {
                    try ctx.saveCheckpoint(try JSONEncoder.sorted.encode(Checkpoint(formats: finished)),
                                           progress: Double(finished.count + 1) / total, note: "wrote \(format.rawValue)")
                } catch { checkpointError = error }
            case .perResponse(let count): ctx.progress(1 - 0.5 / total, note: "\(count) per-response documents")
            case .finished: ctx.progress(1, note: "done")
            }
        }, isCancelled: { ctx.isCancelled || checkpointError != nil })
        do {
            let result = try exporter.run(request)
            return try JSONEncoder.sorted.encode(JobResult(files: result.files.map(\.path), responses: result.responseCount))
        } catch {
            if let checkpointError { throw checkpointError }
            throw classify(error)
        }
    }

    private static func decode(_ args: JobArgs, defaultFormats: String) throws -> ExportSetup {
        var object = args.object
        if object["formats"] == nil { object["formats"] = defaultFormats }
        if object["template"] == nil { object["template"] = "summary" }
        for flag in ["perResponse", "zip", "compile"] where object[flag] == nil { object[flag] = false }
        do {
            return try JSONDecoder().decode(ExportSetup.self, from: try JSONSerialization.data(withJSONObject: object))
        } catch DecodingError.keyNotFound(let key, _) {
            throw JobError.permanent("bad export arguments: missing \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context) {
            throw JobError.permanent("bad export arguments: \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type")
        } catch {
            throw JobError.permanent("bad export arguments: \(error)")
        }
    }

    /// Input problems will not go away on retry; files and engines might.
    static func classify(_ error: Error) -> Error {
        if case ExportError.cancelled? = error as? ExportError { return JobError.cancelled }
        if ExportExit.isInputProblem(error) { return JobError.permanent("\(error)") }
        if let workspaceError = error as? WorkspaceError, workspaceError.isMissingRecord { return JobError.permanent("\(error)") }
        return JobError.retryable("\(error)")
    }

    /// Formats whose files are complete.
    struct Checkpoint: Codable { var formats: [ExportFormat] }

    /// What a finished job returns.
    struct JobResult: Codable { var files: [String]; var responses: Int }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so the same value always gives the same bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
