import ArgumentParser
import FormCore
import Foundation
import Workspace

/// `formwork forms …`: the forms stored in the workspace.
struct FormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "List, import, export, publish and show the workspace's forms.",
        subcommands: [FormsList.self, FormsImport.self, FormsExport.self, FormsPublish.self, FormsShow.self]
    )
}

/// Opens the workspace the options name.
func openWorkspace(_ options: WorkspaceOptions) throws -> Workspace {
    try Workspace.open(at: options.directory())
}

struct FormsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the forms.")
    @OptionGroup var workspace: WorkspaceOptions
    @Flag(name: .long, help: "Print JSON instead of a table.") var json = false

    func run() throws {
        try guarded {
            let forms = try openWorkspace(workspace).forms.list()
            if json {
                output([JSONWriter.compact(.array(forms.map { form in JSONNode(.object([
                    JSONMember("id", JSONNode(.string(form.id))), JSONMember("title", JSONNode(.string(form.title))),
                    JSONMember("revision", JSONNode(.number(Double(form.revision)))),
                    JSONMember("latestVersion", JSONNode(.number(Double(form.latestVersion)))),
                    JSONMember("responses", JSONNode(.number(Double(form.responseCount)))),
                    JSONMember("updatedAt", JSONNode(.string(Table.timestamp(form.updatedAt)))),
                ])) }))])
            } else if forms.isEmpty {
                output(["no forms yet: import one with `formwork forms import FILE.form.json`"])
            } else {
                output(Table.render([["ID", "TITLE", "VERSION", "DRAFT REV", "RESPONSES", "UPDATED (UTC)"]] + forms.map {
                    [$0.id, $0.title, $0.latestVersion == 0 ? "-" : "\($0.latestVersion)", "\($0.revision)",
                     "\($0.responseCount)", Table.timestamp($0.updatedAt)]
                }))
            }
        }
    }
}

struct FormsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import form files; files marked published become a new version.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Form files (*.form.json).") var files: [String]

    func run() throws {
        try guarded {
            let store = try openWorkspace(workspace).forms
            for file in files {
                let result = try store.importForm(path: file)
                let published = result.publishedVersion.map { ", published version \($0)" } ?? ""
                output(["\(result.created ? "created" : "updated") \(result.formID) (draft revision \(result.revision)\(published))"])
            }
        }
    }
}

struct FormsExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a form file (the draft, or a published version).")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The form id.") var form: String
    @Option(name: .long, help: "A published version (default: the draft).") var version: Int?
    @Option(name: [.short, .long], help: "The file to write (default: standard output).") var output: String?

    func run() throws {
        try guarded {
            let store = try openWorkspace(workspace).forms
            if let path = output {
                try store.exportForm(form, version: version, to: URL(fileURLWithPath: path))
            } else {
                let definition = try version.map { try store.version(form, $0) } ?? store.draft(form).form
                FileHandle.standardOutput.write(Data(FormFile.encode(definition).utf8))
            }
        }
    }
}

struct FormsPublish: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Freeze the draft as a new published version.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The form id.") var form: String

    func run() throws {
        try guarded {
            let version = try openWorkspace(workspace).forms.publish(form)
            output(["published \(form) version \(version)"])
        }
    }
}

struct FormsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Describe a form: versions, pages, fields, responses.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The form id.") var form: String
    @Option(name: .long, help: "A published version (default: the draft).") var version: Int?

    func run() throws {
        try guarded {
            let ws = try openWorkspace(workspace)
            let draft = try ws.forms.draft(form)
            let definition = try version.map { try ws.forms.version(form, $0) } ?? draft.form
            let versions = try ws.forms.versions(form)
            let fields = definition.pages.flatMap(\.fields)
            var lines = [
                "\(definition.id): \(definition.title)",
                version.map { "showing: published version \($0)" } ?? "showing: draft revision \(draft.revision) (becomes version \(draft.form.version))",
                "published versions: " + (versions.isEmpty ? "none" : versions.map(String.init).joined(separator: ", ")),
                "responses: \(try ws.responses.count(ResponseFilter(formID: form)))",
                "pages: \(definition.pages.count), rules: \(definition.rules.count)",
            ]
            lines += Table.render([["KEY", "TYPE", "LABEL"]] + describe(fields, depth: 0))
            output(lines)
        }
    }

    private func describe(_ fields: [Field], depth: Int) -> [[String]] {
        fields.flatMap { field in
            [[String(repeating: "  ", count: depth) + field.key, field.type.rawValue, field.label]] + describe(field.children, depth: depth + 1)
        }
    }
}
