import ArgumentParser
import Foundation
import JobQueue

/// `formwork jobs …`: inspect and steer the background job queue.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Inspect and manage background jobs.",
        subcommands: [List.self, Show.self, Add.self, Retry.self, Cancel.self, Purge.self, Pause.self, Resume.self,
                      Stats.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first.")

        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Comma-separated states (e.g. running,discarded).") var state: String?
        @Option(help: "Only this queue.") var queue: String?
        @Option(help: "Only this kind.") var kind: String?
        @Option(help: "At most this many jobs.") var limit: Int = 50
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try CLIFailure.run {
                let store = try JobsCLI.openStore(workspace)
                let jobs = try store.jobs(JobFilter(states: try JobsCLI.states(state), queue: queue, kind: kind, limit: limit))
                let now = store.clock.nowMillis()
                if json { try JobsCLI.printJSON(jobs.map { JobsOutput.json($0, now: now) }) } else {
                    print(JobsOutput.table(jobs, now: now))
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job with its errors and events.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Job id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try CLIFailure.run {
                let store = try JobsCLI.openStore(workspace)
                guard let job = try store.job(id) else { throw JobQueueError.jobNotFound(id) }
                let events = try store.events(of: id)
                let now = store.clock.nowMillis()
                if json {
                    var object = JobsOutput.json(job, now: now)
                    object["events"] = events.map { event -> [String: Any] in
                        ["at": JobsCLI.time(event.at), "type": event.type, "data": event.data ?? NSNull()]
                    }
                    object["result"] = try store.result(of: id).map { String(decoding: $0, as: UTF8.self) } ?? NSNull()
                    try JobsCLI.printJSON(object)
                } else {
                    print(JobsOutput.detail(job, events: events, now: now))
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enqueue jobs from a script.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Job kind (e.g. noop, sleep).") var kind: String
        @Option(help: "Arguments as JSON.") var args: String = "{}"
        @Option(help: "Queue.") var queue: String = "default"
        @Option(help: "Priority 0 (first) … 4 (last).") var priority: Int = 2
        @Option(help: "Delay in seconds.") var delay: Double = 0
        @Option(help: "How many identical jobs to enqueue (one transaction).") var count: Int = 1
        @Option(help: "Attempts before dead-lettering (default: the queue's).") var maxAttempts: Int?
        @Flag(help: "Unique by kind + arguments: return the live job instead of a duplicate.") var unique = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try CLIFailure.run {
                guard count >= 1 else { throw JobQueueError.invalidRequest("--count must be at least 1") }
                guard delay >= 0, delay.isFinite else { throw JobQueueError.invalidRequest("--delay must not be negative") }
                var request = JobRequest(kind: kind, args: Data(args.utf8), queue: queue, priority: priority,
                                         delayMillis: Int64(delay * 1000), maxAttempts: maxAttempts)
                try request.validate()
                if unique { request = try request.uniqueByArgs() }
                let results = try JobsCLI.openStore(workspace).enqueue(Array(repeating: request, count: count))
                if json {
                    try JobsCLI.printJSON(results.map { ["id": $0.id, "disposition": $0.disposition.rawValue] })
                } else {
                    for result in results { print(result.disposition == .inserted ? "\(result.id)" : "\(result.id) \(result.disposition.rawValue)") }
                }
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts per state, events and latency.")

        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print JSON: the count per state.") var json = false
        @Flag(help: "With --json: every figure (per queue, events, latency).") var full = false

        func run() throws {
            try CLIFailure.run {
                let stats = try JobsCLI.openStore(workspace).stats()
                if json && full {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(stats), as: UTF8.self))
                } else if json {
                    try JobsCLI.printJSON(stats.states)
                } else {
                    print(Self.text(stats))
                }
            }
        }

        static func text(_ stats: JobQueueStats) -> String {
            var table = TextTable(headers: ["STATE", "JOBS"])
            table.rows = JobState.allCases.map { [$0.rawValue, String(stats.states[$0.rawValue] ?? 0)] }
            var lines = [table.render()]
            func ms(_ value: Int64?) -> String { value.map { "\($0) ms" } ?? "-" }
            lines.append("start latency p50 \(ms(stats.startLatencyP50Millis)), p95 \(ms(stats.startLatencyP95Millis))")
            lines.append("run time p50 \(ms(stats.runTimeP50Millis)), p95 \(ms(stats.runTimeP95Millis))")
            lines.append("duplicate executions \(stats.duplicateExecutions)")
            return lines.joined(separator: "\n")
        }
    }
}
