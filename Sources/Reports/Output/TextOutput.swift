/// Buffers UTF-8 text and hands it to a `ByteSink` in 64 KiB pieces, so text renderers stream
/// however long the document is.
final class TextOutput {
    private let sink: ByteSink
    private var buffer: [UInt8] = []

    init(sink: ByteSink) {
        self.sink = sink
        buffer.reserveCapacity(70_000)
    }

    /// Appends text; flushes when the buffer is full.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 65_536 { try flush() }
    }

    /// Hands everything buffered to the sink.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A renderer from the format-free document to one file format.
public protocol DocumentRenderer {
    /// The file name extension (without the dot).
    var fileExtension: String { get }
    /// Writes `document` to `sink`.
    func render(_ document: ReportDocument, to sink: ByteSink) throws
}

extension DocumentRenderer {
    /// Renders into memory and returns the text (for tests and previews).
    public func text(for document: ReportDocument) throws -> String {
        let sink = MemorySink()
        try render(document, to: sink)
        return String(decoding: sink.data, as: UTF8.self)
    }
}

/// The PDF engine behind the `DocumentRenderer` interface.
public struct PDFDocumentRenderer: DocumentRenderer {
    /// The engine with its options.
    public var renderer: PDFRenderer

    /// Wraps a PDF renderer.
    public init(renderer: PDFRenderer = PDFRenderer()) { self.renderer = renderer }

    /// `pdf`.
    public var fileExtension: String { "pdf" }

    /// Writes the PDF to the sink.
    public func render(_ document: ReportDocument, to sink: ByteSink) throws {
        try renderer.render(document, to: sink)
    }
}

/// The DOCX engine behind the `DocumentRenderer` interface.
public struct DOCXDocumentRenderer: DocumentRenderer {
    /// The engine with its options.
    public var renderer: DOCXRenderer

    /// Wraps a DOCX renderer.
    public init(renderer: DOCXRenderer = DOCXRenderer()) { self.renderer = renderer }

    /// `docx`.
    public var fileExtension: String { "docx" }

    /// Builds the package in memory (the ZIP needs every part) and writes it to the sink.
    public func render(_ document: ReportDocument, to sink: ByteSink) throws {
        let data = try renderer.data(for: document)
        try data.withUnsafeBytes { try sink.write($0) }
    }
}
