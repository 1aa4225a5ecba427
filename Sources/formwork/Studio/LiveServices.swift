import FormCore
import Foundation
import JobQueue
import Studio
import Workspace

/// The studio's services over the workspace on disk.
enum LiveServices {
    /// Every service over the workspace chosen by `options`.
    static func services(_ options: WorkspaceOptions) throws -> StudioServices {
        let workspace = try openWorkspace(options)
        var services = StudioServices(forms: WorkspaceFormRepository(workspace: workspace))
        let queue = try JobsCLI.openStore(options)
        services.fill = LiveFillService(workspace: workspace)
        services.reports = LiveReportService(workspace: workspace, store: queue)
        services.settings = LiveSettingsService(workspaceDirectory: workspace.directory)
        services.responses = LiveResponseService(workspace: workspace)
        services.jobs = LiveJobService(store: queue)
        return services
    }
}

/// `FormRepository` over the workspace's `FormStore`: drafts with compare-and-set revisions,
/// published versions, imports. Workspace errors become `RepositoryError`s with the same
/// one-line descriptions.
final class WorkspaceFormRepository: FormRepository, @unchecked Sendable {
    // The workspace's pool is thread-safe; the studio calls from its store queue only.
    let workspace: Workspace

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WorkspaceError {
            switch error {
            case .conflict(let id, let expected, let actual): throw RepositoryError.conflict(formID: id, expected: expected, actual: actual)
            case .formNotFound(let id): throw RepositoryError.notFound(id)
            default: throw RepositoryError.failed(error.description)
            }
        }
    }

    func list() throws -> [FormListing] {
        try mapped {
            try workspace.forms.list().map {
                FormListing(id: $0.id, title: $0.title, latestVersion: $0.latestVersion, revision: $0.revision, responseCount: $0.responseCount)
            }
        }
    }

    func loadDraft(_ formID: String) throws -> DraftSnapshot {
        try mapped {
            let draft = try workspace.forms.draft(formID)
            return DraftSnapshot(form: draft.form, revision: draft.revision)
        }
    }

    func saveDraft(_ form: Form, expectedRevision: Int) throws -> Int {
        try mapped {
            if expectedRevision == 0, (try? workspace.forms.draft(form.id)) != nil { throw RepositoryError.alreadyExists(form.id) }
            return try workspace.forms.saveDraft(form, expectedRevision: expectedRevision)
        }
    }

    func publish(_ formID: String) throws -> Int {
        try mapped { try workspace.forms.publish(formID) }
    }

    func importFile(path: String) throws -> String {
        try mapped { try workspace.forms.importForm(path: path).formID }
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
        _ = try loadDraft(formID)
        throw RepositoryError.failed("deleting forms is not supported by this workspace yet (its store has no delete)")
    }
}
