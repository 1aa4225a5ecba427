import Foundation

/// Draws a `ChartSpec` with vector path operators into a rectangle of a page.
struct ChartDrawer {
    let fonts: FontPair
    let labelSize: Double
    let titleSize: Double

    func draw(_ spec: ChartSpec, in frame: ChartRect, canvas: inout PageCanvas) {
        guard canvas.isRecording else { return }
        let title = TextWrapper.sanitized(spec.title).replacingOccurrences(of: "\n", with: " ")
        canvas.text(fonts.bold.fitted(title, size: titleSize, width: frame.width), x: frame.x,
                    y: frame.top - titleSize, font: fonts.bold, size: titleSize)
        var body = ChartRect(x: frame.x, y: frame.y, width: frame.width, height: frame.height - titleSize * 1.8)
        let series = spec.series.map { ChartSeries(name: TextWrapper.sanitized($0.name), values: $0.values) }
        let categories = spec.categories.map { TextWrapper.sanitized($0).replacingOccurrences(of: "\n", with: " ") }
        switch spec.kind {
        case .pie, .donut:
            drawPie(values: series.first?.values ?? [], labels: categories, hole: spec.kind == .donut, in: body, canvas: &canvas)
        case .bar, .stackedBar, .histogram, .line:
            if series.count > 1 {
                let legendHeight = drawLegend(series.map(\.name), in: body, canvas: &canvas)
                body.y += legendHeight
                body.height -= legendHeight
            }
            drawAxesChart(spec.kind, series: series, categories: categories, in: body, canvas: &canvas)
        }
    }

    // MARK: bars and lines

    /// Series values as a dense matrix (missing and non-finite values are 0).
    private struct Grid {
        let values: [[Double]]
        let count: Int

        init(series: [ChartSeries], count: Int) {
            self.count = count
            values = series.map { item in (0..<count).map { $0 < item.values.count && item.values[$0].isFinite ? item.values[$0] : 0 } }
        }

        /// The value range the axis must cover; stacked bars add up per category and sign.
        func range(stacked: Bool) -> (low: Double, high: Double) {
            var low = 0.0, high = 0.0
            for category in 0..<count {
                let column = values.map { $0[category] }
                if stacked {
                    high = max(high, column.filter { $0 > 0 }.reduce(0, +))
                    low = min(low, column.filter { $0 < 0 }.reduce(0, +))
                } else {
                    high = max(high, column.max() ?? 0)
                    low = min(low, column.min() ?? 0)
                }
            }
            return (low, high)
        }
    }

    /// The plotting area with its value scale and the width of one category slot.
    private struct Plot {
        let rect: ChartRect
        let scale: ChartScale
        let slot: Double

        func y(_ value: Double) -> Double { scale.position(value, bottom: rect.y, height: rect.height) }
        func center(_ category: Int) -> Double { rect.x + slot * (Double(category) + 0.5) }
    }

    private func drawAxesChart(_ kind: ChartKind, series: [ChartSeries], categories: [String], in body: ChartRect, canvas: inout PageCanvas) {
        let count = max(categories.count, series.map(\.values.count).max() ?? 0)
        guard count > 0, !series.isEmpty else { return noData(in: body, canvas: &canvas) }
        let grid = Grid(series: series, count: count)
        let range = grid.range(stacked: kind == .stackedBar)
        let scale = ChartScale(low: range.low, high: range.high)
        let tickLabels = scale.ticks.map(ChartScale.label)
        let axisWidth = (tickLabels.map { fonts.regular.width(of: $0, size: labelSize) }.max() ?? 0) + 6
        let rect = ChartRect(x: body.x + axisWidth, y: body.y + labelSize * 1.8, width: body.width - axisWidth,
                             height: body.height - labelSize * 2.2)
        guard rect.width > 10, rect.height > 10 else { return }
        let plot = Plot(rect: rect, scale: scale, slot: rect.width / Double(count))
        drawGrid(scale, labels: tickLabels, plot: rect, canvas: &canvas)
        drawCategoryLabels(categories, slot: plot.slot, plot: rect, canvas: &canvas)
        if kind == .line { drawLines(grid, plot: plot, canvas: &canvas) } else { drawBars(kind, grid: grid, plot: plot, canvas: &canvas) }
        canvas.line(x1: rect.x, y1: plot.y(0), x2: rect.right, y2: plot.y(0), color: .muted, width: 0.8)
        canvas.line(x1: rect.x, y1: rect.y, x2: rect.x, y2: rect.top, color: .muted, width: 0.8)
    }

