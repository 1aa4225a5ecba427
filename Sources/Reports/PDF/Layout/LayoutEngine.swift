import Foundation

/// Flows blocks into pages. It runs twice per render: once measuring (to learn the page count
/// and where headings land) and once recording, when the total and TOC page numbers are known.
final class LayoutEngine {
    let fonts: FontPair
    let geometry: PageGeometry
    let style: LayoutStyle
    let title: String
    let options: PDFRenderOptions
    /// Total pages, known only in the recording pass.
    let totalPages: Int?
    /// Heading positions from the measuring pass, used for TOC numbers and links.
    let knownHeadings: [HeadingLocation]
    weak var sink: PageSink?

    var canvas: PageCanvas
    private(set) var pageIndex = 0
    var cursorY: Double
    var pageHasContent = false
    private(set) var headingLocations: [HeadingLocation] = []
    var links: [PageLink] = []

    init(fonts: FontPair, options: PDFRenderOptions, title: String, totalPages: Int?, knownHeadings: [HeadingLocation], sink: PageSink?) {
        self.fonts = fonts
        self.options = options
        geometry = PageGeometry(size: options.pageSize, margin: options.margin)
        style = LayoutStyle(base: options.baseFontSize)
        self.title = TextWrapper.sanitized(title).replacingOccurrences(of: "\n", with: " ")
        self.totalPages = totalPages
        self.knownHeadings = knownHeadings
        self.sink = sink
        canvas = PageCanvas(isRecording: sink != nil)
        cursorY = geometry.top
    }

    /// Lays out every block and returns the number of pages.
    func run(_ blocks: [ReportBlock], headings: [(level: Int, text: String)]) throws -> Int {
        for (index, block) in blocks.enumerated() {
            switch block {
            case let .heading(level, text):
                let next = index + 1 < blocks.count ? blocks[index + 1] : nil
                try layoutHeading(level: level, text: text, keepWith: next.map(leadHeight) ?? 0)
            case let .paragraph(text, paragraphStyle):
                try layoutParagraph(text, style: paragraphStyle)
            case let .bulletList(items):
                try layoutBullets(items)
            case let .table(spec):
                try layoutTable(spec)
            case let .chart(spec):
                try layoutChart(spec)
            case .pageBreak:
                if pageHasContent { try newPage() }
            case .tableOfContents:
                try layoutTableOfContents(headings)
            }
        }
        try finishPage()
        return pageIndex + 1
    }

    /// The height of the first unbreakable piece of a block: what a heading must keep with it
    /// so it never ends a page alone (a chart is one piece; a table its header and first row).
    func leadHeight(of block: ReportBlock) -> Double {
        switch block {
        case .paragraph, .bulletList, .tableOfContents: return style.lineHeight * 2
        case let .heading(level, _): return style.headingSize(level: level) * 1.25 + style.lineHeight * 2
        case .chart: return chartHeight
        case let .table(spec): return tableLeadHeight(spec)
        case .pageBreak: return 0
        }
    }

    /// Space left above the bottom margin.
    var available: Double { cursorY - geometry.bottom }

    /// Starts a new page unless `height` still fits on this one (an empty page always accepts).
    func ensureSpace(_ height: Double) throws {
        if height > available && pageHasContent { try newPage() }
    }

    /// Finishes the current page and starts the next.
    func newPage() throws {
        try finishPage()
        pageIndex += 1
        cursorY = geometry.top
        pageHasContent = false
    }

    private func finishPage() throws {
        guard let sink else { return }
        paintFurniture()
        try sink.pageFinished(index: pageIndex, content: canvas.content, links: links)
        canvas.reset()
        links.removeAll(keepingCapacity: true)
    }

    /// Running header (title) and footer ("Page X of Y"), drawn in the margins.
    private func paintFurniture() {
        let size = style.furnitureSize
        if options.showsPageHeader && !title.isEmpty {
            let baseline = geometry.height - geometry.margin * 0.55
            let line = fonts.regular.fitted(title, size: size, width: geometry.contentWidth)
            canvas.text(line, x: geometry.left, y: baseline, font: fonts.regular, size: size, color: .muted)
            canvas.line(x1: geometry.left, y1: baseline - 5, x2: geometry.right, y2: baseline - 5, color: .rule, width: 0.5)
        }
        if options.showsPageNumbers, let totalPages {
            let label = "Page \(pageIndex + 1) of \(totalPages)"
            let width = fonts.regular.width(of: label, size: size)
            let x = geometry.left + (geometry.contentWidth - width) / 2
            canvas.text(Substring(label), x: x, y: geometry.margin * 0.45, font: fonts.regular, size: size, color: .muted)
        }
    }

    /// Draws wrapped lines from the cursor down, breaking pages between lines.
    func flowLines(_ lines: [WrappedLine], x: Double, font: PDFFont, size: Double, lineHeight: Double,
                   color: PDFColor = .text) throws {
        for line in lines {
            try ensureSpace(lineHeight)
            let baseline = cursorY - lineHeight * 0.75
            canvas.text(line.text, x: x, y: baseline, font: font, size: size, color: color)
            cursorY -= lineHeight
            pageHasContent = true
        }
    }

    /// Records a heading's location for the outline and the TOC.
    func recordHeading(y: Double) {
        headingLocations.append(HeadingLocation(page: pageIndex, y: y))
    }
}
