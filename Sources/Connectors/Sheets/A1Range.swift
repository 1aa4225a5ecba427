import Foundation

/// A1 notation helpers. Sheet names are always quoted (`'My Sheet'!A1`): an unquoted `A1`
/// could name a cell or a sheet, and names with spaces or punctuation need quotes anyway.
public enum A1Range {
    /// `'name'` with any single quote inside doubled (`'Jon''s Data'`).
    public static func quote(_ sheet: String) -> String {
        "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `'sheet'!cells`, or the quoted sheet alone when `cells` is empty.
    public static func range(sheet: String, cells: String = "") -> String {
        cells.isEmpty ? quote(sheet) : quote(sheet) + "!" + cells
    }

    /// A range as it goes in a URL path: everything but unreserved characters and `!`, `:`
    /// percent-encoded (`'My Sheet'!A1` → `%27My%20Sheet%27!A1`).
    public static func pathEncoded(_ range: String) -> String {
        range.addingPercentEncoding(withAllowedCharacters: FormBody.unreserved.union(CharacterSet(charactersIn: "!:"))) ?? range
    }

    /// The column letters for a 1-based column number (1 → A, 27 → AA).
    public static func column(_ number: Int) -> String {
        var n = max(number, 1)
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The first row number of a range as the API echoes it (`'Form Responses 1'!A5:C9` → 5);
    /// 1 when the range starts at a whole column.
    public static func firstRow(of range: String) -> Int {
        let cells = range.range(of: "!", options: .backwards).map { String(range[$0.upperBound...]) } ?? range
        let start = cells.split(separator: ":").first.map(String.init) ?? cells
        return Int(start.drop { $0.isLetter }) ?? 1
    }
}
