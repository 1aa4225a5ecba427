import Foundation

/// One cell as the Sheets API carries it in JSON.
public enum SheetValue: Equatable, Sendable, CustomStringConvertible {
    /// Text.
    case string(String)
    /// A number (with UNFORMATTED_VALUE, dates arrive as serial numbers).
    case number(Double)
    /// A checkbox or boolean.
    case bool(Bool)
    /// An empty cell (the API omits trailing ones).
    case empty

    /// Reads a JSON value from a `values` array.
    init(json: Any) {
        switch json {
        // JSONSerialization boxes `true`/`false` as NSNumbers of ObjC type "c" (char); numbers
        // use other types. Checking `as Bool` instead would turn the numbers 0 and 1 into booleans.
        case let number as NSNumber where String(cString: number.objCType) == "c": self = .bool(number.boolValue)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let text as String: self = text.isEmpty ? .empty : .string(text)
        default: self = .empty
        }
    }

    /// The JSON value written to the API. Numbers that are whole go as integers so they read
    /// back the same.
    var json: Any {
        switch self {
        case .string(let text): return text
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return Int(number) }
            return number
        case .bool(let bool): return bool
        case .empty: return ""
        }
    }

    /// The cell as text (empty for an empty cell).
    public var description: String {
        switch self {
        case .string(let text): return text
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let bool): return bool ? "TRUE" : "FALSE"
        case .empty: return ""
        }
    }
}

/// A range and its rows, as `values.get` answers and `values.batchUpdate` takes.
public struct ValueRange: Equatable, Sendable {
    /// The range in A1 notation.
    public var range: String
    /// The rows (majorDimension ROWS); trailing empty cells may be missing.
    public var values: [[SheetValue]]

    /// A range from its parts.
    public init(range: String, values: [[SheetValue]]) {
        self.range = range
        self.values = values
    }

    init(json object: [String: Any]) {
        range = (object["range"] as? String) ?? ""
        values = ((object["values"] as? [[Any]]) ?? []).map { $0.map(SheetValue.init(json:)) }
    }

    var json: [String: Any] {
        ["range": range, "majorDimension": "ROWS", "values": values.map { $0.map(\.json) }]
    }
}

/// A spreadsheet's id, address and sheets.
public struct SpreadsheetInfo: Equatable, Sendable {
    /// The spreadsheet id (from its URL).
    public var id: String
    /// The title.
    public var title: String
    /// The address to open it in a browser.
    public var url: String?
    /// The sheets (tabs): title and numeric id.
    public var sheets: [(title: String, id: Int)]

    /// Two infos are equal when every part is.
    public static func == (lhs: SpreadsheetInfo, rhs: SpreadsheetInfo) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.url == rhs.url
            && lhs.sheets.map(\.title) == rhs.sheets.map(\.title) && lhs.sheets.map(\.id) == rhs.sheets.map(\.id)
    }

    init(json object: [String: Any]) {
        id = (object["spreadsheetId"] as? String) ?? ""
        title = ((object["properties"] as? [String: Any])?["title"] as? String) ?? ""
        url = object["spreadsheetUrl"] as? String
        sheets = ((object["sheets"] as? [[String: Any]]) ?? []).compactMap { sheet in
            guard let properties = sheet["properties"] as? [String: Any], let title = properties["title"] as? String else { return nil }
            return (title, (properties["sheetId"] as? Int) ?? 0)
        }
    }
}
