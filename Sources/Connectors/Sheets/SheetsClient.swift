import Foundation
import HTTP

/// The Google Sheets API v4 calls Formwork makes. Every write uses `valueInputOption=RAW`,
/// so an answer such as `=IMPORTXML(...)` is stored as text and can never run as a formula.
/// Throttled calls (429) are retried with backoff by the sender.
public struct SheetsClient: Sendable {
    static let service = "Google Sheets"
    /// The API base, up to and including `/v4`.
    public var baseURL: String
    /// Sends the requests, retrying throttled ones.
    public var sender: RetryingSender
    /// Supplies the bearer token for each call.
    public var token: @Sendable () throws -> String

    /// A client for the API at `baseURL`.
    public init(baseURL: String, sender: RetryingSender, token: @escaping @Sendable () throws -> String) {
        self.baseURL = baseURL
        self.sender = sender
        self.token = token
    }

    /// `values.get` with numbers unformatted and dates as serial numbers.
    public func values(_ spreadsheet: String, range: String) throws -> ValueRange {
        let path = "/spreadsheets/\(FormBody.escape(spreadsheet))/values/\(A1Range.pathEncoded(range))"
            + "?majorDimension=ROWS&valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER"
        return ValueRange(json: try call(.get, path))
    }

    /// `values.batchGet` for several ranges in one request.
    public func batchValues(_ spreadsheet: String, ranges: [String]) throws -> [ValueRange] {
        let query = ranges.map { "ranges=\(A1Range.pathEncoded($0))" }.joined(separator: "&")
        let path = "/spreadsheets/\(FormBody.escape(spreadsheet))/values:batchGet?\(query)&valueRenderOption=UNFORMATTED_VALUE"
        let object = try call(.get, path)
        return ((object["valueRanges"] as? [[String: Any]]) ?? []).map(ValueRange.init(json:))
    }

    /// `values.update` of one range; returns the number of cells updated.
    @discardableResult
    public func update(_ spreadsheet: String, _ data: ValueRange) throws -> Int {
        let path = "/spreadsheets/\(FormBody.escape(spreadsheet))/values/\(A1Range.pathEncoded(data.range))?valueInputOption=RAW"
        return (try call(.put, path, body: data.json)["updatedCells"] as? Int) ?? 0
    }

    /// `values.append` after the table found in `range`, inserting rows; returns the range written.
    @discardableResult
    public func append(_ spreadsheet: String, range: String, rows: [[SheetValue]]) throws -> String {
        let path = "/spreadsheets/\(FormBody.escape(spreadsheet))/values/\(A1Range.pathEncoded(range)):append"
            + "?valueInputOption=RAW&insertDataOption=INSERT_ROWS"
        let object = try call(.post, path, body: ["values": rows.map { $0.map(\.json) }])
        return ((object["updates"] as? [String: Any])?["updatedRange"] as? String) ?? ""
    }

    /// `values.batchUpdate` of several ranges in one request; returns the cells updated.
    @discardableResult
    public func batchUpdate(_ spreadsheet: String, _ data: [ValueRange]) throws -> Int {
        let body: [String: Any] = ["valueInputOption": "RAW", "data": data.map(\.json)]
        return (try call(.post, "/spreadsheets/\(FormBody.escape(spreadsheet))/values:batchUpdate", body: body)["totalUpdatedCells"] as? Int) ?? 0
    }

    /// `values.batchClear` of whole ranges (used before rewriting a sheet).
    public func clear(_ spreadsheet: String, ranges: [String]) throws {
        _ = try call(.post, "/spreadsheets/\(FormBody.escape(spreadsheet))/values:batchClear", body: ["ranges": ranges])
    }

    /// `spreadsheets.create` with the named sheets.
    public func create(title: String, sheets: [String]) throws -> SpreadsheetInfo {
        let body: [String: Any] = ["properties": ["title": title], "sheets": sheets.map { ["properties": ["title": $0]] }]
        return SpreadsheetInfo(json: try call(.post, "/spreadsheets", body: body))
    }

    /// `spreadsheets.get` without grid data: the title and the sheets.
    public func spreadsheet(_ spreadsheet: String) throws -> SpreadsheetInfo {
        let fields = FormBody.escape("spreadsheetId,spreadsheetUrl,properties.title,sheets.properties")
        return SpreadsheetInfo(json: try call(.get, "/spreadsheets/\(FormBody.escape(spreadsheet))?fields=\(fields)&includeGridData=false"))
    }

    /// `spreadsheets.batchUpdate` adding sheets (applied atomically: all or none).
    public func addSheets(_ spreadsheet: String, titles: [String]) throws {
        guard !titles.isEmpty else { return }
        let requests = titles.map { ["addSheet": ["properties": ["title": $0]]] }
        _ = try call(.post, "/spreadsheets/\(FormBody.escape(spreadsheet)):batchUpdate", body: ["requests": requests])
    }

    private func call(_ method: HTTPMethod, _ path: String, body: Any? = nil) throws -> [String: Any] {
        var headers = HTTPHeaders()
        headers.set("Authorization", "Bearer \(try token())")
        headers.set("Accept", "application/json")
        var request = HTTPRequest(method: method, url: try Endpoint.join(baseURL, path), headers: headers)
        if let body {
            request.body = try JSONBody.data(body)
            request.headers.set("Content-Type", "application/json")
        }
        let response = try sender.send(request)
        guard response.head.isSuccess else { throw JSONBody.apiError(response.body, service: Self.service, status: response.status) }
        return try JSONBody.object(response.body, service: Self.service)
    }
}
