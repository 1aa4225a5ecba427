import ArgumentParser
import Foundation
import Insights
import Workspace

/// `formwork ai usage`: the usage ledger as a table or JSON.
struct AIUsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Show every AI call: provider, model, tokens, cost, latency and outcome."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "Only calls since: a duration back from now (30m, 24h, 7d) or a date (2026-11-01, ISO 8601).")
    var since: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        try guarded {
            let ledger = WorkspaceUsageLedger(workspace: try Workspace.open(at: try workspace.directory()))
            let start = try since.map { try Self.parseSince($0, now: Date()) }
            let records = try ledger.records(since: start)
            output(json ? [try UsageTable.json(records)] : UsageTable.lines(records))
        }
    }

    /// "30m", "24h", "7d" back from `now`, or a date.
    static func parseSince(_ text: String, now: Date) throws -> Date {
        let units: [Character: Double] = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let unit = text.last, let factor = units[unit], let amount = Double(text.dropLast()), amount >= 0 {
            return now.addingTimeInterval(-amount * factor)
        }
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return date }
        iso.formatOptions = [.withFullDate]
        if let date = iso.date(from: text) { return date }
        throw AICommandError.badSince(text)
    }
}

/// Formats ledger records.
enum UsageTable {
    static func lines(_ records: [UsageRecord]) -> [String] {
        guard !records.isEmpty else { return ["no AI calls recorded"] }
        let header = ["time (UTC)", "provider", "model", "section", "in", "out", "cost", "ms", "outcome"]
        var rows = records.map { record in
            [timestamp(record.date), record.provider, record.model, record.section, String(record.inputTokens), String(record.outputTokens),
             String(format: "$%.4f", record.cost), String(record.latencyMs), record.outcome]
        }
        let tokensIn = records.reduce(0) { $0 + $1.inputTokens }
        let tokensOut = records.reduce(0) { $0 + $1.outputTokens }
        let cost = records.reduce(0) { $0 + $1.cost }
        rows.append(["total", "", "", "\(records.count) calls", String(tokensIn), String(tokensOut), String(format: "$%.4f", cost), "", ""])
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [4, 5, 6, 7]
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    static func json(_ records: [UsageRecord]) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Report: Encodable {
            var records: [UsageRecord]
            var totals: [String: Double]
        }
        let totals = ["calls": Double(records.count), "inputTokens": Double(records.reduce(0) { $0 + $1.inputTokens }),
                      "outputTokens": Double(records.reduce(0) { $0 + $1.outputTokens }), "cost": records.reduce(0) { $0 + $1.cost }]
        return String(decoding: try encoder.encode(Report(records: records, totals: totals)), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
