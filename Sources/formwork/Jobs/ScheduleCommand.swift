import ArgumentParser
import Foundation
import JobQueue

/// `formwork schedule add|list|remove`: cron schedules that enqueue jobs.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Manage cron schedules (5-field cron, UTC).",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or replace a schedule.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Schedule name.") var name: String
        @Argument(help: "Cron expression, e.g. \"0 6 * * mon-fri\" or @daily.") var cron: String
        @Argument(help: "Job kind to enqueue.") var kind: String
        @Option(help: "Arguments as JSON.") var args: String = "{}"
        @Option(help: "Queue.") var queue: String = "default"
        @Option(help: "Priority 0 (first) … 4 (last).") var priority: Int = 2
        @Option(help: "Missed slots after downtime: once (run the latest once) or skip.") var catchUp: String = "once"

        func run() throws {
            try CLIFailure.run {
                guard let policy = CatchUpPolicy(rawValue: catchUp) else {
                    throw JobQueueError.invalidRequest("--catch-up must be once or skip")
                }
                let store = try JobsCLI.openStore(workspace)
                try store.addSchedule(name: name, expression: cron,
                                      request: JobRequest(kind: kind, args: Data(args.utf8), queue: queue, priority: priority),
                                      catchUp: policy)
                print("schedule \(name) added")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List schedules.")

        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try CLIFailure.run {
                let entries = try JobsCLI.openStore(workspace).schedules()
                if json {
                    try JobsCLI.printJSON(entries.map { entry -> [String: Any] in
                        ["name": entry.name, "cron": entry.expression, "kind": entry.request.kind,
                         "queue": entry.request.queue, "priority": entry.request.priority,
                         "catchUp": entry.catchUp.rawValue, "enabled": entry.enabled,
                         "next": entry.enabled ? (Self.next(entry) ?? NSNull()) : NSNull()]
                    })
                    return
                }
                var table = TextTable(headers: ["NAME", "CRON", "KIND", "QUEUE", "CATCH-UP", "NEXT"])
                table.rows = entries.map { entry in
                    [entry.name, entry.expression, entry.request.kind, entry.request.queue, entry.catchUp.rawValue,
                     Self.next(entry) ?? "-"]
                }
                print(table.render())
            }
        }

        static func next(_ entry: CronEntry) -> String? {
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            return (try? CronSchedule(entry.expression))?.next(after: now).map { JobsCLI.time($0) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a schedule.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Schedule name.") var name: String

        func run() throws {
            try CLIFailure.run {
                try JobsCLI.openStore(workspace).removeSchedule(name: name)
                print("schedule \(name) removed")
            }
        }
    }
}
