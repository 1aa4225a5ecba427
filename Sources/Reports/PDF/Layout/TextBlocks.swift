import Foundation

/// Headings, paragraphs and bullet lists.
extension LayoutEngine {
    /// A heading; `keepWith` is the height of what follows that must share its page.
    func layoutHeading(level: Int, text: String, keepWith: Double) throws {
        let size = style.headingSize(level: level)
        let lineHeight = size * 1.25
        let lines = TextWrapper.wrap(TextWrapper.sanitized(text), font: fonts.bold, size: size, maxWidth: geometry.contentWidth)
        let spaceBefore = pageHasContent ? size * 0.9 : 0
        // Keep the heading with the start of what follows, unless that alone overfills a page.
        let own = spaceBefore + Double(lines.count) * lineHeight + size * 0.35 + 4
        let needed = own + (own + keepWith <= geometry.contentHeight ? keepWith : style.lineHeight * 2)
        try ensureSpace(needed)
        if pageHasContent { cursorY -= spaceBefore }
        recordHeading(y: cursorY)
        let color: PDFColor = level <= 1 ? .accent : .text
        try flowLines(lines, x: geometry.left, font: fonts.bold, size: size, lineHeight: lineHeight, color: color)
        if level <= 1 {
            canvas.line(x1: geometry.left, y1: cursorY - 2, x2: geometry.right, y2: cursorY - 2, color: .accent, width: 0.8)
            cursorY -= 4
        }
        cursorY -= size * 0.35
    }

    func layoutParagraph(_ text: String, style paragraphStyle: ParagraphStyle) throws {
        var font = fonts.regular, size = style.base, color = PDFColor.text, indent = 0.0
        switch paragraphStyle {
        case .body: break
        case .strong: font = fonts.bold
        case .caption: size = style.captionSize; color = .muted
        case .quote: indent = 14; color = .muted
        }
        let lineHeight = size * 1.4
        let lines = TextWrapper.wrap(TextWrapper.sanitized(text), font: font, size: size, maxWidth: geometry.contentWidth - indent)
        let startPage = pageIndex, startY = cursorY
        try flowLines(lines, x: geometry.left + indent, font: font, size: size, lineHeight: lineHeight, color: color)
        if paragraphStyle == .quote && startPage == pageIndex {
            canvas.line(x1: geometry.left + 4, y1: startY, x2: geometry.left + 4, y2: cursorY, color: .rule, width: 2)
        }
        cursorY -= lineHeight * 0.5
    }

    func layoutBullets(_ items: [String]) throws {
        let size = style.base, lineHeight = style.lineHeight, indent = 16.0
        for item in items {
            let lines = TextWrapper.wrap(TextWrapper.sanitized(item), font: fonts.regular, size: size,
                                         maxWidth: geometry.contentWidth - indent)
            try ensureSpace(lineHeight)
            canvas.text("•", x: geometry.left + 4, y: cursorY - lineHeight * 0.75, font: fonts.regular, size: size)
            try flowLines(lines, x: geometry.left + indent, font: fonts.regular, size: size, lineHeight: lineHeight)
            cursorY -= lineHeight * 0.15
        }
        cursorY -= lineHeight * 0.35
    }

    /// The table of contents: one entry per heading with dot leaders and the page number.
    /// Entry heights never depend on the numbers, so both passes paginate it identically.
    func layoutTableOfContents(_ headings: [(level: Int, text: String)]) throws {
        let titleSize = style.headingSize(level: 1)
        try ensureSpace(titleSize * 1.25 + style.lineHeight * 2)
        try flowLines([WrappedLine(text: "Contents", width: 0)], x: geometry.left, font: fonts.bold,
                      size: titleSize, lineHeight: titleSize * 1.25, color: .accent)
        cursorY -= titleSize * 0.5
        let size = style.base, lineHeight = style.lineHeight
        let numberColumn = fonts.regular.width(of: "00000", size: size) + 6
        for (index, heading) in headings.enumerated() {
            let indent = Double(min(max(heading.level, 1), 6) - 1) * 14
            let font = heading.level <= 1 ? fonts.bold : fonts.regular
            let lines = TextWrapper.wrap(TextWrapper.sanitized(heading.text), font: font, size: size,
                                         maxWidth: geometry.contentWidth - indent - numberColumn)
            try ensureSpace(Double(lines.count) * lineHeight)
            let top = cursorY
            try flowLines(lines, x: geometry.left + indent, font: font, size: size, lineHeight: lineHeight)
            guard index < knownHeadings.count else { continue }
            let target = knownHeadings[index]
            let number = String(target.page + 1)
            let numberWidth = fonts.regular.width(of: number, size: size)
            let baseline = cursorY + lineHeight * 0.25
            canvas.text(Substring(number), x: geometry.right - numberWidth, y: baseline, font: fonts.regular, size: size)
            let leaderStart = geometry.left + indent + (lines.last?.width ?? 0) + 4
            drawLeader(from: leaderStart, to: geometry.right - numberWidth - 4, baseline: baseline, size: size)
            links.append(PageLink(x1: geometry.left, y1: cursorY, x2: geometry.right, y2: top, target: target))
        }
        cursorY -= lineHeight * 0.5
    }

    private func drawLeader(from start: Double, to end: Double, baseline: Double, size: Double) {
        let dot = fonts.regular.width(of: ". ", size: size)
        guard dot > 0, end - start > dot else { return }
        let count = min(400, Int((end - start) / dot))
        let leader = String(repeating: ". ", count: count)
        canvas.text(Substring(leader), x: end - Double(count) * dot, y: baseline, font: fonts.regular, size: size, color: .muted)
    }
}
