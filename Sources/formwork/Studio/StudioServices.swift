import FormCore
import Foundation
import Studio

/// Builds the services the studio runs on.
enum StudioServices {
    /// The forms of the workspace at `workspace`.
    static func repository(workspace: URL) throws -> FormRepository {
        try FileFormRepository(directory: workspace.appendingPathComponent("studio-forms"))
    }
}

/// A temporary adapter until the `Workspace` target lands: each form's draft is a
/// `<id>.form.json` file, published versions are `<id>.v<N>.form.json`, and `<id>.meta` holds
/// the draft's revision. Writes go through a temporary file and a rename.
final class FileFormRepository: FormRepository, @unchecked Sendable {
    let directory: URL
    private let lock = NSLock()

    init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RepositoryError.failed("cannot create \(directory.path): \(error.localizedDescription)")
        }
    }

    private func url(_ id: String, version: Int? = nil) -> URL {
        directory.appendingPathComponent(version.map { "\(id).v\($0).form.json" } ?? "\(id).form.json")
    }

    private func revision(_ id: String) -> Int {
        (try? String(contentsOf: directory.appendingPathComponent("\(id).meta"), encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    }

    private func versions(_ id: String) -> Int {
        var n = 0
        while FileManager.default.fileExists(atPath: url(id, version: n + 1).path) { n += 1 }
        return n
    }

    private func write(_ text: String, to url: URL) throws {
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            throw RepositoryError.failed("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    private func ids() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".meta") }.map { String($0.dropLast(5)) }.sorted()
    }

    func list() throws -> [FormListing] {
        lock.lock()
        defer { lock.unlock() }
        return try ids().map { id in
            let form = try FormFile.load(path: url(id).path)
            return FormListing(id: id, title: form.title, latestVersion: versions(id), revision: revision(id), responseCount: 0)
        }
    }

    func loadDraft(_ formID: String) throws -> DraftSnapshot {
        lock.lock()
        defer { lock.unlock() }
        guard revision(formID) > 0 else { throw RepositoryError.notFound(formID) }
        return DraftSnapshot(form: try FormFile.load(path: url(formID).path), revision: revision(formID))
    }

    func saveDraft(_ form: Form, expectedRevision: Int) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        let actual = revision(form.id)
        guard actual == expectedRevision else {
            if expectedRevision == 0 { throw RepositoryError.alreadyExists(form.id) }
            throw RepositoryError.conflict(formID: form.id, expected: expectedRevision, actual: actual)
        }
        var draft = form
        draft.state = .draft
        try write(FormFile.encode(draft), to: url(form.id))
        try write("\(actual + 1)\n", to: directory.appendingPathComponent("\(form.id).meta"))
        return actual + 1
    }

    func publish(_ formID: String) throws -> Int {
        var form = try loadDraft(formID).form
        lock.lock()
        defer { lock.unlock() }
        let number = versions(formID) + 1
        form.state = .published
        form.version = number
        try write(FormFile.encode(form), to: url(formID, version: number))
        return number
    }

    func importFile(path: String) throws -> String {
        let form = try FormFile.load(path: path)
        _ = try saveDraft(form, expectedRevision: revision(form.id))
        return form.id
    }

    func duplicate(_ formID: String, as newID: String, title: String) throws {
        var copy = try loadDraft(formID).form
        copy.id = newID
        copy.title = title
        _ = try saveDraft(copy, expectedRevision: 0)
    }

    func rename(_ formID: String, title: String) throws {
        let draft = try loadDraft(formID)
        var form = draft.form
        form.title = title
        _ = try saveDraft(form, expectedRevision: draft.revision)
    }

    func delete(_ formID: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard revision(formID) > 0 else { throw RepositoryError.notFound(formID) }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files where file == "\(formID).meta" || file == "\(formID).form.json" || (file.hasPrefix("\(formID).v") && file.hasSuffix(".form.json")) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(file))
        }
    }
}
