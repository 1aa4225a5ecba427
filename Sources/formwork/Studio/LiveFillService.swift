import FormCore
import Foundation
import Studio
import Workspace

/// `FillService` over the workspace: the newest published version (as `formwork fill` reads
/// it through `FillTarget`), drafts and submissions through the workspace's response store.
final class LiveFillService: FillService, @unchecked Sendable {
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
            case .notPublished(let id): throw FillServiceError.notPublished(id)
            case .formNotFound(let id): throw FillServiceError.notFound(id)
            default: throw FillServiceError.failed(error.description)
            }
        }
    }

    func open(_ formID: String) throws -> FillSession {
        try mapped {
            let target = try FillTarget.published(formID, in: workspace)
            let version = target.stored?.version ?? 0
            let drafts = try workspace.responses.list(ResponseFilter(formID: formID, version: version, status: .draft), offset: 0, limit: 10_000)
            let draft = drafts.max { $0.updatedAt < $1.updatedAt }.map { FillDraft(id: $0.id, updatedAt: $0.updatedAt, answers: $0.answers) }
            return FillSession(form: target.form, version: version, draft: draft)
        }
    }

    func saveDraft(formID: String, version: Int, draftID: Int64?, answers: Answers) throws -> Int64 {
        try mapped {
            if let draftID {
                try workspace.responses.updateDraft(draftID, answers: answers)
                return draftID
            }
            return try workspace.responses.insert(NewResponse(answers: answers, status: .draft), formID: formID, version: version)
        }
    }

    func submit(formID: String, version: Int, draftID: Int64?, answers: Answers) throws -> FillSubmission {
        try mapped {
            let form = try workspace.forms.version(formID, version)
            let problems = ResponseValidator.validate(try RuleEngine(form: form, answers: answers)).filter { $0.severity == .error }
            guard problems.isEmpty else { return .problems(problems) }
            let id = try saveDraft(formID: formID, version: version, draftID: draftID, answers: answers)
            try workspace.responses.submit(id)
            return .stored(id)
        }
    }
}