    private func drawLines(_ grid: Grid, plot: Plot, canvas: inout PageCanvas) {
        for (index, values) in grid.values.enumerated() {
            let color = PDFColor.palette[index % PDFColor.palette.count]
            canvas.useStroke(color, width: 1.5)
            for (category, value) in values.enumerated() {
                if category == 0 { canvas.move(to: plot.center(category), plot.y(value)) } else { canvas.addLine(to: plot.center(category), plot.y(value)) }
            }
            canvas.strokePath()
            for (category, value) in values.enumerated() {
                canvas.fillRect(x: plot.center(category) - 1.8, y: plot.y(value) - 1.8, width: 3.6, height: 3.6, color: color)
            }
        }
    }

    /// Side-by-side bars (bar), stacked bars (stackedBar) or touching bars (histogram).
    private func drawBars(_ kind: ChartKind, grid: Grid, plot: Plot, canvas: inout PageCanvas) {
        let gap = kind == .histogram ? 0 : plot.slot * 0.2
        let barWidth = (plot.slot - gap) / Double(kind == .bar ? max(1, grid.values.count) : 1)
        for category in 0..<grid.count {
            var up = 0.0, down = 0.0
            for (index, values) in grid.values.enumerated() {
                let value = values[category]
                let x = plot.rect.x + plot.slot * Double(category) + gap / 2 + (kind == .bar ? Double(index) * barWidth : 0)
                var from = 0.0, to = value
                if kind == .stackedBar {
                    if value >= 0 { from = up; up += value; to = up } else { from = down; down += value; to = down }
                }
                let y1 = plot.y(from), y2 = plot.y(to)
                canvas.fillRect(x: x, y: min(y1, y2), width: barWidth, height: abs(y2 - y1), color: PDFColor.palette[index % PDFColor.palette.count])
                if kind != .stackedBar { drawValueLabel(value, x: x, width: barWidth, top: y2, zero: y1, canvas: &canvas) }
                if kind == .histogram { canvas.line(x1: x, y1: plot.rect.y, x2: x, y2: max(y1, y2), color: .white, width: 0.6) }
            }
        }
    }

    /// The value above (or, for negatives, below) a bar, when it fits the bar's width.
    private func drawValueLabel(_ value: Double, x: Double, width: Double, top: Double, zero: Double, canvas: inout PageCanvas) {
        let label = ChartScale.label(value)
        let size = labelSize * 0.9
        let labelWidth = fonts.regular.width(of: label, size: size)
        guard labelWidth <= width * 1.1 else { return }
        let y = top >= zero ? top + size * 0.4 : top - size * 1.1
        canvas.text(Substring(label), x: x + (width - labelWidth) / 2, y: y, font: fonts.regular, size: size)
    }

    private func drawGrid(_ scale: ChartScale, labels: [String], plot: ChartRect, canvas: inout PageCanvas) {
        for (tick, label) in zip(scale.ticks, labels) {
            let y = scale.position(tick, bottom: plot.y, height: plot.height)
            canvas.line(x1: plot.x, y1: y, x2: plot.right, y2: y, color: .rule, width: 0.4)
            let width = fonts.regular.width(of: label, size: labelSize)
            canvas.text(Substring(label), x: plot.x - 4 - width, y: y - labelSize * 0.35, font: fonts.regular, size: labelSize, color: .muted)
        }
    }

