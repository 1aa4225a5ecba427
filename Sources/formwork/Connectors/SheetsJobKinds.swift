import Connectors
import Foundation
import JobQueue

extension SheetsJobHandler {
    /// Registers `sheets.pull` and `sheets.push` for the workspace the worker serves. Connector
    /// failures that may pass (throttling, server errors, transport) are retried by the
    /// queue's policy; the rest (a bad range, a missing sign-in) fail at once.
    static func register(in registry: HandlerRegistry, workspace: URL) {
        registry.register(kind: pullKind) { context, args in
            try context.checkCancellation()
            context.progress(0, note: "reading the sheet")
            let result = try classified { try runPull(arguments: args.data, workspace: workspace) }
            context.progress(1, note: "pulled")
            return result
        }
        registry.register(kind: pushKind) { context, args in
            try context.checkCancellation()
            return try classified {
                try runPush(arguments: args.data, workspace: workspace) { fraction, note in context.progress(fraction, note: note) }
            }
        }
    }

    /// The request that runs a pull or a push on the `exports` queue; identical live jobs are
    /// not enqueued twice.
    static func request(kind: String, arguments: some Encodable) throws -> JobRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JobRequest(kind: kind, args: encoder.encode(arguments), queue: queue).uniqueByArgs()
    }

    private static func classified(_ body: () throws -> Data) throws -> Data {
        do { return try body() } catch let error as JobError {
            throw error
        } catch {
            throw isRetryable(error) ? JobError.retryable(String(describing: error)) : JobError.permanent(String(describing: error))
        }
    }
}
