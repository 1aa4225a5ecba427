import Connectors
import Foundation
import HTTPTestSupport

/// A fake Sheets API v4 holding spreadsheets in memory. It parses the A1 ranges the client
/// sends (quoted sheet names, URL-encoded), checks the bearer token and `valueInputOption`,
/// and can be told to throttle.
public final class FakeSheets: @unchecked Sendable {
    public struct Sheet {
        public var title: String
        public var id: Int
        public var rows: [[Any]] = []
    }

    public struct State {
        public var spreadsheets: [String: [Sheet]] = [:]
        public var throttleNext = 0
        public var created = 0
        public var valueInputOptions: [String] = []
    }

    public let state = Locked(State())
    public private(set) var server: LoopbackServer!
    public let token: String

    public init(token: String = "sheets-token") throws {
        self.token = token
        server = try LoopbackServer { [unowned self] request in self.handle(request) }
    }

    public var baseURL: String { server.url("/v4").absoluteString }

    public func add(_ spreadsheet: String, sheet: String, rows: [[Any]]) {
        state.update { state in
            var sheets = state.spreadsheets[spreadsheet] ?? []
            sheets.append(Sheet(title: sheet, id: sheets.count, rows: rows))
            state.spreadsheets[spreadsheet] = sheets
        }
    }

    public func rows(_ spreadsheet: String, sheet: String) -> [[Any]] {
        state.read { $0.spreadsheets[spreadsheet]?.first { $0.title == sheet }?.rows ?? [] }
    }

