extension EffectRunner {
    /// Performs a Jobs effect. Errors are answered as `JobsEvent.failed` (never thrown) so the
    /// screen always learns that its refresh ended and may ask for the next one.
    func performJobs(_ effect: JobsEffect) -> [AppAction] {
        guard let jobs = services.jobs else { return [.jobsEvent(.unavailable)] }
        do {
            switch effect {
            case .refresh(let filter, let detailID):
                var answers: [AppAction] = [.jobsEvent(.loaded(try jobs.snapshot(filter: filter, limit: JobsState.recentLimit)))]
                if let detailID { answers.append(.jobsEvent(.detailLoaded(try jobs.detail(detailID)))) }
                return answers
            case .detail(let id):
                return [.jobsEvent(.detailLoaded(try jobs.detail(id)))]
            case .retry(let id):
                try jobs.retry(id)
                return [.jobsEvent(.done("job \(id) queued again"))]
            case .cancel(let id):
                let stopped = try jobs.cancel(id)
                return [.jobsEvent(.done(stopped ? "job \(id) cancelled" : "job \(id): cancellation requested"))]
            case .requeueDead(let queue):
                let count = try jobs.requeueDead(queue: queue)
                return [.jobsEvent(.done("requeued \(count) dead job\(count == 1 ? "" : "s") of \(queue)"))]
            case .setPaused(let queue, let paused):
                try jobs.setPaused(paused, queue: queue)
                return [.jobsEvent(.done("\(queue) \(paused ? "paused" : "resumed")"))]
            }
        } catch {
            return [.jobsEvent(.failed("\(error)"))]
        }
    }
}
