import Foundation

/// One bookmark: a heading's level, text and position.
struct OutlineEntry {
    var level: Int
    var title: String
    var location: HeadingLocation
}

/// Owns the object graph of one PDF: streams pages out as the layout finishes them, then
/// writes fonts, outline, metadata, catalog and page tree, and the xref.
final class PDFDocumentAssembler: PageSink {
    private let writer: PDFObjectWriter
    private let options: PDFRenderOptions
    private let fonts: [PDFFont]
    private let pagesRoot: Int
    private let resources: Int
    private let fontIDs: [Int]
    private var pageIDs: [Int] = []
    /// Intermediate /Pages nodes, one per `pagesPerNode` pages, when the document is long.
    private var groupIDs: [Int] = []
    private let usesGroups: Bool
    /// Viewers look pages up through the tree; 64 kids per node keeps every lookup short.
    static let pagesPerNode = 64
    private let pageSize: (width: Double, height: Double)
    private var pageDictionary = ByteBuffer(capacity: 512)

    init(sink: ByteSink, options: PDFRenderOptions, fonts: [PDFFont], expectedPages: Int) throws {
        let objects = try PDFObjectWriter(sink: sink)
        writer = objects
        self.options = options
        self.fonts = fonts
        pageSize = options.pageSize.points
        pagesRoot = objects.reserve()
        resources = objects.reserve()
        fontIDs = fonts.map { _ in objects.reserve() }
        usesGroups = expectedPages > PDFDocumentAssembler.pagesPerNode
    }

    /// The object number of a page, reserving it on first request (links may point forward).
    func pageID(_ index: Int) -> Int {
        while pageIDs.count <= index { pageIDs.append(writer.reserve()) }
        return pageIDs[index]
    }

    func pageFinished(index: Int, content: ByteBuffer, links: [PageLink]) throws {
        let page = pageID(index)
        let contents = writer.reserve()
        try writer.writeStream(contents, data: content.bytes)
        pageDictionary.removeAll()
        pageDictionary.append("<< /Type /Page /Parent \(parentID(of: index)) 0 R /MediaBox [0 0 ")
        pageDictionary.append(numbers: pageSize.width, pageSize.height)
        pageDictionary.append("] /Resources \(resources) 0 R /Contents \(contents) 0 R")
        if !links.isEmpty {
            pageDictionary.append(" /Annots [")
            for link in links {
                pageDictionary.append("<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [")
                pageDictionary.append(numbers: link.x1, link.y1, link.x2, link.y2)
                pageDictionary.append("] /Dest [\(pageID(link.target.page)) 0 R /XYZ null ")
                pageDictionary.append(numbers: link.target.y)
                pageDictionary.append("null] >> ")
            }
            pageDictionary.append("]")
        }
        pageDictionary.append(" >>")
        try writer.writeObject(page, buffer: pageDictionary)
    }

    private func parentID(of index: Int) -> Int {
        guard usesGroups else { return pagesRoot }
        let group = index / PDFDocumentAssembler.pagesPerNode
        while groupIDs.count <= group { groupIDs.append(writer.reserve()) }
        return groupIDs[group]
    }

    /// Writes the page tree: the root holds the pages directly, or one node per 64 pages.
    private func writePageTree() throws {
        func references(_ ids: ArraySlice<Int>) -> String { ids.map { "\($0) 0 R" }.joined(separator: " ") }
        guard usesGroups else {
            try writer.writeObject(pagesRoot, "<< /Type /Pages /Kids [\(references(pageIDs[...]))] /Count \(pageIDs.count) >>")
            return
        }
        for (group, id) in groupIDs.enumerated() {
            let start = group * PDFDocumentAssembler.pagesPerNode
            let kids = pageIDs[start..<min(pageIDs.count, start + PDFDocumentAssembler.pagesPerNode)]
            try writer.writeObject(id, "<< /Type /Pages /Parent \(pagesRoot) 0 R /Kids [\(references(kids))] /Count \(kids.count) >>")
        }
        try writer.writeObject(pagesRoot, "<< /Type /Pages /Kids [\(references(groupIDs[...]))] /Count \(pageIDs.count) >>")
    }

    /// Writes everything that depends on the whole document, then the xref and trailer.
    func finish(metadata: ReportMetadata, outline: [OutlineEntry]) throws {
        try writePageTree()
        let fontEntries = zip(fonts, fontIDs).map { "/\($0.resourceName) \($1) 0 R" }.joined(separator: " ")
        try writer.writeObject(resources, "<< /Font << \(fontEntries) >> /ProcSet [/PDF /Text] >>")
        for (font, id) in zip(fonts, fontIDs) { try font.writeObjects(id: id, writer: writer) }
        let outlineRoot = try OutlineWriter(writer: writer, pageID: { self.pageID($0) }).write(outline)
        let created = options.effectiveCreationDate(fallback: metadata.creationDate)
        let info = writer.reserve(), xmp = writer.reserve(), catalog = writer.reserve()
        try writer.writeObject(info, infoDictionary(metadata, created: created))
        try writer.writeStream(xmp, data: Array(XMPPacket.make(metadata, created: created).utf8),
                               extraEntries: "/Type /Metadata /Subtype /XML", compress: false)
        var catalogBody = "<< /Type /Catalog /Pages \(pagesRoot) 0 R /Metadata \(xmp) 0 R"
        catalogBody += " /Lang \(PDFSyntax.textString(options.language))"
        if let outlineRoot { catalogBody += " /Outlines \(outlineRoot) 0 R /PageMode /UseOutlines" }
        try writer.writeObject(catalog, catalogBody + " >>")
        try writer.finish(root: catalog, info: info)
    }

    private func infoDictionary(_ metadata: ReportMetadata, created: Date) -> String {
        var entries = ["/Title \(PDFSyntax.textString(metadata.title))"]
        if !metadata.author.isEmpty { entries.append("/Author \(PDFSyntax.textString(metadata.author))") }
        if !metadata.subject.isEmpty { entries.append("/Subject \(PDFSyntax.textString(metadata.subject))") }
        if !metadata.keywords.isEmpty {
            entries.append("/Keywords \(PDFSyntax.textString(metadata.keywords.joined(separator: ", ")))")
        }
        entries.append("/Creator (Formwork) /Producer (Formwork Reports)")
        entries.append("/CreationDate \(PDFSyntax.date(created)) /ModDate \(PDFSyntax.date(created))")
        return "<< " + entries.joined(separator: " ") + " >>"
    }
}
