import Foundation
import FormCore
import GRDB

/// What a listing of ids is ordered by.
public enum ResponseOrder: Equatable, Sendable {
    /// The order they were stored in.
    case id
    /// Submission time; drafts last.
    case submitted
    /// The answer to a top-level field (SQLite's order: numbers before text); unanswered last.
    case answer(key: String)
}

extension ResponseStore {
    /// The ids of the responses `filter` selects, in `order`: the compact index a table keeps
    /// in memory (8 bytes a response) while it loads only the rows it shows.
    public func ids(_ filter: ResponseFilter, order: ResponseOrder, descending: Bool = false) throws -> [Int64] {
        let direction = descending ? "DESC" : "ASC"
        let (condition, arguments) = Self.whereClause(filter)
        var all = arguments
        let orderBy: String
        switch order {
        case .id: orderBy = "id \(direction)"
        case .submitted: orderBy = "submittedAt IS NULL, submittedAt \(direction), id \(direction)"
        case .answer(let key):
            // The key goes in as an argument (quoted as a JSON path member), never into the SQL text.
            let path = "$.\"" + key.replacingOccurrences(of: "\"", with: "") + "\""
            all += [path, path]
            orderBy = "json_extract(answers, ?) IS NULL, json_extract(answers, ?) \(direction), id \(direction)"
        }
        let sql = "SELECT id FROM response WHERE \(condition) ORDER BY \(orderBy)"
        return try workspace.read { db in try Int64.fetchAll(db, sql: sql, arguments: all) }
    }

    /// These responses, in the order of `ids`; ids no longer stored are left out.
    public func get(ids: [Int64]) throws -> [StoredResponse] {
        guard !ids.isEmpty else { return [] }
        var decoder = AnswersDecoder(forms: workspace.forms)
        let found = try workspace.read { db -> [Int64: StoredResponse] in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM response WHERE id IN (\(marks))", arguments: StatementArguments(ids))
            return try Dictionary(rows.map { try decoder.response($0, db) }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return ids.compactMap { found[$0] }
    }
}
