import ArgumentParser
import Connectors
import Foundation
import Workspace

/// `formwork word …`: Word documents on OneDrive through Microsoft Graph.
struct WordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "word",
        abstract: "Upload documents to OneDrive, download them, or convert them to PDF.",
        subcommands: [WordUpload.self, WordDownload.self, WordPDF.self]
    )
}

extension ConflictBehavior: ExpressibleByArgument {}

/// `onedrive:/Reports/` or `/Reports/` → `/Reports/`.
func oneDriveFolder(_ text: String) throws -> String {
    let path = text.hasPrefix("onedrive:") ? String(text.dropFirst("onedrive:".count)) : text
    guard !path.isEmpty else { throw ValidationError("name a OneDrive folder, e.g. onedrive:/Reports/") }
    return path
}

/// Uploads a local file into a OneDrive folder and returns what Graph made of it.
func uploadToOneDrive(_ context: ConnectorContext, file: String, folder: String, name: String?, conflict: ConflictBehavior,
                      account: String?) throws -> DriveItem {
    guard let data = FileManager.default.contents(atPath: file) else { throw ConnectorError.invalidInput("cannot read \(file)") }
    return try context.graph(account: account).upload(data, folder: try oneDriveFolder(folder), name: name ?? URL(fileURLWithPath: file).lastPathComponent,
                                                      conflict: conflict, sessions: context.uploadSessions)
}

struct WordUpload: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Upload a file (e.g. a generated DOCX) to a OneDrive folder.",
        discussion: """
            Files over 4 MiB go through an upload session in 320 KiB multiples. If the upload is cut \
            off, run the same command again: it resumes where OneDrive stopped.
            """
    )
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The local file.") var file: String
    @Option(name: .long, help: "The OneDrive folder, e.g. onedrive:/Reports/ (default: the root).") var to = "onedrive:/"
    @Option(name: .long, help: "The name on OneDrive (default: the local name).") var name: String?
    @Option(name: .long, help: "When the name is taken: rename, replace or fail.") var conflict = ConflictBehavior.rename
    @Option(name: .long, help: "The stored Microsoft account to use.") var account: String?

    func run() throws {
        try guarded {
            let context = try ConnectorContext(workspace: workspace)
            let item = try uploadToOneDrive(context, file: file, folder: to, name: name, conflict: conflict, account: account)
            output(["uploaded \(file) as \(item.name) (\(item.size) bytes)" + (item.webURL.map { ": \($0)" } ?? "")])
        }
    }
}

struct WordDownload: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "download", abstract: "Download a file from OneDrive.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The OneDrive path, e.g. onedrive:/Reports/Q4.docx.") var path: String
    @Option(name: [.short, .long], help: "The local file to write (default: the file's name).") var output: String?
    @Option(name: .long, help: "The stored Microsoft account to use.") var account: String?

    func run() throws {
        try guarded {
            let context = try ConnectorContext(workspace: workspace)
            let remote = try oneDriveFolder(path)
            let data = try context.graph(account: account).download(path: remote)
            let target = output ?? URL(fileURLWithPath: remote).lastPathComponent
            try AtomicFile.write(data, to: URL(fileURLWithPath: target))
            outputLines(["downloaded \(remote) to \(target) (\(data.count) bytes)"])
        }
    }
}

struct WordPDF: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pdf", abstract: "Convert a OneDrive document to PDF with Graph and download it.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The OneDrive path of a DOCX (or another convertible file).") var path: String
    @Option(name: [.short, .long], help: "The PDF file to write (default: the name with .pdf).") var output: String?
    @Option(name: .long, help: "The stored Microsoft account to use.") var account: String?

    func run() throws {
        try guarded {
            let context = try ConnectorContext(workspace: workspace)
            let remote = try oneDriveFolder(path)
            let data = try context.graph(account: account).downloadPDF(path: remote)
            let target = output ?? URL(fileURLWithPath: remote).deletingPathExtension().appendingPathExtension("pdf").lastPathComponent
            try AtomicFile.write(data, to: URL(fileURLWithPath: target))
            outputLines(["converted \(remote) to \(target) (\(data.count) bytes)"])
        }
    }
}
