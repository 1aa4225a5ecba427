import Foundation

/// What a DOCX render produced.
public struct DOCXRenderSummary: Sendable, Equatable {
    /// Size of the written package in bytes.
    public var byteCount: Int
    /// Number of native chart parts.
    public var chartCount: Int
    /// Size of `word/document.xml` before compression.
    public var documentXMLByteCount: Int
}

/// Renders a `ReportDocument` as an Office Open XML WordprocessingML package (.docx).
///
/// The package holds the document, styles, bullet numbering, settings (fields refresh on
/// open), core and app properties, a header with the title, a footer with "Page X of Y",
/// and one native chart part per chart. Parts are written in a fixed order with a fixed ZIP
/// time stamp, so equal input gives byte-identical files.
public struct DOCXRenderer: Sendable {
    /// Page, font and header/footer settings.
    public var options: DOCXRenderOptions

    /// Creates a renderer.
    public init(options: DOCXRenderOptions = DOCXRenderOptions()) {
        self.options = options
    }

    /// The complete .docx file as bytes.
    public func data(for document: ReportDocument) throws -> Data {
        try package(for: document).data
    }

    /// Writes the .docx atomically to `url` (temporary file, fsync, rename).
    @discardableResult
    public func render(_ document: ReportDocument, to url: URL) throws -> DOCXRenderSummary {
        let (data, summary) = try package(for: document)
        let writer = try AtomicFileWriter(destination: url)
        do {
            try data.withUnsafeBytes { try writer.write($0) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        return summary
    }

    /// Builds every part and zips them.
    private func package(for document: ReportDocument) throws -> (data: Data, summary: DOCXRenderSummary) {
        var body = DOCXBodyWriter(options: options, capacity: DOCXBodyWriter.estimatedSize(of: document))
        let documentXML = body.write(document)
        let charts = body.charts
        var parts: [DOCXPart] = []
        parts.append(DOCXPart(path: "_rels/.rels", contentType: nil, bytes: DOCXPackageParts.packageRelationships()))
        let created = options.effectiveCreationDate(fallback: document.metadata.creationDate)
        parts.append(DOCXPart(path: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml",
                              bytes: DOCXPackageParts.coreProperties(document.metadata, created: created)))
        parts.append(DOCXPart(path: "docProps/app.xml", contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                              bytes: DOCXPackageParts.appProperties()))
        let main = DOCXPackageParts.wordprocessing
        parts.append(DOCXPart(path: "word/document.xml", contentType: main + "document.main+xml", bytes: documentXML))
        parts.append(DOCXPart(path: "word/_rels/document.xml.rels", contentType: nil, bytes: documentRelationships(chartCount: charts.count)))
        parts.append(DOCXPart(path: "word/styles.xml", contentType: main + "styles+xml", bytes: DOCXStyles.styles(options: options)))
        parts.append(DOCXPart(path: "word/numbering.xml", contentType: main + "numbering+xml", bytes: DOCXStyles.numbering()))
        parts.append(DOCXPart(path: "word/settings.xml", contentType: main + "settings+xml", bytes: DOCXPackageParts.settings()))
        if options.showsPageHeader {
            parts.append(DOCXPart(path: "word/header1.xml", contentType: main + "header+xml", bytes: DOCXHeaderFooter.header(title: document.metadata.title)))
        }
        if options.showsPageNumbers {
            parts.append(DOCXPart(path: "word/footer1.xml", contentType: main + "footer+xml", bytes: DOCXHeaderFooter.footer()))
        }
        for (index, chart) in charts.enumerated() {
            parts.append(DOCXPart(path: "word/charts/chart\(index + 1).xml", contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                                  bytes: DOCXChartWriter.chartPart(chart)))
        }
        let entries = [("[Content_Types].xml", DOCXPackageParts.contentTypes(for: parts))] + parts.map { ($0.path, $0.bytes) }
        let data = try DOCXZipWriter.archive(entries.map { (path: $0.0, bytes: $0.1) }, date: options.zipEntryDate)
        let summary = DOCXRenderSummary(byteCount: data.count, chartCount: charts.count, documentXMLByteCount: documentXML.count)
        return (data, summary)
    }

    /// `word/_rels/document.xml.rels`: styles, numbering, settings, header, footer, charts.
    private func documentRelationships(chartCount: Int) -> [UInt8] {
        let base = DOCXPackageParts.relationshipBase
        var entries: [(id: String, type: String, target: String)] = [
            ("rId1", base + "styles", "styles.xml"),
            ("rId2", base + "numbering", "numbering.xml"),
            ("rId3", base + "settings", "settings.xml"),
        ]
        if options.showsPageHeader { entries.append(("rId4", base + "header", "header1.xml")) }
        if options.showsPageNumbers { entries.append(("rId5", base + "footer", "footer1.xml")) }
        for number in stride(from: 1, through: chartCount, by: 1) {
            entries.append(("rId\(DOCXBodyWriter.firstChartRelationship + number - 1)", base + "chart", "charts/chart\(number).xml"))
        }
        return DOCXPackageParts.relationships(entries)
    }
}
