import Foundation

/// Column positions and type metrics of one table.
struct TableFrame {
    var xs: [Double]
    var widths: [Double]
    var alignments: [TableAlignment]
    let size: Double, lineHeight: Double
    let padX = 4.0, padY = 3.0

    func height(lines: Int) -> Double { Double(max(1, lines)) * lineHeight + 2 * padY }
}

/// Tables: wrapped cells, a header repeated on every page, rows split across pages when a row
/// is taller than a page. Per-row work is constant, so 10,000 rows cost 10,000 × one row.
extension LayoutEngine {
    func layoutTable(_ spec: TableSpec) throws {
        guard !spec.columns.isEmpty else { return }
        let frame = makeFrame(spec)
        let header = wrapRow(spec.headerRow, frame: frame, font: fonts.bold)
        var state = TableState(spec: spec, frame: frame, header: header,
                               headerHeight: frame.height(lines: header.map(\.count).max() ?? 1))
        // Keep caption, header and the first row (or its first lines when huge) together.
        try ensureSpace(tableLeadHeight(spec))
        if let caption = spec.caption {
            try layoutParagraph(caption, style: .strong)
        }
        state.headerAtTop = !pageHasContent
        drawHeader(header, frame: frame, height: state.headerHeight)
        for (rowIndex, row) in spec.rows.enumerated() {
            try layoutRow(wrapRow(row, frame: frame, font: fonts.regular).map { $0[...] }, striped: rowIndex % 2 == 1, state: &state)
        }
        cursorY -= style.lineHeight * 0.8
    }

    /// What the row loop needs to know about the table and the current page.
    private struct TableState {
        let spec: TableSpec
        let frame: TableFrame
        let header: [[WrappedLine]]
        let headerHeight: Double
        var rowsOnPage = 0
        var headerAtTop = false
    }

    /// Places one row: here if it fits, on the next page if it would fit there, otherwise split
    /// line by line across as many pages as it needs.
    private func layoutRow(_ wrapped: [ArraySlice<WrappedLine>], striped: Bool, state: inout TableState) throws {
        let frame = state.frame
        var cells = wrapped
        while true {
            let height = frame.height(lines: cells.map(\.count).max() ?? 1)
            if height <= available {
                drawRow(cells, frame: frame, height: height, striped: striped)
                state.rowsOnPage += 1
                return
            }
            let fresh = geometry.contentHeight - (state.spec.repeatHeader ? state.headerHeight : 0)
            let fitting = Int(((available - 2 * frame.padY) / frame.lineHeight).rounded(.down))
            let canMove = state.rowsOnPage > 0 || !state.headerAtTop
            if !(canMove && (height <= fresh || fitting < 1)) {
                // Taller than a whole page: fill this page with as many lines as fit.
                let take = max(1, fitting)
                drawRow(cells.map { $0.prefix(take) }, frame: frame, height: frame.height(lines: take), striped: striped)
                cells = cells.map { $0.dropFirst(take) }
            }
            try newPage()
            if state.spec.repeatHeader { drawHeader(state.header, frame: frame, height: state.headerHeight) }
            state.rowsOnPage = 0
            state.headerAtTop = true
        }
    }

    /// Caption, header and up to three lines of the first row: the part that must not be split.
    func tableLeadHeight(_ spec: TableSpec) -> Double {
        guard !spec.columns.isEmpty else { return 0 }
        let frame = makeFrame(spec)
        let headerLines = wrapRow(spec.headerRow, frame: frame, font: fonts.bold).map(\.count).max() ?? 1
        let firstLines = spec.rows.first.map { wrapRow($0, frame: frame, font: fonts.regular).map(\.count).max() ?? 1 } ?? 0
        let caption = spec.caption.map {
            Double(TextWrapper.wrap(TextWrapper.sanitized($0), font: fonts.bold, size: style.base, maxWidth: geometry.contentWidth).count)
                * style.base * 1.4 + style.base * 0.7
        } ?? 0
        return caption + frame.height(lines: headerLines) + (firstLines > 0 ? frame.height(lines: min(firstLines, 3)) : 0)
    }

    private func makeFrame(_ spec: TableSpec) -> TableFrame {
        let size = style.tableSize
        // Both cell paddings, plus a point so rounding in the wrapper never splits the longest word.
        let padding = 8.0 + 1
        let widths = ColumnWidths.resolve(
            weights: spec.columns.map(\.width),
            minimums: ColumnWidths.longestWords(spec, regular: fonts.regular, bold: fonts.bold, size: size).map { $0 + padding },
            total: geometry.contentWidth)
        var xs: [Double] = []
        var x = geometry.left
        for width in widths {
            xs.append(x)
            x += width
        }
        return TableFrame(xs: xs, widths: widths, alignments: spec.columns.map(\.alignment), size: size, lineHeight: size * 1.25)
    }

    private func wrapRow(_ row: [String], frame: TableFrame, font: PDFFont) -> [[WrappedLine]] {
        (0..<frame.widths.count).map { column in
            let text = column < row.count ? TextWrapper.sanitized(row[column]) : ""
            return TextWrapper.wrap(text, font: font, size: frame.size, maxWidth: frame.widths[column] - 2 * frame.padX)
        }
    }

    private func drawHeader(_ header: [[WrappedLine]], frame: TableFrame, height: Double) {
        canvas.fillRect(x: geometry.left, y: cursorY - height, width: geometry.contentWidth, height: height, color: .headerFill)
        drawCells(header.map { $0[...] }, frame: frame, font: fonts.bold)
        cursorY -= height
        canvas.line(x1: geometry.left, y1: cursorY, x2: geometry.right, y2: cursorY, color: .muted, width: 0.8)
        pageHasContent = true
    }

    private func drawRow(_ cells: [ArraySlice<WrappedLine>], frame: TableFrame, height: Double, striped: Bool) {
        if striped {
            canvas.fillRect(x: geometry.left, y: cursorY - height, width: geometry.contentWidth, height: height, color: .stripe)
        }
        drawCells(cells, frame: frame, font: fonts.regular)
        cursorY -= height
        canvas.line(x1: geometry.left, y1: cursorY, x2: geometry.right, y2: cursorY, color: .rule, width: 0.4)
        pageHasContent = true
    }

    private func drawCells(_ cells: [ArraySlice<WrappedLine>], frame: TableFrame, font: PDFFont) {
        guard canvas.isRecording else { return }
        for (column, lines) in cells.enumerated() {
            var baseline = cursorY - frame.padY - frame.lineHeight * 0.78
            let left = frame.xs[column] + frame.padX, inner = frame.widths[column] - 2 * frame.padX
            for line in lines {
                let x: Double
                switch frame.alignments[column] {
                case .leading: x = left
                case .center: x = left + (inner - line.width) / 2
                case .trailing: x = left + inner - line.width
                }
                canvas.text(line.text, x: x, y: baseline, font: font, size: frame.size)
                baseline -= frame.lineHeight
            }
        }
    }
}
