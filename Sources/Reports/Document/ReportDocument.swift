import Foundation

/// A format-free report: metadata plus an ordered list of blocks.
///
/// Every renderer (PDF today; DOCX, HTML, LaTeX later) maps this same model to its format,
/// so nothing here knows about pages, fonts or markup.
public struct ReportDocument: Sendable, Equatable {
    /// Descriptive metadata written to the output's properties (PDF /Info, DOCX core.xml...).
    public var metadata: ReportMetadata
    /// The content, in reading order.
    public var blocks: [ReportBlock]

    /// Creates a document from metadata and blocks.
    public init(metadata: ReportMetadata, blocks: [ReportBlock] = []) {
        self.metadata = metadata
        self.blocks = blocks
    }

    /// The headings of the document in order, as (level, text) pairs: the entries a table of
    /// contents or an outline is built from.
    public var headings: [(level: Int, text: String)] {
        blocks.compactMap { block in
            if case let .heading(level, text) = block { return (level, text) }
            return nil
        }
    }
}

/// Document properties shared by all output formats.
public struct ReportMetadata: Sendable, Equatable {
    /// The document title; also used as the running page header.
    public var title: String
    /// The author or producing organisation.
    public var author: String
    /// A one-line subject.
    public var subject: String
    /// Search keywords.
    public var keywords: [String]
    /// When the report was created. `SOURCE_DATE_EPOCH` overrides it for reproducible builds.
    public var creationDate: Date

    /// Creates metadata; only the title is required. The creation date defaults to now; the
    /// same `ReportDocument` value always renders to the same bytes.
    public init(
        title: String,
        author: String = "",
        subject: String = "",
        keywords: [String] = [],
        creationDate: Date = Date()
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
    }
}

/// One unit of flowing content.
public enum ReportBlock: Sendable, Equatable {
    /// A section heading; level 1 is the top level.
    case heading(level: Int, text: String)
    /// A paragraph of plain text. Newlines inside `text` force line breaks.
    case paragraph(text: String, style: ParagraphStyle)
    /// An unordered list; each item is a plain-text paragraph.
    case bulletList(items: [String])
    /// A data table.
    case table(TableSpec)
    /// A vector chart.
    case chart(ChartSpec)
    /// Forces the following content onto a new page.
    case pageBreak
    /// Where the table of contents (built from the headings) is placed.
    case tableOfContents
}

/// How a paragraph is set.
public enum ParagraphStyle: String, Sendable, Equatable, CaseIterable {
    /// Regular body text.
    case body
    /// Bold body text, for emphasis of a whole paragraph.
    case strong
    /// Smaller, muted text for notes and captions.
    case caption
    /// Indented, muted text for quotations and AI-written insights.
    case quote
}
