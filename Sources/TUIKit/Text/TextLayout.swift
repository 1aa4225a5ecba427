/// Horizontal placement of text inside a wider slot.
public enum Alignment: Hashable, Sendable {
    /// Flush left, padded on the right.
    case left
    /// Centred; an odd leftover cell goes to the right.
    case center
    /// Flush right, padded on the left.
    case right
}

/// Cutting, padding and wrapping text by display width rather than by character count.
public enum TextLayout {
    /// The default ellipsis that marks cut text.
    public static let ellipsis = "…"

    /// `text` cut to at most `width` cells, ending in `ellipsis` when anything was removed.
    ///
    /// A wide grapheme that would straddle the limit is dropped entirely, never halved.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = TextLayout.ellipsis) -> String {
        guard width > 0 else { return "" }
        guard TextWidth.width(of: text) > width else { return text }
        let markWidth = TextWidth.width(of: ellipsis)
        guard markWidth <= width else { return clip(text, to: width) }
        return clip(text, to: width - markWidth) + ellipsis
    }

    /// `text` cut to at most `width` cells with no marker.
    public static func clip(_ text: String, to width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = TextWidth.width(of: character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }

    /// `text` padded with spaces (or truncated with an ellipsis) to exactly `width` cells.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(text, to: width)
        let gap = width - TextWidth.width(of: fitted)
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + fitted
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
        }
    }

    /// Greedy word wrap into lines of at most `width` cells; over-long words are broken.
    ///
    /// Explicit newlines start new lines; the result has at least one line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), width: width))
        }
        return lines.isEmpty ? [""] : lines
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var piece = String(word)
            var pieceWidth = TextWidth.width(of: piece)
            if currentWidth > 0, currentWidth + 1 + pieceWidth <= width {
                current += " " + piece
                currentWidth += 1 + pieceWidth
                continue
            }
            if currentWidth > 0 { lines.append(current) }
            while pieceWidth > width {
                // A grapheme wider than the line still has to go somewhere: give it a line alone.
                let clipped = clip(piece, to: width)
                let head = clipped.isEmpty ? String(piece.prefix(1)) : clipped
                lines.append(head)
                piece = String(piece.dropFirst(head.count))
                pieceWidth = TextWidth.width(of: piece)
            }
            current = piece
            currentWidth = pieceWidth
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
