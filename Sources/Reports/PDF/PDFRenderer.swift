import Foundation

/// Renders a `ReportDocument` to PDF 1.7.
///
/// Layout runs twice: a measuring pass learns the page count and where each heading lands,
/// then a recording pass writes each page as soon as it is complete (compressed once, never
/// kept), so memory stays flat however long the document is.
public struct PDFRenderer: Sendable {
    /// Page and font settings.
    public var options: PDFRenderOptions

    /// Creates a renderer.
    public init(options: PDFRenderOptions = PDFRenderOptions()) {
        self.options = options
    }

    /// Writes the PDF atomically to `url` (temporary file, fsync, rename).
    @discardableResult
    public func render(_ document: ReportDocument, to url: URL) throws -> PDFRenderSummary {
        let output = try AtomicFileWriter(destination: url)
        do {
            let summary = try render(document, to: output)
            try output.commit()
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    /// Writes the PDF to any byte sink.
    @discardableResult
    public func render(_ document: ReportDocument, to sink: ByteSink) throws -> PDFRenderSummary {
        let start = sink.bytesWritten
        let headings = document.headings
        let measuring = LayoutEngine(fonts: makeFonts(), options: options, title: document.metadata.title,
                                     totalPages: nil, knownHeadings: [], sink: nil)
        let pageCount = try measuring.run(document.blocks, headings: headings)

        let fonts = makeFonts()
        let assembler = try PDFDocumentAssembler(sink: sink, options: options, fonts: [fonts.regular, fonts.bold],
                                                 expectedPages: pageCount)
        let recording = LayoutEngine(fonts: fonts, options: options, title: document.metadata.title,
                                     totalPages: pageCount, knownHeadings: measuring.headingLocations, sink: assembler)
        let recordedPages = try recording.run(document.blocks, headings: headings)
        guard recordedPages == pageCount else {
            throw PDFRenderError.internalInconsistency("measured \(pageCount) pages but laid out \(recordedPages)")
        }
        let outline = zip(headings, recording.headingLocations).map { OutlineEntry(level: $0.level, title: $0.text, location: $1) }
        try assembler.finish(metadata: document.metadata, outline: outline)
        return PDFRenderSummary(pageCount: pageCount, byteCount: sink.bytesWritten - start, embeddedFont: fonts.regular is EmbeddedPDFFont)
    }

    /// Renders into memory and returns the file bytes.
    public func data(for document: ReportDocument) throws -> [UInt8] {
        let sink = MemorySink()
        try render(document, to: sink)
        return sink.data
    }

    /// Whether this renderer will embed a TrueType font (false means the Helvetica fallback).
    public var embedsFont: Bool { makeFonts().regular is EmbeddedPDFFont }

    /// Fresh font objects for one pass (they track glyph use, so passes never share them).
    func makeFonts() -> FontPair {
        let paths: (regular: String, bold: String)?
        switch options.fonts {
        case .standard14: paths = nil
        case .automatic: paths = FontLocator.dejaVuPaths()
        case let .trueType(regular, bold): paths = (regular, bold)
        }
        if let paths, let regular = try? FontLocator.load(path: paths.regular) {
            let bold = (try? FontLocator.load(path: paths.bold)) ?? regular
            return FontPair(regular: EmbeddedPDFFont(font: regular, resourceName: "F1"),
                            bold: EmbeddedPDFFont(font: bold, resourceName: "F2"))
        }
        return FontPair(regular: StandardPDFFont(bold: false, resourceName: "F1"),
                        bold: StandardPDFFont(bold: true, resourceName: "F2"))
    }
}

/// What a render produced.
public struct PDFRenderSummary: Sendable, Equatable {
    /// Number of pages in the file.
    public var pageCount: Int
    /// Size of the file in bytes.
    public var byteCount: Int
    /// Whether a TrueType subset was embedded (false: Helvetica fallback, cp1252 only).
    public var embeddedFont: Bool
}
