import Foundation

/// Page and font settings for `PDFRenderer`.
public struct PDFRenderOptions: Sendable {
    /// Paper size.
    public enum PageSize: Sendable, Equatable {
        /// ISO A4, 210 × 297 mm.
        case a4
        /// US Letter, 8.5 × 11 in.
        case letter
        /// Any size in points (1/72 in); clamped to 144…14,400 on each side.
        case custom(width: Double, height: Double)

        /// Width and height in points.
        public var points: (width: Double, height: Double) {
            switch self {
            case .a4: return (595.28, 841.89)
            case .letter: return (612, 792)
            case let .custom(width, height):
                // 14,400 pt (200 in) is the largest page PDF viewers accept; non-finite sizes fall back to A4.
                guard width.isFinite, height.isFinite else { return (595.28, 841.89) }
                return (min(14_400, max(144, width)), min(14_400, max(144, height)))
            }
        }
    }

    /// Which fonts to use.
    public enum FontChoice: Sendable, Equatable {
        /// Embed DejaVu Sans when it can be found, else fall back to Helvetica.
        case automatic
        /// Always use the non-embedded Helvetica pair (cp1252 only; other characters print '?').
        case standard14
        /// Embed the given TrueType files; falls back to Helvetica when they cannot be loaded.
        case trueType(regular: String, bold: String)
    }

    /// Paper size.
    public var pageSize: PageSize
    /// Margin on all four sides, in points (default 20 mm).
    public var margin: Double
    /// Body text size in points; headings and tables scale from it.
    public var baseFontSize: Double
    /// Font selection.
    public var fonts: FontChoice
    /// Whether each page shows the document title at the top.
    public var showsPageHeader: Bool
    /// Whether each page shows "Page X of Y" at the bottom.
    public var showsPageNumbers: Bool
    /// The document language written to the catalog (/Lang), a BCP 47 tag.
    public var language: String
    /// Environment consulted for `SOURCE_DATE_EPOCH`; defaults to the process environment.
    public var environment: [String: String]

    /// Creates options; defaults are A4, 20 mm margins, 10 pt text, automatic fonts.
    public init(
        pageSize: PageSize = .a4,
        margin: Double = 56.69,
        baseFontSize: Double = 10,
        fonts: FontChoice = .automatic,
        showsPageHeader: Bool = true,
        showsPageNumbers: Bool = true,
        language: String = "en",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.pageSize = pageSize
        self.margin = margin
        self.baseFontSize = baseFontSize
        self.fonts = fonts
        self.showsPageHeader = showsPageHeader
        self.showsPageNumbers = showsPageNumbers
        self.language = language
        self.environment = environment
    }

    /// The creation date to record: `SOURCE_DATE_EPOCH` (seconds since 1970) when set and
    /// valid, so reproducible builds get identical bytes; otherwise `fallback`.
    public func effectiveCreationDate(fallback: Date) -> Date {
        if let raw = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces),
           let seconds = Int64(raw), seconds >= 0 {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return fallback
    }
}

/// Errors raised by `PDFRenderer`.
public enum PDFRenderError: Error, Equatable, CustomStringConvertible {
    /// A bug guard: the writer's bookkeeping did not add up.
    case internalInconsistency(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .internalInconsistency(detail): return "PDF writer inconsistency: \(detail)"
        }
    }
}
