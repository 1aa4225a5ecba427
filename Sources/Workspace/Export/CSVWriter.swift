/// RFC 4180 cell quoting for exports.
enum CSVWriter {
    /// One line of cells, quoted where needed, ending in CRLF as RFC 4180 asks.
    static func line(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }

    /// A cell wrapped in double quotes (inner quotes doubled) when it holds a comma, a quote,
    /// a line break, or leading/trailing spaces that a reader might trim.
    static func quote(_ cell: String) -> String {
        let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || cell.first == " " || cell.last == " "
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
