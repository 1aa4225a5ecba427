import Foundation

/// Where a heading was placed: page index (0-based) and the y of its top edge.
struct HeadingLocation: Equatable {
    var page: Int
    var y: Double
}

/// A clickable area on a page that jumps to a place in the document (TOC entries).
struct PageLink: Equatable {
    var x1: Double, y1: Double, x2: Double, y2: Double
    var target: HeadingLocation
}

/// Receives each page as soon as it is complete, so pages can be streamed to the file.
protocol PageSink: AnyObject {
    /// Called once per page, in order, with that page's content stream and links.
    func pageFinished(index: Int, content: ByteBuffer, links: [PageLink]) throws
}

/// The two fonts of a render.
struct FontPair {
    var regular: PDFFont
    var bold: PDFFont
}

/// Page size, margins and the derived content frame, in PDF points (origin bottom-left).
struct PageGeometry {
    let width: Double, height: Double, margin: Double

    init(size: PDFRenderOptions.PageSize, margin: Double) {
        (width, height) = size.points
        // Keep at least a 72 pt wide and tall content frame however large the margin is.
        self.margin = min(max(0, margin.isFinite ? margin : 0), (min(width, height) - 72) / 2)
    }

    var left: Double { margin }
    var right: Double { width - margin }
    var top: Double { height - margin }
    var bottom: Double { margin }
    var contentWidth: Double { right - left }
    var contentHeight: Double { top - bottom }
}

/// Type sizes and spacing, all derived from the base size.
struct LayoutStyle {
    let base: Double

    init(base: Double) { self.base = base.isFinite ? min(max(base, 4), 48) : 10 }

    var lineHeight: Double { base * 1.4 }
    var tableSize: Double { base * 0.85 }
    var tableLineHeight: Double { tableSize * 1.25 }
    var captionSize: Double { base * 0.85 }
    var furnitureSize: Double { base * 0.8 }

    func headingSize(level: Int) -> Double {
        switch level {
        case ...1: return base * 1.8
        case 2: return base * 1.4
        case 3: return base * 1.2
        default: return base * 1.05
        }
    }
}
