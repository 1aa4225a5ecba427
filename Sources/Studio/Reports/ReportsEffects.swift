import Foundation

extension EffectRunner {
    /// Performs a Reports effect; without a report service it says so.
    func perform(_ effect: ReportsEffect) throws -> [AppAction] {
        guard let service = services.reports else { return [.reportsEvent(.unavailable)] }
        switch effect {
        case .load:
            let snapshot = ReportsSnapshot(forms: try service.forms(), templates: try service.templates(), folder: service.folder,
                                           results: try service.results(), schedules: try service.schedules(),
                                           defaultFormats: services.settings?.defaultFormats())
            return [.reportsEvent(.loaded(snapshot))]
        case .loadResults:
            return [.reportsEvent(.results(try service.results()))]
        case .enqueue(let request):
            return [.reportsEvent(.enqueued(jobID: try service.enqueue(request)))]
        case .saveSchedule(let schedule, let isNew):
            do {
                try service.saveSchedule(schedule)
            } catch let error as ReportServiceError {
                return [.reportsEvent(.scheduleRefused(schedule, isNew: isNew, message: error.description))]
            }
            return [.reportsEvent(.scheduleSaved(try service.schedules(), name: schedule.name,
                                                 message: "\(isNew ? "added" : "saved") schedule \(schedule.name)"))]
        case .deleteSchedule(let name):
            try service.deleteSchedule(name: name)
            return [.reportsEvent(.schedulesChanged(try service.schedules(), message: "deleted schedule \(name)"))]
        case .watchJob(let id):
            // Without a job service (or once the job is gone) the line simply stops updating.
            guard let jobs = services.jobs, let detail = try? jobs.detail(id) else { return [] }
            return [.reportsEvent(.jobState(id: id, status: detail.summary.status, progress: detail.progress))]
        case .setScheduleEnabled(let name, let enabled):
            try service.setScheduleEnabled(name: name, enabled: enabled)
            return [.reportsEvent(.schedulesChanged(try service.schedules(), message: "schedule \(name) \(enabled ? "on" : "off")"))]
        }
    }
}
