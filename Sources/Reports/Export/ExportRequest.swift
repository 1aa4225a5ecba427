import FormCore
import Foundation

/// Output formats of `formwork export`.
public enum ExportFormat: String, Sendable, CaseIterable, Codable, Hashable {
    /// PDF from the built-in engine.
    case pdf
    /// Word, through the DOCX renderer when one is built in.
    case docx
    /// LaTeX source (optionally compiled with `--compile`).
    case tex
    /// One self-contained HTML page.
    case html
    /// GitHub-flavoured Markdown.
    case md
    /// The responses as CSV.
    case csv
    /// Statistics and responses as JSON.
    case json

    /// Parses a comma-separated list ("pdf,html"); order kept, duplicates dropped.
    public static func list(_ text: String) throws -> [ExportFormat] {
        var out: [ExportFormat] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            let name = part == "latex" ? "tex" : part == "markdown" ? "md" : part
            guard let format = ExportFormat(rawValue: name) else { throw ExportError.unknownFormat(part) }
            if !out.contains(format) { out.append(format) }
        }
        return out
    }

    /// Formats drawn from the `ReportDocument` (the others stream responses directly).
    public var isDocument: Bool { self != .csv && self != .json }
}

/// Everything one export needs.
public struct ExportRequest {
    /// The form version.
    public var form: Form
    /// Where the responses come from (read once for statistics, again for CSV/JSON/per-response).
    public var source: ResponseSource
    /// Formats to write.
    public var formats: [ExportFormat]
    /// The report template.
    public var template: ReportTemplate
    /// Output folder (created if missing).
    public var outputDirectory: URL
    /// Also write one document per response under `responses/`.
    public var perResponse: Bool
    /// Pack every output file into one `.zip` (the loose files are removed).
    public var zip: Bool
    /// Compile the `.tex` output to PDF with a TeX engine.
    public var compile: Bool
    /// Environment (SOURCE_DATE_EPOCH, PATH for TeX).
    public var environment: [String: String]
    /// A DOCX renderer to use instead of the built-in `DOCXRenderer` (nil: the built-in one).
    public var docxRenderer: DocumentRenderer?
    /// The narrator for insight slots.
    public var insightWriter: InsightWriter
    /// Formats already written by an earlier, interrupted run of the same export (a job's
    /// checkpoint): their files are kept and not written again.
    public var completedFormats: Set<ExportFormat> = []

    /// Creates a request; by default no per-response files, no zip, no compile.
    public init(form: Form, source: ResponseSource, formats: [ExportFormat], template: ReportTemplate, outputDirectory: URL,
                perResponse: Bool = false, zip: Bool = false, compile: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                docxRenderer: DocumentRenderer? = nil, insightWriter: InsightWriter = OfflineNarrator()) {
        self.form = form
        self.source = source
        self.formats = formats
        self.template = template
        self.outputDirectory = outputDirectory
        self.perResponse = perResponse
        self.zip = zip
        self.compile = compile
        self.environment = environment
        self.docxRenderer = docxRenderer
        self.insightWriter = insightWriter
    }

    /// The report's timestamp: `SOURCE_DATE_EPOCH` when set and valid, else now.
    public var timestamp: Date {
        PDFRenderOptions(environment: environment).effectiveCreationDate(fallback: Date())
    }

    /// File names start with this: the form id, made safe for file systems.
    public var baseName: String {
        let safe = form.id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
        return safe.isEmpty ? "report" : String(safe)
    }
}

/// What an export produced.
public struct ExportResult: Sendable {
    /// Files written, in order.
    public var files: [URL]
    /// Notes for the user ("docx: not built in yet").
    public var warnings: [String]
    /// Responses read.
    public var responseCount: Int
}

/// Where an export is, for progress bars and job checkpoints.
public enum ExportStage: Sendable, Equatable {
    /// Reading responses for statistics; the count so far.
    case reading(Int)
    /// Writing one output file.
    case writing(String)
    /// One format's file is complete (a job checkpoints here).
    case wrote(ExportFormat, URL)
    /// Per-response documents written so far.
    case perResponse(Int)
    /// Done.
    case finished
}