    private func handle(_ request: LoopbackRequest) -> LoopbackResponse {
        guard request.header("Authorization") == "Bearer \(token)" else {
            return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
        }
        let throttled = state.update { state -> Bool in
            guard state.throttleNext > 0 else { return false }
            state.throttleNext -= 1
            return true
        }
        if throttled { return error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Write requests'") }
        let path = String(request.path.dropFirst("/v4/spreadsheets".count))
        if path.isEmpty, request.method == "POST" { return create(request) }
        let decoded = path.removingPercentEncoding ?? path
        let trimmed = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : decoded
        let id = String(trimmed.prefix { $0 != "/" && $0 != ":" })
        guard state.read({ $0.spreadsheets[id] != nil }) else { return error(404, "NOT_FOUND", "Requested entity was not found.") }
        let rest = String(trimmed.dropFirst(id.count))
        if let option = request.decodedQuery["valueInputOption"] { state.update { $0.valueInputOptions.append(option) } }
        switch (request.method, rest) {
        case ("GET", ""): return info(id)
        case ("POST", ":batchUpdate"): return addSheets(id, request)
        case ("GET", "/values:batchGet"): return batchGet(id, request)
        case ("POST", "/values:batchUpdate"): return batchUpdate(id, request)
        case ("POST", "/values:batchClear"): return batchClear(id, request)
        case ("GET", _) where rest.hasPrefix("/values/"): return get(id, String(rest.dropFirst(8)))
        case ("PUT", _) where rest.hasPrefix("/values/"): return update(id, String(rest.dropFirst(8)), request)
        case ("POST", _) where rest.hasPrefix("/values/") && rest.hasSuffix(":append"):
            return append(id, String(rest.dropFirst(8).dropLast(7)), request)
        default: return error(404, "NOT_FOUND", "no such method")
        }
    }

    public func error(_ code: Int, _ status: String, _ message: String) -> LoopbackResponse {
        jsonResponse(code, ["error": ["code": code, "message": message, "status": status]])
    }

    /// (sheet index, first row index, first column index) for an A1 range; nil when unparsable.
    private func locate(_ id: String, _ range: String) -> (Int, Int, Int)? {
        let sheets = state.read { $0.spreadsheets[id] ?? [] }
        var name = range
        var cells = ""
        if range.hasPrefix("'") {
            guard let close = range.dropFirst().range(of: "'!") ?? (range.hasSuffix("'") ? range.range(of: "'", options: .backwards) : nil) else { return nil }
            name = String(range[range.index(after: range.startIndex)..<close.lowerBound]).replacingOccurrences(of: "''", with: "'")
            cells = close.upperBound < range.endIndex ? String(range[close.upperBound...]) : ""
        } else if let bang = range.firstIndex(of: "!") {
            name = String(range[..<bang])
            cells = String(range[range.index(after: bang)...])
        } else if let first = sheets.first, !sheets.contains(where: { $0.title == range }) {
            name = first.title
            cells = range
        }
        guard let index = sheets.firstIndex(where: { $0.title == name }) else { return nil }
        let start = cells.split(separator: ":").first.map(String.init) ?? ""
        let letters = start.prefix { $0.isLetter }
        guard letters.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        let column = letters.reduce(0) { $0 * 26 + Int($1.asciiValue! - 64) }
        let row = Int(start.dropFirst(letters.count)) ?? 1
        return (index, row - 1, max(column - 1, 0))
    }

    private func get(_ id: String, _ range: String) -> LoopbackResponse {
        guard let (sheet, row, _) = locate(id, range) else { return error(400, "INVALID_ARGUMENT", "Unable to parse range: \(range)") }
        let (title, rows) = state.read { ($0.spreadsheets[id]![sheet].title, $0.spreadsheets[id]![sheet].rows) }
        let values = Array(rows.dropFirst(row))
        return jsonResponse(200, ["range": "'\(title)'!A\(row + 1):Z\(row + values.count)", "majorDimension": "ROWS", "values": values])
    }

    private func batchGet(_ id: String, _ request: LoopbackRequest) -> LoopbackResponse {
        let ranges = request.target.split(separator: "?").last.map(String.init)?.split(separator: "&")
            .filter { $0.hasPrefix("ranges=") }.map { String($0.dropFirst(7)).removingPercentEncoding ?? "" } ?? []
        var out: [[String: Any]] = []
        for range in ranges {
            guard let (sheet, row, _) = locate(id, range) else { return error(400, "INVALID_ARGUMENT", "Unable to parse range: \(range)") }
            let rows = state.read { $0.spreadsheets[id]![sheet].rows }
            out.append(["range": range, "majorDimension": "ROWS", "values": Array(rows.dropFirst(row))])
        }
        return jsonResponse(200, ["spreadsheetId": id, "valueRanges": out])
    }

    private func write(_ id: String, _ range: String, _ values: [[Any]]) -> Int? {
        guard let (sheet, row, column) = locate(id, range) else { return nil }
        state.update { state in
            var rows = state.spreadsheets[id]![sheet].rows
            for (offset, values) in values.enumerated() {
                while rows.count <= row + offset { rows.append([]) }
                var target = rows[row + offset]
                while target.count < column + values.count { target.append("") }
                target.replaceSubrange(column..<(column + values.count), with: values)
                rows[row + offset] = target
            }
            state.spreadsheets[id]![sheet].rows = rows
        }
        return values.reduce(0) { $0 + $1.count }
    }

    private func update(_ id: String, _ range: String, _ request: LoopbackRequest) -> LoopbackResponse {
        let values = (request.jsonBody?["values"] as? [[Any]]) ?? []
        guard let cells = write(id, range, values) else { return error(400, "INVALID_ARGUMENT", "Unable to parse range: \(range)") }
        return jsonResponse(200, ["spreadsheetId": id, "updatedRange": range, "updatedRows": values.count, "updatedCells": cells])
    }

    private func append(_ id: String, _ range: String, _ request: LoopbackRequest) -> LoopbackResponse {
        guard let (sheet, _, _) = locate(id, range) else { return error(400, "INVALID_ARGUMENT", "Unable to parse range: \(range)") }
        let values = (request.jsonBody?["values"] as? [[Any]]) ?? []
        let (title, start) = state.read { ($0.spreadsheets[id]![sheet].title, $0.spreadsheets[id]![sheet].rows.count) }
        _ = write(id, "'\(title)'!A\(start + 1)", values)
        return jsonResponse(200, ["spreadsheetId": id, "updates": ["updatedRange": "'\(title)'!A\(start + 1):C\(start + values.count)", "updatedRows": values.count]])
    }

    private func batchUpdate(_ id: String, _ request: LoopbackRequest) -> LoopbackResponse {
        let body = request.jsonBody ?? [:]
        state.update { $0.valueInputOptions.append((body["valueInputOption"] as? String) ?? "missing") }
        var total = 0
        for entry in (body["data"] as? [[String: Any]]) ?? [] {
            let range = (entry["range"] as? String) ?? ""
            guard let cells = write(id, range, (entry["values"] as? [[Any]]) ?? []) else {
                return error(400, "INVALID_ARGUMENT", "Unable to parse range: \(range)")
            }
            total += cells
        }
        return jsonResponse(200, ["spreadsheetId": id, "totalUpdatedCells": total])
    }

    private func batchClear(_ id: String, _ request: LoopbackRequest) -> LoopbackResponse {
        for range in (request.jsonBody?["ranges"] as? [String]) ?? [] {
            guard let (sheet, _, _) = locate(id, range) else { return error(400, "INVALID_ARGUMENT", "Unable to parse range: \(range)") }
            state.update { $0.spreadsheets[id]![sheet].rows = [] }
        }
        return jsonResponse(200, ["spreadsheetId": id, "clearedRanges": []])
    }

    private func create(_ request: LoopbackRequest) -> LoopbackResponse {
        let body = request.jsonBody ?? [:]
        let title = ((body["properties"] as? [String: Any])?["title"] as? String) ?? "Untitled"
        let names = ((body["sheets"] as? [[String: Any]]) ?? []).compactMap { ($0["properties"] as? [String: Any])?["title"] as? String }
        let id = state.update { state -> String in
            state.created += 1
            let id = "created-\(state.created)"
            state.spreadsheets[id] = names.enumerated().map { Sheet(title: $0.element, id: $0.offset) }
            return id
        }
        var object = infoObject(id)
        object["properties"] = ["title": title]
        return jsonResponse(200, object)
    }

    private func infoObject(_ id: String) -> [String: Any] {
        let sheets = state.read { $0.spreadsheets[id] ?? [] }
        return ["spreadsheetId": id, "spreadsheetUrl": "https://docs.google.com/spreadsheets/d/\(id)/edit", "properties": ["title": "Fake"],
                "sheets": sheets.map { ["properties": ["sheetId": $0.id, "title": $0.title, "index": $0.id]] }]
    }

    private func info(_ id: String) -> LoopbackResponse { jsonResponse(200, infoObject(id)) }

    private func addSheets(_ id: String, _ request: LoopbackRequest) -> LoopbackResponse {
        let requests = (request.jsonBody?["requests"] as? [[String: Any]]) ?? []
        let titles = requests.compactMap { (($0["addSheet"] as? [String: Any])?["properties"] as? [String: Any])?["title"] as? String }
        // All or nothing, like the real batchUpdate: a duplicate title fails the whole request.
        let existing = Set(state.read { $0.spreadsheets[id]!.map(\.title) })
        if titles.contains(where: existing.contains) { return error(400, "INVALID_ARGUMENT", "A sheet with that name already exists.") }
        state.update { state in
            for title in titles { state.spreadsheets[id]!.append(Sheet(title: title, id: state.spreadsheets[id]!.count)) }
        }
        return jsonResponse(200, ["spreadsheetId": id, "replies": titles.map { ["addSheet": ["properties": ["title": $0]]] }])
    }
}
