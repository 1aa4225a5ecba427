import Foundation
import Studio

/// A `ReportService` in memory for tests: jobs are numbered from 1 and recorded, files and
/// forms are whatever the test sets, and cron expressions are checked for five fields (or a
/// `@` macro) like the live queue's parser.
public final class InMemoryReportService: ReportService, @unchecked Sendable {
    private let lock = NSLock()
    private var storedForms: [ReportForm]
    private var storedTemplates: [ReportTemplateInfo]
    private var storedFiles: [ReportFile] = []
    private var storedSchedules: [String: ReportSchedule] = [:]
    private var nextJob: Int64 = 1
    private var queued: [ReportRequest] = []

    /// The reports folder it reports.
    public let folder: String

    /// A service over `forms`, with the three built-in templates plus `extraTemplates`.
    public init(forms: [ReportForm], extraTemplates: [String] = [], folder: String = "/work/space/reports") {
        storedForms = forms
        storedTemplates = ["summary", "full", "per-response"].map { ReportTemplateInfo(name: $0, builtIn: true) }
            + extraTemplates.map { ReportTemplateInfo(name: $0, builtIn: false) }
        self.folder = folder
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Every request queued so far, in order.
    public var enqueued: [ReportRequest] { locked { queued } }

    /// Replaces the files listed.
    public func setFiles(_ files: [ReportFile]) { locked { storedFiles = files } }

    /// The forms the test gave.
    public func forms() throws -> [ReportForm] { locked { storedForms } }
    /// Built-ins, then the extra templates.
    public func templates() throws -> [ReportTemplateInfo] { locked { storedTemplates } }
    /// The files set with `setFiles`.
    public func results() throws -> [ReportFile] { locked { storedFiles } }
    /// Schedules by name.
    public func schedules() throws -> [ReportSchedule] { locked { storedSchedules.values.sorted { $0.name < $1.name } } }

    /// Records the request; job ids count from 1.
    public func enqueue(_ request: ReportRequest) throws -> Int64 {
        guard !request.formats.isEmpty else { throw ReportServiceError.noFormats }
        return locked {
            queued.append(request)
            defer { nextJob += 1 }
            return nextJob
        }
    }

    /// Adds or replaces a schedule (keeping its on/off state); refuses a cron without five fields.
    public func saveSchedule(_ schedule: ReportSchedule) throws {
        let fields = schedule.cron.split(separator: " ")
        guard schedule.cron.hasPrefix("@") || fields.count == 5 else {
            throw ReportServiceError.badCron(expression: schedule.cron, reason: "expected 5 fields, found \(fields.count)")
        }
        locked {
            var saved = schedule
            saved.enabled = storedSchedules[schedule.name]?.enabled ?? true
            saved.nextRun = saved.enabled ? 1_795_852_800 : nil
            storedSchedules[schedule.name] = saved
        }
    }

    /// Removes a schedule.
    public func deleteSchedule(name: String) throws {
        try locked {
            guard storedSchedules.removeValue(forKey: name) != nil else { throw ReportServiceError.noSchedule(name) }
        }
    }

    /// Switches a schedule on or off.
    public func setScheduleEnabled(name: String, enabled: Bool) throws {
        try locked {
            guard storedSchedules[name] != nil else { throw ReportServiceError.noSchedule(name) }
            storedSchedules[name]?.enabled = enabled
            storedSchedules[name]?.nextRun = enabled ? 1_795_852_800 : nil
        }
    }
}
