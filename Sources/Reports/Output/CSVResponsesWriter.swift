import FormCore

/// Writes responses as RFC 4180 CSV (CRLF, quoted when needed), streaming from the source.
///
/// Cells that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return — get a leading `'` (OWASP CSV injection guidance). Control characters
/// that formats forbid are removed first.
public struct CSVResponsesWriter {
    /// The form whose fields are the columns.
    public let form: Form

    /// Creates a writer for `form`'s answerable fields.
    public init(form: Form) { self.form = form }

    /// Streams every response of `stream` to `sink`; returns the number of rows.
    @discardableResult
    public func write(_ stream: inout some ResponseStream, to sink: ByteSink, cancelled: () -> Bool = { false }) throws -> Int {
        let fields = ReportFields.answerable(in: form)
        let out = TextOutput(sink: sink)
        try out.write(Self.row(fields.map(\.key)))
        var count = 0
        while let record = try stream.next() {
            if cancelled() { throw ExportError.cancelled }
            try out.write(Self.row(fields.map { AnswerCoding.text(for: record.answers[$0.key]) }))
            count += 1
        }
        try out.flush()
        return count
    }

    /// One CSV line with CRLF.
    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A neutralised, quoted-if-needed cell.
    public static func cell(_ raw: String) -> String {
        // Tab and CR are checked before sanitising, which would turn a leading CR into LF.
        var text = raw
        if let first = text.unicodeScalars.first, first == "\t" || first == "\r" { text = "'" + text }
        text = TextSanitizer.clean(text)
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
