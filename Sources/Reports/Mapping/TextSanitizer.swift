/// Removes characters no output format may carry: C0 controls other than tab and line feed
/// (NUL, form feed, escape...), DEL, C1 controls, and the non-characters U+FFFE/U+FFFF.
/// Carriage returns become line feeds. Applied to every string before any renderer sees it.
public enum TextSanitizer {
    /// The cleaned text; returns the input unchanged (no copy) when nothing needs removing.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" { out.append("\n"); previousCR = true; continue }
            defer { previousCR = false }
            if scalar == "\n", previousCR { continue }
            if forbidden(scalar) { continue }
            out.append(scalar)
        }
        return String(out)
    }

    private static func needsWork(_ s: Unicode.Scalar) -> Bool { s == "\r" || forbidden(s) }

    private static func forbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 { return v != 0x09 && v != 0x0A }
        return (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}

extension ReportDocument {
    /// The same document with every string passed through `TextSanitizer`.
    public func sanitized() -> ReportDocument {
        let c = TextSanitizer.clean
        var meta = metadata
        meta.title = c(meta.title)
        meta.author = c(meta.author)
        meta.subject = c(meta.subject)
        meta.keywords = meta.keywords.map(c)
        return ReportDocument(metadata: meta, blocks: blocks.map { $0.sanitized() })
    }
}

extension ReportBlock {
    /// This block with its strings cleaned.
    func sanitized() -> ReportBlock {
        let c = TextSanitizer.clean
        switch self {
        case let .heading(level, text): return .heading(level: level, text: c(text))
        case let .paragraph(text, style): return .paragraph(text: c(text), style: style)
        case let .bulletList(items): return .bulletList(items: items.map(c))
        case var .table(spec):
            spec.columns = spec.columns.map { TableColumn(title: c($0.title), width: $0.width, alignment: $0.alignment) }
            spec.rows = spec.rows.map { $0.map(c) }
            spec.caption = spec.caption.map(c)
            return .table(spec)
        case var .chart(spec):
            spec.title = c(spec.title)
            spec.categories = spec.categories.map(c)
            spec.series = spec.series.map { ChartSeries(name: c($0.name), values: $0.values) }
            return .chart(spec)
        case .pageBreak, .tableOfContents: return self
        }
    }
}
