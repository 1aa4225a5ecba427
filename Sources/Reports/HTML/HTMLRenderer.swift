import Foundation

/// Renders a `ReportDocument` as one self-contained HTML file: inline CSS (screen and print),
/// inline SVG charts, no scripts, and a Content-Security-Policy that forbids them anyway.
public struct HTMLRenderer: DocumentRenderer {
    /// Creates the renderer.
    public init() {}

    /// `html`.
    public var fileExtension: String { "html" }

    /// Writes the page.
    public func render(_ document: ReportDocument, to sink: ByteSink) throws {
        let out = TextOutput(sink: sink)
        let meta = document.metadata
        try out.write("""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Formwork">
        <meta name="date" content="\(Self.timestamp(meta.creationDate))">
        <title>\(HTMLEscaper.escape(meta.title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <main>

        """)
        var headingNumber = 0
        for block in document.blocks {
            switch block {
            case let .heading(level, text):
                headingNumber += 1
                let l = min(6, max(1, level))
                try out.write("<h\(l) id=\"s\(headingNumber)\">\(HTMLEscaper.escape(text))</h\(l)>\n")
            case let .paragraph(text, style):
                try out.write("<p class=\"\(style.rawValue)\">\(Self.lines(text))</p>\n")
            case let .bulletList(items):
                try out.write("<ul>" + items.map { "<li>\(Self.lines($0))</li>" }.joined() + "</ul>\n")
            case let .table(spec):
                try table(spec, out)
            case let .chart(spec):
                try out.write(SVGChart.svg(spec))
            case .pageBreak:
                try out.write("<div class=\"page-break\"></div>\n")
            case .tableOfContents:
                try out.write(Self.contents(document.headings))
            }
        }
        try out.write("</main>\n</body>\n</html>\n")
        try out.flush()
    }

    private func table(_ spec: TableSpec, _ out: TextOutput) throws {
        try out.write("<table>")
        if let caption = spec.caption { try out.write("<caption>\(HTMLEscaper.escape(caption))</caption>") }
        let aligns = spec.columns.map { $0.alignment == .trailing ? " class=\"num\"" : $0.alignment == .center ? " class=\"mid\"" : "" }
        try out.write("<thead><tr>" + spec.columns.enumerated().map { "<th\(aligns[$0])>\(HTMLEscaper.escape($1.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n")
        for row in spec.rows {
            var line = "<tr>"
            for index in spec.columns.indices {
                line += "<td\(aligns[index])>\(Self.lines(index < row.count ? row[index] : ""))</td>"
            }
            try out.write(line + "</tr>\n")
        }
        try out.write("</tbody></table>\n")
    }

    /// Escaped text with line breaks kept.
    static func lines(_ text: String) -> String {
        HTMLEscaper.escape(text).replacingOccurrences(of: "\n", with: "<br>")
    }

    static func contents(_ headings: [(level: Int, text: String)]) -> String {
        let items = headings.enumerated().filter { $0.element.level >= 2 && $0.element.level <= 3 }.map { index, h in
            "<li class=\"toc\(h.level)\"><a href=\"#s\(index + 1)\">\(HTMLEscaper.escape(h.text))</a></li>"
        }
        return "<nav class=\"toc\"><h2>Contents</h2><ul>" + items.joined() + "</ul></nav>\n"
    }

    /// ISO 8601 in UTC, second precision.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        return LocalDateFormatting.iso(daysSince1970: days) + String(format: "T%02d:%02d:%02dZ", rest / 3600, rest / 60 % 60, rest % 60)
    }

    static let css = """
    body{font-family:"DejaVu Sans",system-ui,sans-serif;color:#222;margin:0;line-height:1.45}
    main{max-width:60rem;margin:0 auto;padding:1.5rem}
    h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
    p.caption{color:#666;font-size:.85rem}p.strong{font-weight:bold}
    p.quote{border-left:3px solid #4e79a7;padding-left:.8rem;color:#444;font-style:italic}
    table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}
    th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
    th{border-bottom:2px solid #888;background:#f4f4f4}td.num,th.num{text-align:right}td.mid,th.mid{text-align:center}
    figure.chart{margin:1rem 0}figure.chart svg{width:100%;max-width:40rem;height:auto}figcaption{font-size:.85rem;color:#555}
    ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.8rem;font-size:.8rem}
    .swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
    nav.toc li.toc3{margin-left:1.2rem}
    @media print{main{max-width:none;padding:0}h2,h3{break-after:avoid}thead{display:table-header-group}
    tr,figure{break-inside:avoid}.page-break{break-after:page}a{color:inherit;text-decoration:none}
    @page{size:A4;margin:18mm}}
    """
}
