import Foundation

/// Draws a `ChartSpec` as an inline SVG element (bars, stacked bars, histogram, line, pie, donut).
/// Every label goes through `HTMLEscaper`; coordinates are printed with fixed decimals so the
/// output is byte-stable.
enum SVGChart {
    static let width = 640.0
    static let height = 300.0
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    static func svg(_ chart: ChartSpec) -> String {
        var body = ""
        switch chart.kind {
        case .pie, .donut: body = pie(chart)
        case .line: body = axes(chart) + line(chart)
        case .bar, .stackedBar, .histogram: body = axes(chart) + bars(chart)
        }
        let title = HTMLEscaper.escape(chart.title)
        return "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(title)\">"
            + body + "</svg><figcaption>\(title)</figcaption>" + legend(chart) + "</figure>\n"
    }

    static func n(_ v: Double) -> String { ReportNumber.format(v, digits: 1, trim: true) }

    private static let plot = (left: 48.0, top: 12.0, right: 628.0, bottom: 230.0)

    private static func maxValue(_ chart: ChartSpec) -> Double {
        let count = chart.categories.count
        let values: [Double] = chart.kind == .stackedBar
            ? (0..<count).map { i in chart.series.reduce(0) { $0 + max(0, value($1, i)) } }
            : chart.series.flatMap { s in (0..<count).map { value(s, $0) } }
        return max(1, values.max() ?? 1)
    }

    static func value(_ series: ChartSeries, _ index: Int) -> Double {
        index < series.values.count && series.values[index].isFinite ? series.values[index] : 0
    }

    private static func axes(_ chart: ChartSpec) -> String {
        let top = maxValue(chart)
        var out = "<g class=\"axis\" stroke=\"#999\" stroke-width=\"1\"><line x1=\"\(n(plot.left))\" y1=\"\(n(plot.bottom))\" x2=\"\(n(plot.right))\" y2=\"\(n(plot.bottom))\"/>"
        out += "<line x1=\"\(n(plot.left))\" y1=\"\(n(plot.top))\" x2=\"\(n(plot.left))\" y2=\"\(n(plot.bottom))\"/></g>"
        for step in 0...4 {
            let v = top * Double(step) / 4
            let y = plot.bottom - (plot.bottom - plot.top) * Double(step) / 4
            out += "<text x=\"\(n(plot.left - 4))\" y=\"\(n(y + 4))\" text-anchor=\"end\" font-size=\"10\">\(ChartSpec.compactNumber(v))</text>"
        }
        let count = max(1, chart.categories.count)
        let slot = (plot.right - plot.left) / Double(count)
        let rotate = count > 8
        for (i, label) in chart.categories.enumerated() {
            let x = plot.left + slot * (Double(i) + 0.5)
            let transform = rotate ? " transform=\"rotate(-45 \(n(x)) \(n(plot.bottom + 14)))\"" : ""
            out += "<text x=\"\(n(x))\" y=\"\(n(plot.bottom + 14))\" text-anchor=\"\(rotate ? "end" : "middle")\" font-size=\"10\"\(transform)>\(HTMLEscaper.escape(label))</text>"
        }
        return out
    }

    private static func bars(_ chart: ChartSpec) -> String {
        let top = maxValue(chart)
        let count = max(1, chart.categories.count)
        let slot = (plot.right - plot.left) / Double(count)
        let scale = (plot.bottom - plot.top) / top
        var out = ""
        for i in 0..<chart.categories.count {
            let x0 = plot.left + slot * Double(i)
            switch chart.kind {
            case .stackedBar:
                var base = plot.bottom
                for (s, series) in chart.series.enumerated() {
                    let h = max(0, value(series, i)) * scale
                    out += rect(x0 + slot * 0.15, base - h, slot * 0.7, h, palette[s % palette.count])
                    base -= h
                }
            case .histogram:
                let h = max(0, value(chart.series.first ?? ChartSeries(name: "", values: []), i)) * scale
                out += rect(x0, plot.bottom - h, slot, h, palette[0], stroke: true)
            default:
                let groups = max(1, chart.series.count)
                let w = slot * 0.8 / Double(groups)
                for (s, series) in chart.series.enumerated() {
                    let h = max(0, value(series, i)) * scale
                    out += rect(x0 + slot * 0.1 + w * Double(s), plot.bottom - h, w, h, palette[s % palette.count])
                }
            }
        }
        return out
    }

    private static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ fill: String, stroke: Bool = false) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(fill)\"\(stroke ? " stroke=\"#fff\"" : "")/>"
    }

    private static func line(_ chart: ChartSpec) -> String {
        let top = maxValue(chart)
        let count = max(1, chart.categories.count)
        let slot = (plot.right - plot.left) / Double(count)
        let scale = (plot.bottom - plot.top) / top
        return chart.series.enumerated().map { s, series in
            let points = (0..<chart.categories.count).map { i in "\(n(plot.left + slot * (Double(i) + 0.5))),\(n(plot.bottom - max(0, value(series, i)) * scale))" }
            return "<polyline fill=\"none\" stroke=\"\(palette[s % palette.count])\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
        }.joined()
    }

    private static func pie(_ chart: ChartSpec) -> String {
        let values = (0..<chart.categories.count).map { max(0, value(chart.series.first ?? ChartSeries(name: "", values: []), $0)) }
        let total = values.reduce(0, +)
        guard total > 0 else { return "" }
        let (cx, cy, r) = (width / 2, height / 2, 120.0)
        var angle = -Double.pi / 2
        var out = ""
        for (i, v) in values.enumerated() where v > 0 {
            let sweep = v / total * 2 * Double.pi
            let color = palette[i % palette.count]
            if sweep >= 2 * Double.pi - 1e-9 {
                out += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(color)\"/>"
            } else {
                let (x1, y1) = (cx + r * cos(angle), cy + r * sin(angle))
                let (x2, y2) = (cx + r * cos(angle + sweep), cy + r * sin(angle + sweep))
                out += "<path d=\"M\(n(cx)),\(n(cy)) L\(n(x1)),\(n(y1)) A\(n(r)),\(n(r)) 0 \(sweep > Double.pi ? 1 : 0) 1 \(n(x2)),\(n(y2)) Z\" fill=\"\(color)\" stroke=\"#fff\"/>"
            }
            angle += sweep
        }
        if chart.kind == .donut { out += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r * 0.55))\" fill=\"#fff\"/>" }
        return out
    }

    private static func legend(_ chart: ChartSpec) -> String {
        let names: [String]
        switch chart.kind {
        case .pie, .donut: names = chart.categories
        case .bar where chart.series.count < 2, .histogram, .line where chart.series.count < 2: return ""
        default: names = chart.series.map(\.name)
        }
        let items = names.enumerated().map { i, name in
            "<li><span class=\"swatch\" style=\"background:\(palette[i % palette.count])\"></span>\(HTMLEscaper.escape(name))</li>"
        }
        return "<ul class=\"legend\">" + items.joined() + "</ul>"
    }
}
