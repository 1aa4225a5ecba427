import Connectors
import Foundation
import HTTP
import Workspace

/// Runs `sheets.pull` and `sheets.push` jobs (queue `exports`) in a worker: the same runs as
/// the commands, with arguments as JSON and a JSON summary as the result. Free of the queue's
/// types so that registering the kinds is one line each where the worker registers kinds.
enum SheetsJobHandler {
    /// The queue these jobs go on.
    static let queue = "exports"
    /// The kind that pulls a sheet into a form.
    static let pullKind = "sheets.pull"
    /// The kind that pushes a form's responses to a spreadsheet.
    static let pushKind = "sheets.push"

    /// `sheets.pull` arguments.
    struct PullArguments: Codable, Equatable {
        var spreadsheet: String
        var form: String
        var range: String?
        var version: Int?
        var account: String?
    }

    /// `sheets.push` arguments: an existing spreadsheet, or a title to create one.
    struct PushArguments: Codable, Equatable {
        var form: String
        var spreadsheet: String?
        var createTitle: String?
        var account: String?
    }

    /// Pulls; the result lists the bad rows and the summary lines.
    static func runPull(arguments: Data, workspace: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Data {
        let parsed = try decode(PullArguments.self, arguments)
        let context = try ConnectorContext(directory: workspace, environment: environment)
        let store = try Workspace.open(at: workspace)
        let form = try parsed.version.map { try store.forms.version(parsed.form, $0) } ?? store.forms.latestVersion(parsed.form)
        let result = try SheetsPullRun(context: context, workspace: store, form: form, spreadsheet: parsed.spreadsheet, range: parsed.range,
                                       account: parsed.account, dryRun: false).run()
        return try JSONSerialization.data(withJSONObject: ["problems": result.problems.map(\.description), "summary": result.summary],
                                          options: [.sortedKeys])
    }

    /// Pushes, reporting progress after each write request.
    static func runPush(arguments: Data, workspace: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                        progress: @escaping (Double, String) -> Void) throws -> Data {
        let parsed = try decode(PushArguments.self, arguments)
        guard let target: PushTarget = parsed.createTitle.map({ .create(title: $0) }) ?? parsed.spreadsheet.map({ .existing($0) }) else {
            throw ConnectorError.invalidInput("a sheets.push job needs spreadsheet or createTitle")
        }
        let context = try ConnectorContext(directory: workspace, environment: environment)
        let result = try SheetsPushRun(context: context, workspace: try Workspace.open(at: workspace), formID: parsed.form, target: target,
                                       account: parsed.account).run { done, total in
            progress(Double(done) / Double(max(total, 1)), "wrote \(done) of \(total) batches")
        }
        return try JSONSerialization.data(withJSONObject: ["spreadsheet": result.spreadsheetID, "url": result.url ?? "",
                                                           "rows": result.responseRows, "cells": result.updatedCells], options: [.sortedKeys])
    }

    /// Whether a failed job should be retried (throttling, server errors, transport failures).
    static func isRetryable(_ error: Error) -> Bool {
        if let connector = error as? ConnectorError { return connector.isRetryable }
        return error is HTTPError
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw ConnectorError.invalidInput("bad \(T.self) for a sheets job: \(error.localizedDescription)")
        }
    }
}
