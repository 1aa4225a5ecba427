/// pgfplots (bar, stacked bar, histogram, line) and pgf-pie (pie, donut) source for a chart.
/// Labels are escaped and wrapped in braces, so commas and `=` in them cannot split options.
enum LaTeXChart {
    static func source(_ chart: ChartSpec) -> String {
        guard !chart.categories.isEmpty, !chart.series.isEmpty else { return "" }
        switch chart.kind {
        case .pie, .donut: return pie(chart)
        default: return axis(chart)
        }
    }

    private static func label(_ s: String) -> String { "{" + LaTeXEscaper.escape(s, newline: " ") + "}" }

    private static func axis(_ chart: ChartSpec) -> String {
        let count = chart.categories.count
        var options = ["width=0.95\\linewidth", "height=6cm", "ymin=0", "xtick=data", "enlarge x limits=\(count > 1 ? "0.06" : "0.5")",
                       "xticklabels={\(chart.categories.map(label).joined(separator: ","))}",
                       "title={\(LaTeXEscaper.escape(chart.title, newline: " "))}", "tick label style={font=\\scriptsize}",
                       "scaled y ticks=false", "yticklabel style={/pgf/number format/fixed}"]
        if count > 6 { options.append("x tick label style={rotate=45,anchor=east}") }
        switch chart.kind {
        case .stackedBar: options += ["ybar stacked", "bar width=\(ReportNumber.format(barWidth(count)))pt"]
        case .histogram: options += ["ybar", "bar width=\(ReportNumber.format(barWidth(count) * 1.3))pt"]
        case .bar: options += ["ybar", "bar width=\(ReportNumber.format(barWidth(count) / Double(max(1, chart.series.count))))pt"]
        default: break
        }
        if chart.series.count > 1 { options.append("legend style={font=\\scriptsize,at={(0.5,-0.25)},anchor=north,legend columns=-1}") }
        var out = "\\begin{center}\n\\begin{tikzpicture}\n\\begin{axis}[\(options.joined(separator: ",\n  "))]\n"
        for series in chart.series {
            let points = (0..<count).map { "(\($0),\(ReportNumber.format(max(0, SVGChart.value(series, $0)), digits: 4, trim: true)))" }
            let style = chart.kind == .line ? "+[mark=*,mark size=1.2pt]" : ""
            out += "\\addplot\(style) coordinates {\(points.joined(separator: " "))};\n"
        }
        if chart.series.count > 1 { out += "\\legend{\(chart.series.map { label($0.name) }.joined(separator: ","))}\n" }
        return out + "\\end{axis}\n\\end{tikzpicture}\n\\end{center}\n\n"
    }

    /// Bar width in points for `count` categories across about 400 pt of axis.
    private static func barWidth(_ count: Int) -> Double { max(2, min(24, 300 / Double(max(1, count)))) }

    private static func pie(_ chart: ChartSpec) -> String {
        let first = chart.series[0]
        let slices = chart.categories.indices.compactMap { i -> String? in
            let v = SVGChart.value(first, i)
            return v > 0 ? "\(ReportNumber.format(v, digits: 4, trim: true))/\(label(chart.categories[i]))" : nil
        }
        guard !slices.isEmpty else { return "" }
        var out = "\\begin{center}\n{\\bfseries \(LaTeXEscaper.escape(chart.title, newline: " "))\\par}\n\\begin{tikzpicture}\n"
        out += "\\pie[sum=auto,text=legend,radius=2.5]{\(slices.joined(separator: ", "))}\n"
        if chart.kind == .donut { out += "\\fill[white] (0,0) circle (1.3);\n" }
        return out + "\\end{tikzpicture}\n\\end{center}\n\n"
    }
}
