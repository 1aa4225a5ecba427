import Foundation

/// Places a chart as a fixed-height box in the flow.
extension LayoutEngine {
    /// Charts are fixed-height boxes, never split.
    var chartHeight: Double { min(geometry.contentHeight, style.base * 24) }

    func layoutChart(_ spec: ChartSpec) throws {
        let height = chartHeight
        try ensureSpace(height)
        let frame = ChartRect(x: geometry.left, y: cursorY - height, width: geometry.contentWidth, height: height)
        let drawer = ChartDrawer(fonts: fonts, labelSize: style.base * 0.75, titleSize: style.base * 1.1)
        drawer.draw(spec, in: frame, canvas: &canvas)
        cursorY -= height + style.lineHeight
        pageHasContent = true
    }
}
