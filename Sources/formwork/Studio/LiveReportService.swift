import Foundation
import JobQueue
import Reports
import Studio
import Workspace

/// `ReportService` over the workspace and its job queue: it only queues `report` jobs (the
/// same kind and arguments as `formwork jobs add report`); a worker writes the files. Each
/// run writes into its own folder `reports/FORM-YYYYMMDD-HHMMSS/`; a schedule writes into
/// `reports/NAME/`, replacing the previous run's files.
final class LiveReportService: ReportService, @unchecked Sendable {
    // Workspace and JobStore are thread-safe; the studio calls from its store queue.
    let workspace: Workspace
    let store: JobStore
    private let now: () -> Date

    init(workspace: Workspace, store: JobStore, now: @escaping () -> Date = Date.init) {
        self.workspace = workspace
        self.store = store
        self.now = now
    }

    var folder: String { workspace.reportsDirectory.path }

    func forms() throws -> [ReportForm] {
        try workspace.forms.list().filter { $0.latestVersion > 0 }.map {
            ReportForm(id: $0.id, title: $0.title, version: $0.latestVersion, responseCount: $0.responseCount)
        }
    }

    func templates() throws -> [ReportTemplateInfo] {
        let directory = workspace.directory.appendingPathComponent("templates").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let own = files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
            .filter { !TemplateLibrary.builtInNames.contains($0) }.sorted()
        return TemplateLibrary.builtInNames.map { ReportTemplateInfo(name: $0, builtIn: true) } + own.map { ReportTemplateInfo(name: $0, builtIn: false) }
    }

    func enqueue(_ request: ReportRequest) throws -> Int64 {
        let out = runFolder(for: request.formID)
        return try mapped { try store.enqueue(try ReportJobs.request(setup(request, out: out))).id }
    }

    /// The export settings a report job runs with.
    func setup(_ request: ReportRequest, out: URL) throws -> ExportSetup {
        guard !request.formats.isEmpty else { throw ReportServiceError.noFormats }
        return ExportSetup(form: request.formID, responses: nil, formats: ReportFormat.csv(request.formats), template: request.template,
                           out: out.path, perResponse: request.perResponse, workspace: workspace.directory.path,
                           ai: request.aiInsights ? true : nil)
    }

    /// `reports/FORM-YYYYMMDD-HHMMSS`, with `-2`, `-3`… when that second is taken.
    func runFolder(for formID: String) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(formID)-\(formatter.string(from: now()))"
        var name = base, n = 2
        while FileManager.default.fileExists(atPath: workspace.reportsDirectory.appendingPathComponent(name).path) {
            name = "\(base)-\(n)"
            n += 1
        }
        return workspace.reportsDirectory.appendingPathComponent(name)
    }

    func results() throws -> [ReportFile] {
        try ReportFolderListing.files(in: workspace.reportsDirectory)
    }

    func schedules() throws -> [ReportSchedule] {
        let nowMillis = store.clock.nowMillis()
        return try mapped { try store.schedules() }.compactMap { entry in
            guard entry.request.kind == ReportJobs.reportKind,
                  let setup = try? JSONDecoder().decode(ExportSetup.self, from: entry.request.args) else { return nil }
            let request = ReportRequest(formID: setup.form, template: setup.template, formats: ReportFormat.parse(setup.formats),
                                        perResponse: setup.perResponse, aiInsights: setup.ai ?? false)
            let next = (try? CronSchedule(entry.expression))?.next(after: nowMillis).map { $0 / 1000 }
            return ReportSchedule(name: entry.name, cron: entry.expression, request: request, enabled: entry.enabled, nextRun: next)
        }
    }

    func saveSchedule(_ schedule: ReportSchedule) throws {
        let cron = schedule.cron.trimmingCharacters(in: .whitespaces)
        do {
            _ = try CronSchedule(cron)
        } catch JobQueueError.invalidCron(_, let reason) {
            throw ReportServiceError.badCron(expression: cron, reason: reason)
        }
        let out = workspace.reportsDirectory.appendingPathComponent(schedule.name)
        let request = try ReportJobs.request(setup(schedule.request, out: out))
        let exists = try mapped { try store.schedules() }.contains { $0.name == schedule.name }
        try mapped {
            // An existing schedule is changed in place: it stays on or off and keeps its slots.
            if exists {
                try store.updateSchedule(name: schedule.name, expression: cron, request: request)
            } else {
                try store.addSchedule(name: schedule.name, expression: cron, request: request)
            }
        }
    }

    func deleteSchedule(name: String) throws {
        try mapped { try store.removeSchedule(name: name) }
    }

    func setScheduleEnabled(name: String, enabled: Bool) throws {
        try mapped { try store.setScheduleEnabled(name: name, enabled: enabled) }
    }

    /// Queue errors as one-line report errors.
    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch JobQueueError.scheduleNotFound(let name) {
            throw ReportServiceError.noSchedule(name)
        } catch let error as ReportServiceError {
            throw error
        } catch {
            throw ReportServiceError.failed("\(error)")
        }
    }
}

/// Lists the reports folder: every regular, non-hidden file, newest first.
enum ReportFolderListing {
    static func files(in root: URL) throws -> [ReportFile] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { return [] }
        let rootPath = root.standardizedFileURL.path
        var files: [ReportFile] = []
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : url.lastPathComponent
            let run = relative.contains("/") ? String(relative.split(separator: "/")[0]) : ""
            let modified = Int64((values.contentModificationDate ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970)
            files.append(ReportFile(path: relative, absolutePath: path, size: Int64(values.fileSize ?? 0), modified: modified, run: run))
        }
        return files.sorted { ($0.modified, $0.path) > ($1.modified, $1.path) }
    }
}
