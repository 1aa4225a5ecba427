import Foundation
import FormCore
import Studio

/// A `FormRepository` held in memory, for tests and benchmarks: the same compare-and-set
/// revisions and errors as the workspace, no disk.
public final class InMemoryFormRepository: FormRepository, @unchecked Sendable {
    struct Entry {
        var draft: Form
        var revision: Int
        var versions: [Form]
        var responses: Int
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Every call made, in order (`save f1`, `publish f1`), so tests can assert side effects.
    public private(set) var log: [String] = []

    /// An empty repository, or one holding `forms` as drafts at revision 1.
    public init(forms: [Form] = []) {
        for form in forms { entries[form.id] = Entry(draft: form, revision: 1, versions: [], responses: 0) }
    }

    private func locked<T>(_ entry: String, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        log.append(entry)
        return try body()
    }

    /// Sets the response count shown for a form.
    public func setResponseCount(_ count: Int, for formID: String) {
        locked("responses \(formID)") { entries[formID]?.responses = count }
    }

    /// The stored draft of a form, if any.
    public func storedDraft(_ formID: String) -> Form? {
        lock.lock()
        defer { lock.unlock() }
        return entries[formID]?.draft
    }

    /// The published versions of a form, oldest first.
    public func publishedVersions(_ formID: String) -> [Form] {
        lock.lock()
        defer { lock.unlock() }
        return entries[formID]?.versions ?? []
    }

    /// Every form, ordered by id.
    public func list() throws -> [FormListing] {
        locked("list") {
            entries.values.sorted { $0.draft.id < $1.draft.id }.map {
                FormListing(id: $0.draft.id, title: $0.draft.title, latestVersion: $0.versions.count, revision: $0.revision, responseCount: $0.responses)
            }
        }
    }

    /// A form's draft and its revision.
    public func loadDraft(_ formID: String) throws -> DraftSnapshot {
        try locked("load \(formID)") {
            guard let entry = entries[formID] else { throw RepositoryError.notFound(formID) }
            return DraftSnapshot(form: entry.draft, revision: entry.revision)
        }
    }

    /// Saves if the revision still matches (0 creates); throws `conflict` otherwise.
    public func saveDraft(_ form: Form, expectedRevision: Int) throws -> Int {
        try locked("save \(form.id)") {
            let actual = entries[form.id]?.revision ?? 0
            guard actual == expectedRevision else {
                if expectedRevision == 0 { throw RepositoryError.alreadyExists(form.id) }
                throw RepositoryError.conflict(formID: form.id, expected: expectedRevision, actual: actual)
            }
            var entry = entries[form.id] ?? Entry(draft: form, revision: 0, versions: [], responses: 0)
            entry.draft = form
            entry.draft.state = .draft
            entry.revision += 1
            entries[form.id] = entry
            return entry.revision
        }
    }

    /// Appends the draft as the next published version.
    public func publish(_ formID: String) throws -> Int {
        try locked("publish \(formID)") {
            guard var entry = entries[formID] else { throw RepositoryError.notFound(formID) }
            var version = entry.draft
            version.state = .published
            version.version = entry.versions.count + 1
            entry.versions.append(version)
            entries[formID] = entry
            return version.version
        }
    }

    /// Reads a form file and stores it as the draft (creating the form if new).
    public func importFile(path: String) throws -> String {
        let form = try FormFile.load(path: path)
        return try locked("import \(form.id)") {
            var entry = entries[form.id] ?? Entry(draft: form, revision: 0, versions: [], responses: 0)
            entry.draft = form
            entry.revision += 1
            entries[form.id] = entry
            return form.id
        }
    }

    /// Copies a draft under a new id and title.
    public func duplicate(_ formID: String, as newID: String, title: String) throws {
        try locked("duplicate \(formID) \(newID)") {
            guard let entry = entries[formID] else { throw RepositoryError.notFound(formID) }
            guard entries[newID] == nil else { throw RepositoryError.alreadyExists(newID) }
            var copy = entry.draft
            copy.id = newID
            copy.title = title
            entries[newID] = Entry(draft: copy, revision: 1, versions: [], responses: 0)
        }
    }

    /// Changes a form's title (a new revision).
    public func rename(_ formID: String, title: String) throws {
        try locked("rename \(formID)") {
            guard entries[formID] != nil else { throw RepositoryError.notFound(formID) }
            entries[formID]?.draft.title = title
            entries[formID]?.revision += 1
        }
    }

    /// Removes a form.
    public func delete(_ formID: String) throws {
        try locked("delete \(formID)") {
            guard entries.removeValue(forKey: formID) != nil else { throw RepositoryError.notFound(formID) }
        }
    }
}
