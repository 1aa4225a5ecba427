import Foundation
import FormCore

extension FormStore {
    /// Imports a `*.form.json` file: creates the form or replaces its draft, and publishes it
    /// as a new version when the file is marked `published` and differs from the newest version.
    /// The new version keeps the file's number when that is higher than the next free one.
    public func importForm(path: String) throws -> FormImportResult {
        let form: Form
        do { form = try FormFile.load(path: path) } catch let error as FormFileError {
            throw WorkspaceError.invalid(error.description)
        }
        try FormIdentifier.check(form.id)
        return try workspace.write { db in
            let existing = try? Self.draft(form.id, db)
            let revision = try Self.saveDraft(form, expectedRevision: existing?.revision ?? 0, db)
            var published: Int?
            if form.state == .published {
                let before = try Int.fetchOne(db, sql: "SELECT latestVersion FROM form WHERE id = ?", arguments: [form.id]) ?? 0
                let number = try Self.publish(form.id, db, atLeast: form.version)
                if number != before { published = number }
            }
            return FormImportResult(formID: form.id, revision: revision, publishedVersion: published, created: existing == nil)
        }
    }

    /// Writes a form file atomically: the given published version, or the draft when nil.
    public func exportForm(_ formID: String, version: Int? = nil, to url: URL) throws {
        let form = try version.map { try self.version(formID, $0) } ?? draft(formID).form
        try AtomicFile.write(Data(FormFile.encode(form).utf8), to: url)
    }

    /// Equal apart from the version number and state, which publishing sets.
    static func sameContent(_ a: Form, _ b: Form) -> Bool {
        var a = a, b = b
        a.version = 0; b.version = 0
        a.state = .draft; b.state = .draft
        return a == b
    }
}
