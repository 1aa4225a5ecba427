import Foundation
import GRDB
import XCTest
@testable import JobQueue

/// Finds and runs the `queue-crash-child` helper built next to the test bundle.
enum ChildProcess {
    /// The helper's path: beside the running test binary, else under the package's `.build`.
    static func binary() -> URL? {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("queue-crash-child"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("queue-crash-child"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for triple in ["debug", "x86_64-unknown-linux-gnu/debug", "aarch64-unknown-linux-gnu/debug", "release"] {
            candidates.append(root.appendingPathComponent(".build/\(triple)/queue-crash-child"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the helper with `arguments`.
    static func launch(_ binary: URL, _ arguments: [String], environment: [String: String] = [:],
                       stderr: URL? = nil) throws -> Process {
        let process = Process()
        if let stderr {
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
        }
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// The kill-loop invariants, read straight from the database.
enum QueueInvariants {
    /// Problems found; empty when every invariant holds. `final` adds "everything is terminal".
    static func violations(in store: JobStore, final: Bool) throws -> [String] {
        try store.read { db in
            var problems: [String] = []
            let over = try Int.fetchOne(db, sql: "SELECT count(*) FROM job WHERE attempt > max_attempts") ?? 0
            if over > 0 { problems.append("\(over) jobs exceed max attempts") }
            let doubleTerminal = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT job_id FROM job_event WHERE type IN ('completed','discarded','cancelled')
                                      GROUP BY job_id HAVING count(*) > 1)
                """) ?? 0
            if doubleTerminal > 0 { problems.append("\(doubleTerminal) jobs reached a terminal state twice") }
            let terminalWithoutEvent = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM job WHERE state IN ('completed','discarded','cancelled')
                  AND (SELECT count(*) FROM job_event e WHERE e.job_id = job.id
                       AND e.type IN ('completed','discarded','cancelled')) != 1
                """) ?? 0
            if terminalWithoutEvent > 0 { problems.append("\(terminalWithoutEvent) terminal jobs without exactly one terminal event") }
            let strayOutput = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM job_output o JOIN job j ON j.id = o.job_id WHERE j.state != 'completed'
                """) ?? 0
            let strayCache = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM job_result r LEFT JOIN job j ON j.id = r.job_id
                WHERE j.id IS NULL OR j.state != 'completed'
                """) ?? 0
            if strayOutput + strayCache > 0 { problems.append("\(strayOutput + strayCache) results written without a completion") }
            if final {
                let open = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM job WHERE state NOT IN ('completed','discarded','cancelled')
                    """) ?? 0
                if open > 0 { problems.append("\(open) jobs never reached a terminal state") }
            }
            return problems
        }
    }

    /// Jobs left `running` (there must be none once recovery ran and no worker is alive).
    static func runningCount(_ store: JobStore) throws -> Int {
        try store.stats().states["running"] ?? 0
    }
}
