import FormCore
import Foundation
import Workspace

/// The form a fill command works on: a standalone file, or a workspace form's newest published
/// version (with where its responses go).
struct FillTarget {
    /// Where a workspace form's responses are stored.
    struct Stored {
        let workspace: Workspace
        let version: Int
    }

    let form: Form
    let stored: Stored?

    /// A `*.form.json` path (or any existing file) is standalone; anything else is a form id.
    static func resolve(_ argument: String, workspace options: WorkspaceOptions) throws -> FillTarget {
        if argument.hasSuffix(".json") || FileManager.default.fileExists(atPath: argument) {
            return FillTarget(form: try FormFile.load(path: argument), stored: nil)
        }
        return try published(argument, in: try openWorkspace(options))
    }

    /// The newest published version of the workspace form `formID`.
    static func published(_ formID: String, in ws: Workspace) throws -> FillTarget {
        guard let version = try ws.forms.versions(formID).last else { throw WorkspaceError.notPublished(formID) }
        return FillTarget(form: try ws.forms.version(formID, version), stored: Stored(workspace: ws, version: version))
    }
}
