import Foundation

/// Page, font and package settings for `DOCXRenderer`.
public struct DOCXRenderOptions: Sendable {
    /// Paper size.
    public enum PageSize: Sendable, Equatable {
        /// ISO A4, 210 × 297 mm.
        case a4
        /// US Letter, 8.5 × 11 in.
        case letter
        /// Any size in twips (1/1440 in); clamped to 2,880…31,680 (2…22 in, Word's limits).
        case custom(widthTwips: Int, heightTwips: Int)

        /// Width and height in twips.
        public var twips: (width: Int, height: Int) {
            switch self {
            case .a4: return (11_906, 16_838)
            case .letter: return (12_240, 15_840)
            case let .custom(width, height):
                return (min(31_680, max(2_880, width)), min(31_680, max(2_880, height)))
            }
        }
    }

    /// Paper size.
    public var pageSize: PageSize
    /// Margin on all four sides in twips (default 1,134 = 20 mm, as the PDF renderer).
    public var marginTwips: Int
    /// The body font family Word should use; readers substitute a metric-compatible font.
    public var fontName: String
    /// Body text size in points; headings scale from it.
    public var baseFontSize: Double
    /// Whether each page shows the document title in the header.
    public var showsPageHeader: Bool
    /// Whether each page shows "Page X of Y" in the footer.
    public var showsPageNumbers: Bool
    /// The document language (BCP 47), written to the default run properties.
    public var language: String
    /// Heading that introduces the table of contents.
    public var contentsTitle: String
    /// Environment consulted for `SOURCE_DATE_EPOCH`; defaults to the process environment.
    public var environment: [String: String]

    /// Creates options; defaults are A4, 20 mm margins, 10 pt Calibri, header and footer on.
    public init(
        pageSize: PageSize = .a4,
        marginTwips: Int = 1_134,
        fontName: String = "Calibri",
        baseFontSize: Double = 10,
        showsPageHeader: Bool = true,
        showsPageNumbers: Bool = true,
        language: String = "en-GB",
        contentsTitle: String = "Contents",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.pageSize = pageSize
        self.marginTwips = marginTwips
        self.fontName = fontName
        self.baseFontSize = baseFontSize
        self.showsPageHeader = showsPageHeader
        self.showsPageNumbers = showsPageNumbers
        self.language = language
        self.contentsTitle = contentsTitle
        self.environment = environment
    }

    /// `SOURCE_DATE_EPOCH` as a date, when set to a valid non-negative integer.
    var sourceDateEpoch: Date? {
        guard let raw = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces),
              let seconds = Int64(raw), seconds >= 0, seconds < 253_402_300_800 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The creation date to record in core.xml: `SOURCE_DATE_EPOCH` when set, else `fallback`.
    public func effectiveCreationDate(fallback: Date) -> Date {
        sourceDateEpoch ?? fallback
    }

    /// The modification time stamped on every ZIP entry: `SOURCE_DATE_EPOCH` when set, else
    /// 1980-01-01 (the earliest DOS date), so that equal input gives byte-identical files.
    public var zipEntryDate: Date {
        sourceDateEpoch ?? Date(timeIntervalSince1970: 315_532_800)
    }

    /// The usable text width in twips: page width minus both margins, at least 1 inch.
    var textWidthTwips: Int {
        max(1_440, pageSize.twips.width - 2 * clampedMargin)
    }

    /// The margin, limited so that at least 1 inch of page remains between the margins.
    var clampedMargin: Int {
        let size = pageSize.twips
        return min(max(0, marginTwips), (min(size.width, size.height) - 1_440) / 2)
    }

    /// Half-points (Word's font size unit) for `factor` × the base size, within 1…1,638 pt.
    func halfPoints(_ factor: Double = 1) -> Int {
        let size = baseFontSize.isFinite ? baseFontSize : 10
        return Int((min(max(size * factor, 1), 1_638) * 2).rounded())
    }
}
