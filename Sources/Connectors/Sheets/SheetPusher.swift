import FormCore
import Foundation

/// Where a push writes.
public enum PushTarget: Equatable, Sendable {
    /// An existing spreadsheet, by id.
    case existing(String)
    /// A new spreadsheet with this title.
    case create(title: String)
}

/// What a push did.
public struct PushResult: Equatable, Sendable {
    /// The spreadsheet written.
    public var spreadsheetID: String
    /// Its address, when known.
    public var url: String?
    /// Response rows written (without the header).
    public var responseRows: Int
    /// Cells the API reported updated.
    public var updatedCells: Int
    /// `values.batchUpdate` requests sent.
    public var writeRequests: Int
}

/// Writes a form's responses and summary to a spreadsheet: creates it (or adds missing
/// sheets), clears the two sheets, then writes everything in as few `values.batchUpdate`
/// calls as the ~2 MB payload guideline allows. Rewriting whole sheets keeps pushes
/// idempotent: a retried push never duplicates rows as a blind append would.
public struct SheetPusher: Sendable {
    /// The API client.
    public var client: SheetsClient
    /// The responses sheet's title.
    public var responsesSheet: String
    /// The summary sheet's title.
    public var summarySheet: String
    /// The largest JSON payload per request, in bytes.
    public var maxPayloadBytes: Int

    /// A pusher writing to the named sheets.
    public init(client: SheetsClient, responsesSheet: String = "Responses", summarySheet: String = "Summary", maxPayloadBytes: Int = 2_000_000) {
        self.client = client
        self.responsesSheet = responsesSheet
        self.summarySheet = summarySheet
        self.maxPayloadBytes = maxPayloadBytes
    }

    /// Pushes; `progress` hears (requests done, requests planned) after each write.
    public func push(form: Form, responses: [PushResponse], to target: PushTarget,
                     progress: (Int, Int) -> Void = { _, _ in }) throws -> PushResult {
        let info = try prepare(target)
        try client.clear(info.id, ranges: [A1Range.range(sheet: responsesSheet), A1Range.range(sheet: summarySheet)])
        let batches = plan(form: form, responses: responses)
        var cells = 0
        for (index, batch) in batches.enumerated() {
            cells += try client.batchUpdate(info.id, batch)
            progress(index + 1, batches.count)
        }
        return PushResult(spreadsheetID: info.id, url: info.url, responseRows: responses.count, updatedCells: cells, writeRequests: batches.count)
    }

    private func prepare(_ target: PushTarget) throws -> SpreadsheetInfo {
        switch target {
        case .create(let title):
            return try client.create(title: title, sheets: [responsesSheet, summarySheet])
        case .existing(let id):
            let info = try client.spreadsheet(id)
            let present = Set(info.sheets.map(\.title))
            try client.addSheets(id, titles: [responsesSheet, summarySheet].filter { !present.contains($0) })
            return info
        }
    }

    /// The writes, grouped into requests under the payload limit. Row blocks keep their
    /// position with an explicit start row, so batches can be sent in any number.
    func plan(form: Form, responses: [PushResponse]) -> [[ValueRange]] {
        var batches: [[ValueRange]] = []
        var current: [ValueRange] = []
        var currentBytes = 0
        func add(_ range: ValueRange) {
            let size = estimate(range.values)
            if !current.isEmpty && currentBytes + size > maxPayloadBytes {
                batches.append(current)
                current = []
                currentBytes = 0
            }
            current.append(range)
            currentBytes += size
        }
        for block in blocks(SheetExport.responseRows(form: form, responses: responses), sheet: responsesSheet) { add(block) }
        for block in blocks(SheetExport.summaryRows(form: form, responses: responses), sheet: summarySheet) { add(block) }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// Splits rows into ranges of at most about a quarter of the payload limit each.
    private func blocks(_ rows: [[SheetValue]], sheet: String) -> [ValueRange] {
        var result: [ValueRange] = []
        var start = 0
        while start < rows.count {
            var end = start
            var bytes = 0
            while end < rows.count && (end == start || bytes + estimate([rows[end]]) <= maxPayloadBytes / 4) {
                bytes += estimate([rows[end]])
                end += 1
            }
            result.append(ValueRange(range: A1Range.range(sheet: sheet, cells: "A\(start + 1)"), values: Array(rows[start..<end])))
            start = end
        }
        return result
    }

    /// A close upper estimate of the JSON size of rows (quotes, commas, escapes).
    private func estimate(_ rows: [[SheetValue]]) -> Int {
        rows.reduce(0) { total, row in total + row.reduce(4) { $0 + $1.description.utf8.count * 2 + 4 } }
    }
}
