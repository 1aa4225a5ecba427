import Foundation
import FormCore
import GRDB

/// Forms and their versions: one draft per form that changes, and published versions that
/// never change. Saves are compare-and-set on the draft's revision, so two people editing the
/// same form cannot overwrite each other.
public struct FormStore {
    let workspace: Workspace

    /// Every form, ordered by id.
    public func list() throws -> [FormSummary] {
        try workspace.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.id, f.title, f.revision, f.latestVersion, f.updatedAt,
                       (SELECT COUNT(*) FROM response r WHERE r.formID = f.id) AS responses
                FROM form f ORDER BY f.id
                """).map { row in
                FormSummary(id: row["id"], title: row["title"], revision: row["revision"],
                            latestVersion: row["latestVersion"], responseCount: row["responses"],
                            updatedAt: row["updatedAt"])
            }
        }
    }

    /// The form's current draft and its revision.
    public func draft(_ formID: String) throws -> FormDraft {
        try workspace.read { db in try Self.draft(formID, db) }
    }

    /// Saves `form` as the draft of `form.id`, if its revision is still `expectedRevision`
    /// (0 creates a new form). Returns the new revision.
    ///
    /// - Throws: `WorkspaceError.conflict` when someone else saved in between; nothing is written.
    @discardableResult
    public func saveDraft(_ form: Form, expectedRevision: Int) throws -> Int {
        try FormIdentifier.check(form.id)
        return try workspace.write { db in try Self.saveDraft(form, expectedRevision: expectedRevision, db) }
    }

    /// Freezes a copy of the draft as the next published version and returns its number; when
    /// the draft equals the newest version, returns that version's number instead.
    @discardableResult
    public func publish(_ formID: String) throws -> Int {
        try workspace.write { db in try Self.publish(formID, db) }
    }

    /// A published version, exactly as it was frozen.
    public func version(_ formID: String, _ version: Int) throws -> Form {
        try workspace.read { db in try Self.version(formID, version, db) }
    }

    /// The newest published version.
    public func latestVersion(_ formID: String) throws -> Form {
        try workspace.read { db in
            guard let latest = try Int.fetchOne(db, sql: "SELECT latestVersion FROM form WHERE id = ?", arguments: [formID]) else {
                throw WorkspaceError.formNotFound(formID)
            }
            guard latest > 0 else { throw WorkspaceError.notPublished(formID) }
            return try Self.version(formID, latest, db)
        }
    }

    /// Numbers of the published versions, oldest first.
    public func versions(_ formID: String) throws -> [Int] {
        try workspace.read { db in
            _ = try Self.draft(formID, db)
            return try Int.fetchAll(db, sql: "SELECT version FROM form_version WHERE formID = ? ORDER BY version", arguments: [formID])
        }
    }

    // MARK: - Inside transactions

    static func draft(_ formID: String, _ db: Database) throws -> FormDraft {
        guard let row = try Row.fetchOne(db, sql: "SELECT draft, revision, latestVersion FROM form WHERE id = ?", arguments: [formID]) else {
            throw WorkspaceError.formNotFound(formID)
        }
        var form = try decode(row["draft"], what: "draft of \(formID)")
        form.state = .draft
        form.version = (row["latestVersion"] as Int) + 1
        return FormDraft(form: form, revision: row["revision"])
    }

    static func version(_ formID: String, _ version: Int, _ db: Database) throws -> Form {
        guard let text = try String.fetchOne(db, sql: "SELECT definition FROM form_version WHERE formID = ? AND version = ?",
                                             arguments: [formID, version]) else {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM form WHERE id = ?", arguments: [formID]) != nil else {
                throw WorkspaceError.formNotFound(formID)
            }
            throw WorkspaceError.versionNotFound(formID: formID, version: version)
        }
        return try decode(text, what: "version \(version) of \(formID)")
    }

    static func saveDraft(_ form: Form, expectedRevision: Int, _ db: Database) throws -> Int {
        var stored = form
        stored.state = .draft
        let text = FormFile.encode(stored)
        let now = Date()
        if expectedRevision == 0 {
            if let actual = try Int.fetchOne(db, sql: "SELECT revision FROM form WHERE id = ?", arguments: [form.id]) {
                throw WorkspaceError.conflict(formID: form.id, expected: 0, actual: actual)
            }
            try db.execute(sql: """
                INSERT INTO form (id, title, draft, revision, latestVersion, createdAt, updatedAt)
                VALUES (?, ?, ?, 1, 0, ?, ?)
                """, arguments: [form.id, form.title, text, now, now])
            return 1
        }
        // Compare-and-set in one statement: atomic even across processes.
        try db.execute(sql: "UPDATE form SET draft = ?, title = ?, revision = revision + 1, updatedAt = ? WHERE id = ? AND revision = ?",
                       arguments: [text, form.title, now, form.id, expectedRevision])
        guard db.changesCount == 1 else {
            guard let actual = try Int.fetchOne(db, sql: "SELECT revision FROM form WHERE id = ?", arguments: [form.id]) else {
                throw WorkspaceError.formNotFound(form.id)
            }
            throw WorkspaceError.conflict(formID: form.id, expected: expectedRevision, actual: actual)
        }
        return expectedRevision + 1
    }

    /// Publishes the draft as the next version, or as `atLeast` when that is higher (an
    /// imported file keeps its version number).
    static func publish(_ formID: String, _ db: Database, atLeast: Int = 1) throws -> Int {
        var form = try draft(formID, db).form
        let latest = form.version - 1
        // Publishing an unchanged draft would only duplicate the newest version.
        if latest > 0, try sameContent(version(formID, latest, db), form) { return latest }
        form.state = .published
        let number = max(form.version, atLeast)
        form.version = number
        try db.execute(sql: "INSERT INTO form_version (formID, version, definition, publishedAt) VALUES (?, ?, ?, ?)",
                       arguments: [formID, number, FormFile.encode(form), Date()])
        try db.execute(sql: "UPDATE form SET latestVersion = ? WHERE id = ?", arguments: [number, formID])
        return number
    }

    /// Stored forms were written by `FormFile.encode`; a failure here means the database was
    /// edited by hand, which is reported rather than trapped.
    static func decode(_ text: String, what: String) throws -> Form {
        do { return try FormFile.decode(text) } catch {
            throw WorkspaceError.invalid("the stored \(what) cannot be read: \(error)")
        }
    }
}
