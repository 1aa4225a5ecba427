/// Renders a `ReportDocument` as GitHub-flavoured Markdown: pipe tables, and charts as data
/// tables (Markdown has no drawing). User text is escaped so it stays literal text, and `<`,
/// `>` and `&` become entities, so nothing a respondent writes turns into HTML.
public struct MarkdownRenderer: DocumentRenderer {
    /// Creates the renderer.
    public init() {}

    /// `md`.
    public var fileExtension: String { "md" }

    /// Writes the Markdown text.
    public func render(_ document: ReportDocument, to sink: ByteSink) throws {
        let out = TextOutput(sink: sink)
        for block in document.blocks {
            switch block {
            case let .heading(level, text):
                try out.write(String(repeating: "#", count: min(6, max(1, level))) + " " + Self.inline(text) + "\n\n")
            case let .paragraph(text, style):
                let body = Self.inline(text).replacingOccurrences(of: "\n", with: "  \n")
                switch style {
                case .body: try out.write(body + "\n\n")
                case .strong: try out.write("**" + body + "**\n\n")
                case .caption: try out.write("*" + body + "*\n\n")
                case .quote: try out.write("> " + body.replacingOccurrences(of: "\n", with: "\n> ") + "\n\n")
                }
            case let .bulletList(items):
                try out.write(items.map { "- " + Self.inline($0).replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n\n")
            case let .table(spec):
                try table(spec, out)
            case let .chart(spec):
                try chart(spec, out)
            case .pageBreak:
                try out.write("---\n\n")
            case .tableOfContents:
                let items = document.headings.filter { (2...3).contains($0.level) }
                    .map { String(repeating: "  ", count: $0.level - 2) + "- " + Self.inline($0.text) }
                try out.write("**Contents**\n\n" + items.joined(separator: "\n") + "\n\n")
            }
        }
        try out.flush()
    }

    private func table(_ spec: TableSpec, _ out: TextOutput) throws {
        if let caption = spec.caption { try out.write("*" + Self.inline(caption) + "*\n\n") }
        try out.write("| " + spec.columns.map { Self.cell($0.title) }.joined(separator: " | ") + " |\n")
        try out.write("|" + spec.columns.map { $0.alignment == .trailing ? " ---: |" : $0.alignment == .center ? " :---: |" : " --- |" }.joined() + "\n")
        for row in spec.rows {
            let cells = spec.columns.indices.map { Self.cell($0 < row.count ? row[$0] : "") }
            try out.write("| " + cells.joined(separator: " | ") + " |\n")
        }
        try out.write("\n")
    }

    private func chart(_ spec: ChartSpec, _ out: TextOutput) throws {
        let columns = [TableColumn(title: spec.kind == .line ? "Period" : "Category")]
            + spec.series.map { TableColumn(title: $0.name, alignment: .trailing) }
        let rows = spec.categories.enumerated().map { i, label in
            [label] + spec.series.map { ChartSpec.compactNumber(SVGChart.value($0, i)) }
        }
        try table(TableSpec(columns: columns, rows: rows, caption: "Chart (\(spec.kind.rawValue)): \(spec.title)"), out)
    }

    /// Escapes Markdown punctuation with backslashes and HTML-significant characters as
    /// entities; block markers (`#`, `-`, `+`, `=`, `1.`) are escaped only at the start of a line.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count + 8)
        var lineStart = true
        var digitsRun = false
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out.append("\\"); out.append(ch)
            case _ where lineStart && "#-+=".contains(ch):
                out.append("\\"); out.append(ch)
            case "." where digitsRun, ")" where digitsRun:
                out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
            digitsRun = ch.isASCII && ch.isNumber && (lineStart || digitsRun)
            lineStart = ch == "\n" || (lineStart && ch == " ")
        }
        return out
    }

    /// A table cell: escaped, on one line.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "\n", with: "<br>")
    }
}
