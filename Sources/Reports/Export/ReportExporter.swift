import FormCore
import Foundation

/// Runs an export end to end: one streaming pass for statistics, then each format, then the
/// optional per-response documents, TeX compile and ZIP. The CLI and the job handlers both call it.
public struct ReportExporter {
    /// Reports progress; may be called often.
    public var progress: (ExportStage) -> Void
    /// Polled between rows; returning true stops the export with `ExportError.cancelled`.
    public var isCancelled: () -> Bool

    /// Creates an exporter.
    public init(progress: @escaping (ExportStage) -> Void = { _ in }, isCancelled: @escaping () -> Bool = { false }) {
        self.progress = progress
        self.isCancelled = isCancelled
    }

    /// Runs `request`.
    public func run(_ request: ExportRequest) throws -> ExportResult {
        try FileManager.default.createDirectory(at: request.outputDirectory, withIntermediateDirectories: true)
        let plan = ReportPlan(template: request.template, form: request.form, now: request.timestamp)
        var stream = CancellableStream(inner: try request.source.open(), isCancelled: isCancelled)
        let model = try ReportBuilder(form: request.form, options: plan.buildOptions)
            .build(from: &stream, insights: request.insightWriter, progress: { progress(.reading($0)) })
        var result = ExportResult(files: [], warnings: [], responseCount: model.responseCount)
        let needsDocument = request.formats.contains { $0.isDocument }
        let document = needsDocument ? try DocumentMapper(template: plan.template, model: model).document() : nil
        let base = request.baseName + "-" + Self.safe(plan.template.name)
        for format in request.formats {
            let url = request.outputDirectory.appendingPathComponent(format == .csv ? request.baseName + "-responses.csv" : "\(base).\(format.rawValue)")
            let compiled = request.outputDirectory.appendingPathComponent("\(base)-latex.pdf")
            if request.completedFormats.contains(format), FileManager.default.fileExists(atPath: url.path) {
                result.files.append(url)
                if format == .tex, request.compile, FileManager.default.fileExists(atPath: compiled.path) { result.files.append(compiled) }
                continue
            }
            progress(.writing(url.lastPathComponent))
            if let document, format.isDocument {
                guard let renderer = renderer(for: format, request) else { throw ExportError.formatNotBuiltIn(format.rawValue) }
                try write(url) { try renderer.render(document, to: $0) }
            } else {
                var responses = CancellableStream(inner: try request.source.open(), isCancelled: isCancelled)
                try write(url) { sink in
                    if format == .csv {
                        try CSVResponsesWriter(form: request.form).write(&responses, to: sink)
                    } else {
                        try JSONReportWriter(model: model, templateName: plan.template.name).write(responses: &responses, to: sink)
                    }
                }
            }
            result.files.append(url)
            if format == .tex, request.compile {
                try LaTeXCompiler(environment: request.environment).compile(tex: url, to: compiled)
                result.files.append(compiled)
            }
            progress(.wrote(format, url))
        }
        if request.perResponse { result.files += try PerResponseWriter(request: request, exporter: self).write(generatedAt: model.generatedAt) }
        if request.zip { result.files = [try ZipBundler.bundle(result.files, into: request.outputDirectory.appendingPathComponent("\(base).zip"), root: request.outputDirectory, date: model.generatedAt)] }
        progress(.finished)
        return result
    }

    /// The renderer for a document format (DOCX: the request's override, else the built-in engine).
    func renderer(for format: ExportFormat, _ request: ExportRequest) -> DocumentRenderer? {
        switch format {
        case .pdf: return PDFDocumentRenderer(renderer: PDFRenderer(options: PDFRenderOptions(environment: request.environment)))
        case .html: return HTMLRenderer()
        case .md: return MarkdownRenderer()
        case .tex: return LaTeXRenderer()
        case .docx:
            return request.docxRenderer ?? DOCXDocumentRenderer(renderer: DOCXRenderer(options: DOCXRenderOptions(environment: request.environment)))
        case .csv, .json: return nil
        }
    }

    /// Writes through an `AtomicFileWriter`: the file appears complete or not at all.
    func write(_ url: URL, _ body: (ByteSink) throws -> Void) throws {
        let writer = try AtomicFileWriter(destination: url)
        do {
            try body(writer)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    static func safe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}

/// Wraps a stream so cancellation is noticed between rows.
struct CancellableStream: ResponseStream {
    var inner: ResponseStream
    let isCancelled: () -> Bool

    mutating func next() throws -> ResponseRecord? {
        if isCancelled() { throw ExportError.cancelled }
        return try inner.next()
    }
}
