import Foundation
import FormCore
import XCTest
@testable import Workspace

/// A fresh workspace folder per test, removed afterwards.
class WorkspaceTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ws-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Opens the test's workspace (a new connection pool each call, like a second process).
    func openWorkspace(busyTimeout: TimeInterval = 5, durability: Durability = .full) throws -> Workspace {
        try Workspace.open(at: directory, durability: durability, busyTimeout: busyTimeout)
    }

    /// The repository's samples folder.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    static func samplePath(_ name: String) -> String { samples.appendingPathComponent(name).path }

    /// Writes `text` to a file in the test folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A small published form: a required name, an age 0–120, a multiple choice and a note.
    static let smallForm = Form(id: "small", title: "Small", pages: [Page(id: "p1", title: "One", fields: [
        Field(id: "f1", key: "name", type: .shortText, label: "Full name", required: true),
        Field(id: "f2", key: "age", type: .integer, label: "Age", validation: FieldValidation(min: 0, max: 120)),
        Field(id: "f3", key: "pets", type: .multipleChoice, label: "Pets",
              choices: .list([Choice(value: "cat"), Choice(value: "dog")])),
        Field(id: "f4", key: "intro", type: .note, label: "Hello"),
        Field(id: "f5", key: "double_age", type: .calculated, label: "Twice", calculate: "${age} * 2"),
    ])])

    /// A workspace holding `smallForm`, published as version 1.
    func workspaceWithSmallForm() throws -> Workspace {
        let workspace = try openWorkspace()
        try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0)
        try workspace.forms.publish("small")
        return workspace
    }
}
