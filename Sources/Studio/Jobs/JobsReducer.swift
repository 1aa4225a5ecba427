import TUIKit

/// State changes of the Jobs screen: commands, confirmations and effect answers.
enum JobsReducer {
    static func reduce(_ action: JobsAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .up: move(-1, &state)
        case .down: move(1, &state)
        case .focus:
            guard state.jobs.detail == nil else { return [] }
            state.jobs.focus = state.jobs.focus == .queues ? .jobs : .queues
        case .open:
            guard let job = state.jobs.currentJob else { return [] }
            state.jobs.detailID = job.id
            return [.jobs(.detail(job.id))]
        case .close:
            state.jobs.detail = nil
            state.jobs.detailID = nil
            state.jobs.detailOffset = 0
        case .retry:
            guard let job = state.jobs.targetJob else { return [] }
            return [.jobs(.retry(job.id))]
        case .cancel: return cancel(&state)
        case .requeueDead:
            guard let queue = state.jobs.currentQueue, queue.dead > 0 else { return [] }
            state.overlay = .confirm(ConfirmState(title: "Requeue dead jobs",
                                                  message: "Requeue the \(queue.dead) dead job\(queue.dead == 1 ? "" : "s") of \(queue.name) with fresh attempts?",
                                                  buttons: ["Requeue", "Cancel"], purpose: .jobs(.requeueDead(queue: queue.name))))
        case .pause:
            guard let queue = state.jobs.currentQueue else { return [] }
            return [.jobs(.setPaused(queue: queue.name, paused: !queue.paused))]
        case .filter:
            let all = JobListFilter.allCases
            state.jobs.filter = all[(all.firstIndex(of: state.jobs.filter)! + 1) % all.count]
            state.jobs.jobID = nil
            return refresh(&state)
        case .refresh: return refresh(&state)
        }
        return []
    }

    /// A waiting job is cancelled at once; a running one only after a confirmation, since its
    /// work so far is lost.
    static func cancel(_ state: inout AppState) -> [Effect] {
        guard let job = state.jobs.targetJob else { return [] }
        guard job.status == .running else { return [.jobs(.cancel(job.id))] }
        state.overlay = .confirm(ConfirmState(title: "Cancel running job",
                                              message: "Stop job \(job.id) (\(job.kind))? Its worker stops it at the next check.",
                                              buttons: ["Stop it", "Keep running"], purpose: .jobs(.cancelRunning(id: job.id))))
        return []
    }

    /// The first button of a Jobs confirmation was chosen.
    static func confirmed(_ purpose: JobsConfirm, _ state: inout AppState) -> [Effect] {
        switch purpose {
        case .cancelRunning(let id): return [.jobs(.cancel(id))]
        case .requeueDead(let queue): return [.jobs(.requeueDead(queue: queue))]
        }
    }

    /// Arrows move the focused selection, or scroll the open detail.
    static func move(_ delta: Int, _ state: inout AppState) {
        if state.jobs.detail != nil {
            // Clamped to the pane's real length, so scrolling back up after overshooting is immediate.
            state.jobs.detailOffset = max(0, min(state.jobs.detailOffset + delta, JobsDetailView.maxOffset(state)))
            return
        }
        switch state.jobs.focus {
        case .queues:
            let queues = state.jobs.queues
            guard !queues.isEmpty else { return }
            state.jobs.queueName = queues[clamp(state.jobs.queueIndex + delta, queues.count)].name
        case .jobs:
            let jobs = state.jobs.recent
            guard !jobs.isEmpty else { return }
            state.jobs.jobID = jobs[clamp(state.jobs.jobIndex + delta, jobs.count)].id
        }
    }

    static func clamp(_ index: Int, _ count: Int) -> Int { max(0, min(count - 1, index)) }

    /// Asks for a snapshot unless one is already on its way.
    static func refresh(_ state: inout AppState) -> [Effect] {
        guard !state.jobs.refreshing else { return [] }
        state.jobs.refreshing = true
        return [.jobs(.refresh(filter: state.jobs.filter, detail: state.jobs.detailID))]
    }

    /// Effect answers and the host's pulse.
    static func event(_ event: JobsEvent, _ state: inout AppState) -> [Effect] {
        switch event {
        case .poll:
            return state.screen == .jobs ? refresh(&state) : []
        case .loaded(let snapshot):
            state.jobs.refreshing = false
            state.jobs.unavailable = false
            state.jobs.snapshot = snapshot
            // Keep the selection when its row is still there, else fall back to the first.
            if !snapshot.queues.contains(where: { $0.name == state.jobs.queueName }) { state.jobs.queueName = snapshot.queues.first?.name }
            if !snapshot.recent.contains(where: { $0.id == state.jobs.jobID }) { state.jobs.jobID = snapshot.recent.first?.id }
        case .detailLoaded(let detail):
            guard detail.summary.id == state.jobs.detailID else { return [] }
            if state.jobs.detail?.summary.id != detail.summary.id { state.jobs.detailOffset = 0 }
            state.jobs.detail = detail
        case .done(let message):
            state.showToast(message)
            return refresh(&state)
        case .failed(let message):
            state.jobs.refreshing = false
            state.showToast(message, kind: .error)
        case .unavailable:
            state.jobs.refreshing = false
            state.jobs.unavailable = true
        }
        return []
    }
}

extension AppState {
    /// How often the host should send `.jobsEvent(.poll)`, in ms; nil when no screen in front
    /// needs it. The key loop ticks every 500 ms; the Jobs screen wants 4 Hz, so rather than
    /// speed up every tick (which would also shorten toasts and autosave delays, counted in
    /// ticks) the host adds this second, faster pulse only while Jobs is in front. Each pulse
    /// asks for a refresh effect that runs off the key loop; a pulse while the previous
    /// refresh is still reading is skipped, so a slow disk never piles up reads.
    public var pollMillis: Int? { screen == .jobs && !jobs.unavailable ? 250 : nil }
}
