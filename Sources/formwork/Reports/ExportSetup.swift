import ArgumentParser
import FormCore
import Foundation
import Reports
import Workspace

/// The plain settings of one export, shared by `formwork export` and the `report` / `export`
/// jobs (whose arguments decode straight into it), turned into an `ExportRequest`.
struct ExportSetup: Codable, Equatable {
    /// Form file, or a workspace form id when `responses` is nil.
    var form: String
    /// Responses file; nil means the workspace's submitted responses.
    var responses: String?
    /// Comma-separated formats.
    var formats: String
    /// Template name or path.
    var template: String
    /// Output folder.
    var out: String
    var perResponse: Bool = false
    var zip: Bool = false
    var compile: Bool = false
    /// Workspace folder (nil: FORMWORK_HOME / XDG default).
    var workspace: String?
    /// Let an AI model write the insights (nil or false: the offline narrator).
    var ai: Bool?
    /// With `ai`: only this provider (a name or a kind).
    var provider: String?

    /// Resolves formats, template, form and responses.
    func request(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ExportRequest {
        let formatList = try ExportFormat.list(formats)
        if formatList.isEmpty { throw ValidationError("--format needs at least one format") }
        let workspaceURL = WorkspaceOptions.resolve(flag: workspace, environment: environment)
        let chosen = try TemplateLibrary.resolve(template, workspace: workspaceURL)
        let (formValue, source) = try responseSource(workspaceURL)
        return ExportRequest(form: formValue, source: source, formats: formatList, template: chosen,
                             outputDirectory: URL(fileURLWithPath: out), perResponse: perResponse,
                             zip: zip, compile: compile, environment: environment,
                             insightWriter: try AIInsights.writer(ai: ai ?? false, provider: provider, workspace: workspaceURL, environment: environment) ?? OfflineNarrator())
    }

    /// The form and where its responses come from: a file, or the workspace's submitted
    /// responses of that form version (`form` is then a form file or a workspace form id).
    private func responseSource(_ workspaceURL: URL) throws -> (Form, ResponseSource) {
        if let responses {
            let formValue = try FormFile.load(path: form)
            let url = URL(fileURLWithPath: responses)
            guard FileManager.default.isReadableFile(atPath: url.path) else { throw ResponseReadError.unreadable(path: url.path) }
            return (formValue, ResponseFileSource(url: url, form: formValue))
        }
        try FileManager.default.createDirectory(at: workspaceURL, withIntermediateDirectories: true)
        let store = try Workspace.open(at: workspaceURL)
        let formValue = FileManager.default.fileExists(atPath: form) ? try FormFile.load(path: form) : try store.forms.latestVersion(form)
        let filter = ResponseFilter(formID: formValue.id, version: formValue.version, status: .submitted)
        return (formValue, WorkspaceResponseSource(workspace: store, filter: filter))
    }
}
