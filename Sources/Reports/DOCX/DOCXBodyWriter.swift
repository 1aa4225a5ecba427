import Foundation

/// Builds `word/document.xml` from the report blocks in one pass over a byte buffer.
struct DOCXBodyWriter {
    /// The relationship id the first chart gets; later charts count up from here.
    static let firstChartRelationship = 10

    private let options: DOCXRenderOptions
    private var xml: XMLBuffer
    /// Charts met so far, in order: chart N is `word/charts/chartN.xml`.
    private(set) var charts: [ChartSpec] = []

    /// Creates a writer; `capacity` pre-sizes the buffer (big tables need megabytes).
    init(options: DOCXRenderOptions, capacity: Int) {
        self.options = options
        xml = XMLBuffer(capacity: capacity)
    }

    /// A byte-count guess for the document part, so the buffer rarely regrows.
    static func estimatedSize(of document: ReportDocument) -> Int {
        document.blocks.reduce(16_384) { total, block in
            guard case let .table(spec) = block else { return total + 512 }
            let cells = spec.rows.count * max(1, spec.columns.count)
            let text = spec.rows.prefix(64).reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } }
            let averageText = spec.rows.isEmpty ? 0 : text / min(64, spec.rows.count)
            return total + cells * 160 + spec.rows.count * (48 + averageText)
        }
    }

    /// Writes the whole document part and returns its bytes.
    mutating func write(_ document: ReportDocument) -> [UInt8] {
        xml.appendDeclaration()
        xml.append("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><w:body>")
        for block in document.blocks { append(block, document: document) }
        appendSectionProperties()
        xml.append("</w:body></w:document>")
        return xml.bytes
    }

    private mutating func append(_ block: ReportBlock, document: ReportDocument) {
        switch block {
        case let .heading(level, text): appendHeading(level: level, text: text)
        case let .paragraph(text, style): appendParagraph(text, style: style)
        case let .bulletList(items):
            for item in items {
                xml.append("<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>")
                xml.appendRun(item)
                xml.append("</w:p>")
            }
        case let .table(spec): DOCXTableWriter.write(spec, into: &xml, textWidth: options.textWidthTwips, fontHalfPoints: options.halfPoints(DOCXStyles.tableTextFactor))
        case let .chart(spec): appendChart(spec)
        case .pageBreak: xml.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>")
        case .tableOfContents: appendTableOfContents(document.headings)
        }
    }

    /// Levels below 1 count as 1 and above 3 as 3: the styles (and the TOC's `\o "1-3"`) cover three.
    static func headingStyle(level: Int) -> StaticString {
        switch level {
        case ...1: return "Heading1"
        case 2: return "Heading2"
        default: return "Heading3"
        }
    }

    private mutating func appendHeading(level: Int, text: String) {
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"")
        xml.append(DOCXBodyWriter.headingStyle(level: level))
        xml.append("\"/></w:pPr>")
        xml.appendRun(text)
        xml.append("</w:p>")
    }

    private mutating func appendParagraph(_ text: String, style: ParagraphStyle) {
        switch style {
        case .body: xml.append("<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>")
        case .strong: xml.append("<w:p><w:pPr><w:pStyle w:val=\"BodyStrong\"/></w:pPr>")
        case .caption: xml.append("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>")
        case .quote: xml.append("<w:p><w:pPr><w:pStyle w:val=\"Quote\"/></w:pPr>")
        }
        xml.appendRun(text)
        xml.append("</w:p>")
    }

    /// A TOC field whose cached result lists the headings (levels 1–3) without page numbers:
    /// a writer cannot know them, so Word recomputes the field on open (`updateFields`) and
    /// readers that do not see the headings list in the meantime.
    private mutating func appendTableOfContents(_ headings: [(level: Int, text: String)]) {
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr>")
        xml.appendRun(options.contentsTitle)
        xml.append("</w:p>")
        let entries = headings.filter { $0.level <= 3 }
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"")
        xml.append(DOCXBodyWriter.tocStyle(level: entries.first?.level ?? 1))
        xml.append("\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>")
        for (index, entry) in entries.enumerated() {
            if index > 0 {
                xml.append("<w:p><w:pPr><w:pStyle w:val=\"")
                xml.append(DOCXBodyWriter.tocStyle(level: entry.level))
                xml.append("\"/></w:pPr>")
            }
            xml.appendRun(entry.text)
            xml.append("</w:p>")
        }
        if entries.isEmpty {
            xml.append("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")
        } else {
            xml.append("<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>")
        }
    }

    /// The TOC entry style for a heading level (same clamping as the heading styles).
    static func tocStyle(level: Int) -> StaticString {
        switch level {
        case ...1: return "TOC1"
        case 2: return "TOC2"
        default: return "TOC3"
        }
    }

    /// An inline chart frame referencing chart part N through relationship rId(9+N).
    private mutating func appendChart(_ spec: ChartSpec) {
        charts.append(spec)
        let number = charts.count
        let widthEMU = options.textWidthTwips * 635
        let heightEMU = widthEMU * 11 / 20
        xml.append("<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"")
        xml.append(int: widthEMU)
        xml.append("\" cy=\"")
        xml.append(int: heightEMU)
        xml.append("\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"")
        xml.append(int: number)
        xml.append("\" name=\"Chart ")
        xml.append(int: number)
        xml.append("\" descr=\"")
        xml.appendAttribute(spec.title)
        xml.append("\"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart r:id=\"rId")
        xml.append(int: DOCXBodyWriter.firstChartRelationship + number - 1)
        xml.append("\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")
        xml.append("<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:p>")
    }

    /// Page size, margins and the header/footer references (rId4, rId5) of the one section.
    private mutating func appendSectionProperties() {
        let size = options.pageSize.twips
        let margin = options.clampedMargin
        xml.append("<w:sectPr>")
        if options.showsPageHeader { xml.append("<w:headerReference w:type=\"default\" r:id=\"rId4\"/>") }
        if options.showsPageNumbers { xml.append("<w:footerReference w:type=\"default\" r:id=\"rId5\"/>") }
        xml.append("<w:pgSz w:w=\"")
        xml.append(int: size.width)
        xml.append("\" w:h=\"")
        xml.append(int: size.height)
        xml.append("\"/><w:pgMar w:top=\"")
        xml.append(int: margin)
        xml.append("\" w:right=\"")
        xml.append(int: margin)
        xml.append("\" w:bottom=\"")
        xml.append(int: margin)
        xml.append("\" w:left=\"")
        xml.append(int: margin)
        xml.append("\" w:header=\"")
        xml.append(int: margin / 2)
        xml.append("\" w:footer=\"")
        xml.append(int: margin / 2)
        xml.append("\" w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr>")
    }
}
