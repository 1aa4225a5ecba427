import Foundation
import FormCore
import GRDB

/// Stored responses and drafts of responses. Answers are kept as the JSON text
/// `AnswersFile.encode` writes, read back with the form version they were filled in.
public struct ResponseStore {
    let workspace: Workspace

    /// Stores one response to a published version; returns its id.
    @discardableResult
    public func insert(_ response: NewResponse, formID: String, version: Int) throws -> Int64 {
        try insert([response], formID: formID, version: version)[0]
    }

    /// Stores responses in one transaction (all or none); returns their ids in order.
    @discardableResult
    public func insert(_ responses: [NewResponse], formID: String, version: Int) throws -> [Int64] {
        let encoded = try encode(responses, formID: formID, version: version)
        return try workspace.write { db in try Self.insert(encoded, formID: formID, version: version, db) }
    }

    /// Responses with their answers as the JSON text stored, checked against the version's fields.
    func encode(_ responses: [NewResponse], formID: String, version: Int) throws -> [(NewResponse, String)] {
        let fields = try workspace.forms.version(formID, version).pages.flatMap(\.fields)
        return responses.map { ($0, JSONWriter.compact(AnswersFile.encode($0.answers, fields: fields))) }
    }

    /// Inserts encoded responses inside the caller's transaction; returns their ids in order.
    static func insert(_ encoded: [(NewResponse, String)], formID: String, version: Int, _ db: Database) throws -> [Int64] {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO response (formID, version, status, answers, respondent, createdAt, updatedAt, submittedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let now = Date()
        return try encoded.map { response, text in
            try statement.execute(arguments: [formID, version, response.status.rawValue, text, response.respondent,
                                              now, now, response.status == .submitted ? now : nil])
            return db.lastInsertedRowID
        }
    }

    /// Replaces the answers of a draft response.
    public func updateDraft(_ id: Int64, answers: Answers) throws {
        let current = try get(id)
        guard current.status == .draft else { throw WorkspaceError.responseSubmitted(id) }
        let fields = try workspace.forms.version(current.formID, current.version).pages.flatMap(\.fields)
        let text = JSONWriter.compact(AnswersFile.encode(answers, fields: fields))
        try workspace.write { db in
            try db.execute(sql: "UPDATE response SET answers = ?, updatedAt = ? WHERE id = ? AND status = 'draft'",
                           arguments: [text, Date(), id])
            guard db.changesCount == 1 else { throw WorkspaceError.responseSubmitted(id) }
        }
    }

    /// Marks a draft response submitted; its answers never change afterwards.
    public func submit(_ id: Int64) throws {
        try workspace.write { db in
            try db.execute(sql: "UPDATE response SET status = 'submitted', submittedAt = ? WHERE id = ? AND status = 'draft'",
                           arguments: [Date(), id])
            guard db.changesCount == 1 else {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM response WHERE id = ?", arguments: [id]) != nil else {
                    throw WorkspaceError.responseNotFound(id)
                }
                throw WorkspaceError.responseSubmitted(id)
            }
        }
    }

