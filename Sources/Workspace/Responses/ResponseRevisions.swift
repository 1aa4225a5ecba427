import Foundation
import FormCore
import GRDB

/// One saved version of a response's answers.
public struct ResponseRevision: Equatable, Sendable {
    /// 1 for the answers as first stored, counting up with every edit.
    public let revision: Int
    /// The answers of that version.
    public let answers: Answers
    /// Draft or submitted, at that version.
    public let status: ResponseStatus
    /// When that version was saved.
    public let savedAt: Date
}

extension ResponseStore {
    /// Replaces a response's answers with an edited version if its revision is still
    /// `expectedRevision`, keeping the previous answers in the history; returns the new revision.
    ///
    /// The answers are checked against the form version the response was filled in (values
    /// that fit their fields, required answers, ranges, constraints); a response with errors
    /// is refused with `WorkspaceError.invalid` naming them.
    @discardableResult
    public func update(id: Int64, answers: Answers, expectedRevision: Int) throws -> Int {
        let current = try get(id)
        let form = try workspace.forms.version(current.formID, current.version)
        let errors = try ResponseValidator.validate(RuleEngine(form: form, answers: answers)).filter { $0.severity == .error }
        if !errors.isEmpty {
            throw WorkspaceError.invalid("response \(id) does not fit version \(form.version) of \"\(form.id)\": "
                + errors.map { "\($0.path): \($0.message)" }.joined(separator: "; "))
        }
        let text = JSONWriter.compact(AnswersFile.encode(answers, fields: form.pages.flatMap(\.fields)))
        return try workspace.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT revision, answers, status, updatedAt FROM response WHERE id = ?",
                                             arguments: [id]) else { throw WorkspaceError.responseNotFound(id) }
            let actual: Int = row["revision"]
            guard actual == expectedRevision else {
                throw WorkspaceError.responseConflict(id: id, expected: expectedRevision, actual: actual)
            }
            try db.execute(sql: "INSERT INTO response_revision (responseID, revision, answers, status, savedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, actual, row["answers"] as String, row["status"] as String, row["updatedAt"] as Date])
            try db.execute(sql: "UPDATE response SET answers = ?, revision = ?, updatedAt = ? WHERE id = ?",
                           arguments: [text, actual + 1, Date(), id])
            return actual + 1
        }
    }

    /// Every version of a response's answers, oldest first, ending with the current one.
    public func history(_ id: Int64) throws -> [ResponseRevision] {
        let current = try get(id)
        let form = try workspace.forms.version(current.formID, current.version)
        let earlier = try workspace.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM response_revision WHERE responseID = ? ORDER BY revision", arguments: [id])
        }
        return try earlier.map { row in
            let answers: Answers
            do { answers = try AnswersFile.decode(row["answers"] as String, form: form) } catch {
                throw WorkspaceError.invalid("revision \(row["revision"] as Int) of response \(id) cannot be read: \(error)")
            }
            return ResponseRevision(revision: row["revision"], answers: answers,
                                    status: ResponseStatus(rawValue: row["status"]) ?? .submitted, savedAt: row["savedAt"])
        } + [ResponseRevision(revision: current.revision, answers: current.answers, status: current.status, savedAt: current.updatedAt)]
    }
}
