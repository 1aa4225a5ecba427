/// A report output format, in the order the Reports screen lists them.
public enum ReportFormat: String, CaseIterable, Hashable, Sendable, Codable {
    /// PDF from the built-in engine.
    case pdf
    /// Word document.
    case docx
    /// LaTeX source.
    case tex
    /// Self-contained HTML page.
    case html
    /// GitHub-flavoured Markdown.
    case md
    /// The responses as CSV.
    case csv
    /// Statistics and responses as JSON.
    case json

    /// The name people read.
    public var label: String {
        switch self {
        case .pdf: return "PDF"
        case .docx: return "DOCX"
        case .tex: return "LaTeX"
        case .html: return "HTML"
        case .md: return "Markdown"
        case .csv: return "CSV"
        case .json: return "JSON"
        }
    }

    /// `formats` in list order, comma-separated as the CLI spells them (`pdf,docx`).
    public static func csv(_ formats: Set<ReportFormat>) -> String {
        allCases.filter(formats.contains).map(\.rawValue).joined(separator: ",")
    }

    /// Parses `pdf,docx`; unknown names are left out.
    public static func parse(_ text: String) -> Set<ReportFormat> {
        Set(text.split(separator: ",").compactMap { ReportFormat(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) })
    }
}

/// A form that can be reported on: it has at least one published version.
public struct ReportForm: Hashable, Sendable {
    /// The form's id.
    public var id: String
    /// Its title.
    public var title: String
    /// The newest published version.
    public var version: Int
    /// Responses stored for it.
    public var responseCount: Int

    /// Creates a form entry.
    public init(id: String, title: String, version: Int, responseCount: Int) {
        self.id = id
        self.title = title
        self.version = version
        self.responseCount = responseCount
    }
}

/// A report template: a built-in one or a workspace `templates/NAME.json`.
public struct ReportTemplateInfo: Hashable, Sendable {
    /// The name the export resolves.
    public var name: String
    /// True for summary, full and per-response.
    public var builtIn: Bool

    /// Creates a template entry.
    public init(name: String, builtIn: Bool) {
        self.name = name
        self.builtIn = builtIn
    }
}

/// What one report run produces: the same settings `formwork export` takes.
public struct ReportRequest: Hashable, Sendable {
    /// The workspace form id (its newest published version is reported).
    public var formID: String
    /// The template name.
    public var template: String
    /// The formats to write.
    public var formats: Set<ReportFormat>
    /// One document per response as well as the aggregate one.
    public var perResponse: Bool
    /// Let an AI model write the insights (else the offline narrator).
    public var aiInsights: Bool

    /// Creates a request.
    public init(formID: String, template: String = "summary", formats: Set<ReportFormat> = [.pdf], perResponse: Bool = false, aiInsights: Bool = false) {
        self.formID = formID
        self.template = template
        self.formats = formats
        self.perResponse = perResponse
        self.aiInsights = aiInsights
    }
}

/// A file in the workspace's reports folder.
public struct ReportFile: Hashable, Sendable {
    /// The path relative to the reports folder (`site-20261127-0310/site-summary.pdf`).
    public var path: String
    /// The absolute path.
    public var absolutePath: String
    /// Size in bytes.
    public var size: Int64
    /// Last modification, Unix seconds.
    public var modified: Int64
    /// The run folder it belongs to (the first path component), or "" for loose files.
    public var run: String

    /// Creates a file entry.
    public init(path: String, absolutePath: String, size: Int64, modified: Int64, run: String) {
        self.path = path
        self.absolutePath = absolutePath
        self.size = size
        self.modified = modified
        self.run = run
    }
}

/// A cron schedule that enqueues a report job.
public struct ReportSchedule: Hashable, Sendable {
    /// Unique name.
    public var name: String
    /// The 5-field cron expression (UTC) or a macro such as `@daily`.
    public var cron: String
    /// The report each firing enqueues.
    public var request: ReportRequest
    /// False while switched off.
    public var enabled: Bool
    /// The next firing, Unix seconds, when enabled and computable.
    public var nextRun: Int64?

    /// Creates a schedule.
    public init(name: String, cron: String, request: ReportRequest, enabled: Bool = true, nextRun: Int64? = nil) {
        self.name = name
        self.cron = cron
        self.request = request
        self.enabled = enabled
        self.nextRun = nextRun
    }
}

/// Why a report service call failed, in one line.
public enum ReportServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The cron expression does not parse.
    case badCron(expression: String, reason: String)
    /// No schedule has this name.
    case noSchedule(String)
    /// No format was chosen.
    case noFormats
    /// Another failure, already in words.
    case failed(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .badCron(let expression, let reason): return "bad cron \"\(expression)\": \(reason)"
        case .noSchedule(let name): return "no schedule named \"\(name)\""
        case .noFormats: return "choose at least one format"
        case .failed(let message): return message
        }
    }
}

/// Reports for the studio: what can be reported, queuing report jobs, the files they wrote,
/// and the cron schedules that queue them. Calls may block on disk; only the effect runner
/// calls them.
public protocol ReportService: Sendable {
    /// Forms with a published version, by id.
    func forms() throws -> [ReportForm]
    /// Built-in templates, then the workspace's own, by name.
    func templates() throws -> [ReportTemplateInfo]
    /// Queues a report job like `formwork export` would run; returns the job id.
    func enqueue(_ request: ReportRequest) throws -> Int64
    /// Files in the reports folder, newest first.
    func results() throws -> [ReportFile]
    /// The reports folder's absolute path.
    var folder: String { get }
    /// Every report schedule, by name.
    func schedules() throws -> [ReportSchedule]
    /// Adds a schedule, or changes the one with this name in place (cron, form, template,
    /// formats, documents, AI insights; it stays on or off); throws `badCron` for an expression
    /// that does not parse.
    func saveSchedule(_ schedule: ReportSchedule) throws
    /// Removes a schedule.
    func deleteSchedule(name: String) throws
    /// Switches a schedule on or off.
    func setScheduleEnabled(name: String, enabled: Bool) throws
}
