import ArgumentParser
import Foundation
import JobQueue

/// `formwork worker`: runs a headless worker pool until SIGINT/SIGTERM (or until idle).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run background jobs until stopped (Ctrl-C or SIGTERM shuts down gracefully)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Comma-separated queues to serve (default: every queue).")
    var queues: String?

    @Option(help: "Worker threads.")
    var concurrency: Int = 4

    @Option(help: "Commit durability: full (default) or normal.")
    var sync: String = "full"

    @Option(help: "Seconds running jobs get to finish at shutdown before they are requeued.")
    var shutdownDeadline: Double = 10

    @Flag(help: "Exit once no job is waiting or running.")
    var exitWhenIdle = false

    func run() throws {
        try CLIFailure.run {
            guard concurrency >= 1 else { throw JobQueueError.invalidRequest("--concurrency must be at least 1") }
            guard let durability = JobDurability(rawValue: sync) else {
                throw JobQueueError.invalidRequest("--sync must be full or normal")
            }
            let store = try JobsCLI.openStore(workspace, durability: durability)
            var options = WorkerPoolOptions()
            options.concurrency = concurrency
            options.queues = queues.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let pool = WorkerPool(store: store, registry: JobKinds.registry(workspace: try workspace.directory()), options: options)
            pool.onError = { error in CLIFailure.printError(String(describing: error)) }
            try pool.start()
            if pool.recoveredAtStart > 0 {
                FileHandle.standardError.write(Data("formwork: requeued \(pool.recoveredAtStart) jobs left running by a stopped worker\n".utf8))
            }
            waitForStop(pool: pool)
            pool.shutdown(deadlineMillis: Int64(max(shutdownDeadline, 0) * 1000))
        }
    }

    /// Blocks until a stop signal arrives (or the queue is idle with `--exit-when-idle`).
    private func waitForStop(pool: WorkerPool) {
        let stop = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        if exitWhenIdle {
            DispatchQueue.global().async {
                while (try? pool.waitUntilIdle(timeoutMillis: 1_000)) != true {}
                stop.signal()
            }
        }
        stop.wait()
        sources.forEach { $0.cancel() }
    }
}
