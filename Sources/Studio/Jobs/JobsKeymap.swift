import TUIKit

/// Keys of the Jobs screen. Disabled keys still take their key and say why in a toast.
enum JobsKeymap {
    static func binding(_ action: JobsAction, _ keys: [KeyEvent], _ title: String, short: String? = nil, bar: Bool = true,
                        disabled: @escaping (AppState) -> String? = { _ in nil }) -> KeyBinding<AppState> {
        KeyBinding(id: action.rawValue, keys: keys, title: title, shortTitle: short, group: "Jobs", showInBar: bar,
                   disabledReason: disabled)
    }

    static func needsJob(_ state: AppState) -> String? {
        state.jobs.targetJob == nil ? "no job selected" : nil
    }

    static func needsQueue(_ state: AppState) -> String? {
        state.jobs.currentQueue == nil ? "no queue yet" : nil
    }

    /// The Jobs screen's bindings.
    static let keymap = Keymap<AppState>([
        binding(.open, [KeyEvent(.enter)], "Open the job's detail", short: "detail", disabled: needsJob),
        binding(.retry, [.char("r")], "Retry a dead or cancelled job", short: "retry", disabled: { state in
            guard let job = state.jobs.targetJob else { return "no job selected" }
            return job.status.isRetryable ? nil : "only dead or cancelled jobs can be retried (this one is \(job.status.rawValue))"
        }),
        binding(.cancel, [.char("c")], "Cancel the job", short: "cancel", disabled: { state in
            guard let job = state.jobs.targetJob else { return "no job selected" }
            return job.status.isCancellable ? nil : "the job is already \(job.status.rawValue)"
        }),
        binding(.requeueDead, [.char("R")], "Requeue every dead job of the queue", short: "requeue dead", disabled: { state in
            guard let queue = state.jobs.currentQueue else { return "no queue yet" }
            return queue.dead > 0 ? nil : "no dead jobs in \(queue.name)"
        }),
        binding(.pause, [.char("p")], "Pause or resume the queue", short: "pause", disabled: needsQueue),
        binding(.filter, [.char("f")], "Filter: all, failed, dead, running", short: "filter"),
        binding(.focus, [KeyEvent(.tab)], "Switch between queues and jobs", short: "queues/jobs"),
        binding(.close, [KeyEvent(.escape)], "Close the job's detail", bar: false),
        binding(.refresh, [.ctrl("r")], "Refresh now", bar: false),
        binding(.up, [KeyEvent(.up), .char("k")], "Previous row", bar: false),
        binding(.down, [KeyEvent(.down), .char("j")], "Next row", bar: false),
    ])
}
