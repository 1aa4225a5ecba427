import ArgumentParser
import Foundation
import JobQueue

extension JobsCommand {
    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Requeue dead-lettered (or cancelled) jobs: by id, or --all dead-lettered jobs.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Job ids.") var ids: [Int64] = []
        @Flag(help: "Requeue every dead-lettered job.") var all = false
        @Option(help: "With --all: only this queue.") var queue: String?

        func run() throws {
            try CLIFailure.run {
                guard all != !ids.isEmpty else { throw JobQueueError.invalidRequest("give job ids or --all (not both)") }
                let store = try JobsCLI.openStore(workspace)
                if all {
                    print("requeued \(try store.requeueDiscarded(queue: queue)) jobs")
                    return
                }
                for id in ids {
                    try store.requeue(id)
                    print("requeued \(id)")
                }
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel jobs: waiting ones at once, running ones cooperatively.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Job ids.") var ids: [Int64]

        func run() throws {
            try CLIFailure.run {
                let store = try JobsCLI.openStore(workspace)
                for id in ids {
                    let state = try store.cancel(id)
                    print(state == .running ? "cancel requested for running job \(id)" : "cancelled \(id)")
                }
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete finished jobs.")

        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Comma-separated terminal states (default: completed,cancelled,discarded).") var state: String?
        @Option(help: "Only this queue.") var queue: String?

        func run() throws {
            try CLIFailure.run {
                var states = try JobsCLI.states(state)
                if states.isEmpty { states = JobState.allCases.filter(\.isTerminal) }
                if let open = states.first(where: { !$0.isTerminal }) {
                    throw JobQueueError.invalidRequest("cannot purge \(open.rawValue) jobs; only finished ones")
                }
                print("purged \(try JobsCLI.openStore(workspace).purge(states: states, queue: queue)) jobs")
            }
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pause a queue (persisted; running jobs finish).")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Queue.") var queue: String

        func run() throws {
            try CLIFailure.run {
                try JobsCLI.openStore(workspace).pause(queue: queue)
                print("paused \(queue)")
            }
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resume a paused queue.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Queue.") var queue: String

        func run() throws {
            try CLIFailure.run {
                try JobsCLI.openStore(workspace).resume(queue: queue)
                print("resumed \(queue)")
            }
        }
    }
}