    /// Deletes a response.
    public func delete(_ id: Int64) throws {
        try workspace.write { db in
            try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [id])
            guard db.changesCount == 1 else { throw WorkspaceError.responseNotFound(id) }
        }
    }

    /// One response.
    public func get(_ id: Int64) throws -> StoredResponse {
        var decoder = AnswersDecoder(forms: workspace.forms)
        return try workspace.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM response WHERE id = ?", arguments: [id]) else {
                throw WorkspaceError.responseNotFound(id)
            }
            return try decoder.response(row, db)
        }
    }

    /// How many responses match.
    public func count(_ filter: ResponseFilter) throws -> Int {
        try workspace.read { db in
            let (condition, arguments) = Self.whereClause(filter)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE \(condition)", arguments: arguments) ?? 0
        }
    }

    /// One page of matching responses, oldest first.
    public func list(_ filter: ResponseFilter, offset: Int = 0, limit: Int = 50) throws -> [StoredResponse] {
        var decoder = AnswersDecoder(forms: workspace.forms)
        return try workspace.read { db in
            let (condition, arguments) = Self.whereClause(filter)
            var all = arguments
            all += [limit, offset]
            return try Row.fetchAll(db, sql: "SELECT * FROM response WHERE \(condition) ORDER BY id LIMIT ? OFFSET ?",
                                    arguments: all).map { try decoder.response($0, db) }
        }
    }

    /// Calls `body` with every matching response, oldest first, reading them one at a time
    /// from a single snapshot so that exports of any size run in constant memory.
    public func forEach(_ filter: ResponseFilter, _ body: (StoredResponse) throws -> Void) throws {
        var decoder = AnswersDecoder(forms: workspace.forms)
        try workspace.read { db in
            let (condition, arguments) = Self.whereClause(filter)
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM response WHERE \(condition) ORDER BY id", arguments: arguments)
            while let row = try rows.next() { try body(decoder.response(row, db)) }
        }
    }

    /// Calls `body` with the id and answers of every matching response, oldest first, reading
    /// only those columns (the studio's `/` filter streams every response this way).
    public func forEachAnswers(_ filter: ResponseFilter, _ body: (Int64, Answers) throws -> Void) throws {
        var decoder = AnswersDecoder(forms: workspace.forms)
        try workspace.read { db in
            let (condition, arguments) = Self.whereClause(filter)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, formID, version, answers FROM response WHERE \(condition) ORDER BY id",
                                           arguments: arguments)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                try body(id, decoder.answers(id: id, formID: row[1], version: row[2], text: row[3], db))
            }
        }
    }

    static func whereClause(_ filter: ResponseFilter) -> (String, StatementArguments) {
        var conditions = ["formID = ?"]
        var arguments: StatementArguments = [filter.formID]
        if let version = filter.version { conditions.append("version = ?"); arguments += [version] }
        if let status = filter.status { conditions.append("status = ?"); arguments += [status.rawValue] }
        return (conditions.joined(separator: " AND "), arguments)
    }
}

/// Reads stored rows into responses, parsing each form version once.
struct AnswersDecoder {
    let forms: FormStore
    private var cache: [String: Form] = [:]
    private var readers: [String: AnswersReader] = [:]

    init(forms: FormStore) { self.forms = forms }

    mutating func form(_ formID: String, _ version: Int, _ db: Database) throws -> Form {
        let key = "\(version)/\(formID)"
        if let hit = cache[key] { return hit }
        let form = try FormStore.version(formID, version, db)
        cache[key] = form
        return form
    }

    /// The answers reader of a form version, built once.
    mutating func reader(_ formID: String, _ version: Int, _ db: Database) throws -> AnswersReader {
        let key = "\(version)/\(formID)"
        if let hit = readers[key] { return hit }
        let reader = AnswersReader(form: try form(formID, version, db))
        readers[key] = reader
        return reader
    }

    /// The stored answers text of response `id`, decoded for its form version.
    mutating func answers(id: Int64, formID: String, version: Int, text: String, _ db: Database) throws -> Answers {
        do { return try reader(formID, version, db).decode(text) } catch {
            throw WorkspaceError.invalid("the stored answers of response \(id) cannot be read: \(error)")
        }
    }

    mutating func response(_ row: Row, _ db: Database) throws -> StoredResponse {
        let id: Int64 = row["id"], formID: String = row["formID"], version: Int = row["version"]
        let answers = try self.answers(id: id, formID: formID, version: version, text: row["answers"], db)
        guard let status = ResponseStatus(rawValue: row["status"]) else {
            throw WorkspaceError.invalid("response \(id) has an unknown status")
        }
        return StoredResponse(id: id, formID: formID, version: version, status: status, answers: answers,
                              respondent: row["respondent"], createdAt: row["createdAt"], updatedAt: row["updatedAt"],
                              submittedAt: row["submittedAt"], revision: row["revision"])
    }
}