    private func drawCategoryLabels(_ categories: [String], slot: Double, plot: ChartRect, canvas: inout PageCanvas) {
        guard !categories.isEmpty else { return }
        let widest = categories.map { fonts.regular.width(of: $0, size: labelSize) }.max() ?? 0
        // Thin out labels when they cannot all fit: show every n-th one at full length.
        let every = widest > slot * 0.95 ? max(1, Int((min(widest, 80) / slot).rounded(.up))) : 1
        for (index, label) in categories.enumerated() where index % every == 0 {
            let room = slot * Double(every) * 0.95
            let text = fonts.regular.fitted(label, size: labelSize, width: room)
            let width = fonts.regular.width(of: text, size: labelSize)
            let center = plot.x + slot * (Double(index) + 0.5)
            canvas.text(text, x: center - width / 2, y: plot.y - labelSize * 1.3, font: fonts.regular, size: labelSize, color: .muted)
        }
    }

    // MARK: legend, pie

    /// Draws swatches and names in rows at the bottom of `body`; returns the height used.
    private func drawLegend(_ names: [String], in body: ChartRect, canvas: inout PageCanvas) -> Double {
        let rowHeight = labelSize * 1.6
        var x = body.x, row = 0
        for (index, name) in names.enumerated() {
            let text = fonts.regular.fitted(name, size: labelSize, width: body.width / 2)
            let itemWidth = labelSize * 1.4 + fonts.regular.width(of: text, size: labelSize) + labelSize * 1.2
            if x + itemWidth > body.right && x > body.x { x = body.x; row += 1 }
            let y = body.y + Double(row) * rowHeight
            canvas.fillRect(x: x, y: y, width: labelSize * 0.9, height: labelSize * 0.9, color: PDFColor.palette[index % PDFColor.palette.count])
            canvas.text(text, x: x + labelSize * 1.4, y: y + labelSize * 0.1, font: fonts.regular, size: labelSize)
            x += itemWidth
        }
        return Double(row + 1) * rowHeight + labelSize * 0.5
    }

    private func drawPie(values raw: [Double], labels: [String], hole: Bool, in body: ChartRect, canvas: inout PageCanvas) {
        let values = raw.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let total = values.reduce(0, +)
        guard total > 0 else { return noData(in: body, canvas: &canvas) }
        let radius = max(10, min(body.height, body.width * 0.5) / 2 - 4)
        let cx = body.x + radius + 4, cy = body.y + body.height / 2
        var angle = Double.pi / 2
        canvas.useStroke(.white, width: 1)
        for (index, value) in values.enumerated() where value > 0 {
            let sweep = value / total * 2 * Double.pi
            canvas.useFill(PDFColor.palette[index % PDFColor.palette.count])
            PieGeometry.sector(center: (cx, cy), outer: radius, inner: hole ? radius * 0.55 : 0,
                               from: angle, to: angle - sweep, canvas: &canvas)
            canvas.fillAndStrokePath()
            angle -= sweep
        }
        let legendX = cx + radius + 20, rowHeight = labelSize * 1.7
        var y = cy + Double(min(values.count, 12)) * rowHeight / 2 - rowHeight
        for (index, value) in values.enumerated() {
            guard y >= body.y else { break }
            let name = index < labels.count ? labels[index] : "#\(index + 1)"
            let percent = String(format: "%.1f%%", value / total * 100)
            let text = fonts.regular.fitted("\(name) — \(percent)", size: labelSize, width: body.right - legendX - labelSize * 1.4)
            canvas.fillRect(x: legendX, y: y, width: labelSize * 0.9, height: labelSize * 0.9, color: PDFColor.palette[index % PDFColor.palette.count])
            canvas.text(text, x: legendX + labelSize * 1.4, y: y + labelSize * 0.1, font: fonts.regular, size: labelSize)
            y -= rowHeight
        }
    }

    private func noData(in body: ChartRect, canvas: inout PageCanvas) {
        canvas.text("No data", x: body.x, y: body.y + body.height / 2, font: fonts.regular, size: labelSize, color: .muted)
    }
}
