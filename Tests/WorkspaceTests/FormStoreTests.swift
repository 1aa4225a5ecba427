import FormCore
import GRDB
import XCTest
@testable import Workspace

final class FormStoreTests: WorkspaceTestCase {
    func testOpenCreatesDatabaseAndReportsFolder() throws {
        let workspace = try openWorkspace()
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("formwork.db").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.reportsDirectory.path))
        let mode = try workspace.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        let sync = try workspace.pool.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        XCTAssertEqual(sync, 2, "FULL by default")
        let applied = try workspace.pool.read { try Schema.migrator.appliedIdentifiers($0) }
        XCTAssertTrue(applied.allSatisfy { $0.hasPrefix("workspace-") })
        XCTAssertEqual(applied.count, Schema.migrator.migrations.count)
        XCTAssertTrue(applied.contains("workspace-ai-usage"))
    }

    func testNormalDurabilityAndReopening() throws {
        let workspace = try openWorkspace(durability: .normal)
        let sync = try workspace.pool.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        XCTAssertEqual(sync, 1)
        try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0)
        let again = try openWorkspace()
        XCTAssertEqual(try again.forms.list().map(\.id), ["small"])
    }

    func testAFileThatIsNotADatabaseIsRefused() throws {
        try Data(String(repeating: "not a database at all ", count: 100).utf8)
            .write(to: directory.appendingPathComponent("formwork.db"))
        XCTAssertThrowsError(try openWorkspace()) { error in
            guard case WorkspaceError.notAWorkspace(let path)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("formwork.db"))
            XCTAssertTrue("\(error)".contains("is not a Formwork workspace"))
        }
    }

    func testSaveReadAndRevisions() throws {
        let workspace = try openWorkspace()
        XCTAssertEqual(try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0), 1)
        var draft = try workspace.forms.draft("small")
        XCTAssertEqual(draft.revision, 1)
        XCTAssertEqual(draft.form.state, .draft)
        XCTAssertEqual(draft.form.version, 1)
        XCTAssertEqual(draft.form.pages, Self.smallForm.pages)
        var form = draft.form
        form.title = "Smaller"
        XCTAssertEqual(try workspace.forms.saveDraft(form, expectedRevision: 1), 2)
        draft = try workspace.forms.draft("small")
        XCTAssertEqual(draft.form.title, "Smaller")
        let summary = try XCTUnwrap(workspace.forms.list().first)
        XCTAssertEqual(summary.title, "Smaller")
        XCTAssertEqual(summary.revision, 2)
        XCTAssertEqual(summary.latestVersion, 0)
        XCTAssertEqual(summary.responseCount, 0)
    }

    func testTwoConnectionsSavingTheSameDraftConflict() throws {
        let alice = try openWorkspace()
        try alice.forms.saveDraft(Self.smallForm, expectedRevision: 0)
        let bob = try openWorkspace()
        let aliceDraft = try alice.forms.draft("small")
        let bobDraft = try bob.forms.draft("small")
        var aliceForm = aliceDraft.form
        aliceForm.title = "Alice's"
        var bobForm = bobDraft.form
        bobForm.title = "Bob's"
        XCTAssertEqual(try alice.forms.saveDraft(aliceForm, expectedRevision: aliceDraft.revision), 2)
        XCTAssertThrowsError(try bob.forms.saveDraft(bobForm, expectedRevision: bobDraft.revision)) { error in
            XCTAssertEqual(error as? WorkspaceError, .conflict(formID: "small", expected: 1, actual: 2))
            XCTAssertTrue("\(error)".contains("changed by someone else"))
        }
        XCTAssertEqual(try bob.forms.draft("small").form.title, "Alice's", "the first save survives")
    }

    func testCreatingAnExistingFormConflicts() throws {
        let workspace = try openWorkspace()
        try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0)
        XCTAssertThrowsError(try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0)) { error in
            XCTAssertEqual(error as? WorkspaceError, .conflict(formID: "small", expected: 0, actual: 1))
        }
        var other = Self.smallForm
        other.id = "missing"
        XCTAssertThrowsError(try workspace.forms.saveDraft(other, expectedRevision: 3)) { error in
            XCTAssertEqual(error as? WorkspaceError, .formNotFound("missing"))
        }
        other.id = "../etc"
        XCTAssertThrowsError(try workspace.forms.saveDraft(other, expectedRevision: 0)) { error in
            guard case .invalid? = error as? WorkspaceError else { return XCTFail("\(error)") }
        }
    }

    func testPublishFreezesVersions() throws {
        let workspace = try openWorkspace()
        XCTAssertThrowsError(try workspace.forms.publish("small")) { XCTAssertEqual($0 as? WorkspaceError, .formNotFound("small")) }
        try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0)
        XCTAssertThrowsError(try workspace.forms.latestVersion("small")) { XCTAssertEqual($0 as? WorkspaceError, .notPublished("small")) }
        XCTAssertEqual(try workspace.forms.publish("small"), 1)
        var draft = try workspace.forms.draft("small")
        XCTAssertEqual(draft.form.version, 2, "the draft becomes the next version")
        var changed = draft.form
        changed.title = "Changed after publishing"
        try workspace.forms.saveDraft(changed, expectedRevision: draft.revision)
        let v1 = try workspace.forms.version("small", 1)
        XCTAssertEqual(v1.title, "Small")
        XCTAssertEqual(v1.state, .published)
        XCTAssertEqual(v1.version, 1)
        XCTAssertEqual(try workspace.forms.publish("small"), 2)
        XCTAssertEqual(try workspace.forms.publish("small"), 2, "an unchanged draft publishes nothing new")
        XCTAssertEqual(try workspace.forms.versions("small"), [1, 2])
        XCTAssertEqual(try workspace.forms.latestVersion("small").title, "Changed after publishing")
        XCTAssertThrowsError(try workspace.forms.version("small", 9)) {
            XCTAssertEqual($0 as? WorkspaceError, .versionNotFound(formID: "small", version: 9))
        }
        XCTAssertThrowsError(try workspace.forms.version("nope", 1)) { XCTAssertEqual($0 as? WorkspaceError, .formNotFound("nope")) }
        XCTAssertThrowsError(try workspace.forms.versions("nope")) { XCTAssertEqual($0 as? WorkspaceError, .formNotFound("nope")) }
        XCTAssertThrowsError(try workspace.pool.write { db in
            try db.execute(sql: "UPDATE form_version SET definition = '{}' WHERE formID = 'small'")
        }, "the database itself refuses to change a published version")
        draft = try workspace.forms.draft("small")
        XCTAssertEqual(draft.form.version, 3)
    }

    func testImportEverySampleFormAndExportItBack() throws {
        let workspace = try openWorkspace()
        for name in ["site-inspection", "incident-report", "customer-survey", "employee-onboarding", "clinical-intake"] {
            let path = Self.samplePath("\(name).form.json")
            let original = try FormFile.load(path: path)
            let result = try workspace.forms.importForm(path: path)
            XCTAssertEqual(result.formID, name)
            XCTAssertTrue(result.created)
            XCTAssertEqual(result.publishedVersion, original.version, "keeps the file's version number")
            let again = try workspace.forms.importForm(path: path)
            XCTAssertFalse(again.created)
            XCTAssertNil(again.publishedVersion, "an unchanged file publishes nothing new")
            XCTAssertEqual(again.revision, 2)
            let out = directory.appendingPathComponent("\(name).out.form.json")
            try workspace.forms.exportForm(name, version: original.version, to: out)
            XCTAssertEqual(try FormFile.load(path: out.path), original)
            try workspace.forms.exportForm(name, to: out)
            XCTAssertEqual(try FormFile.load(path: out.path).state, .draft)
        }
        XCTAssertEqual(try workspace.forms.list().count, 5)
    }

    func testImportingABadFormFileIsInvalid() throws {
        let workspace = try openWorkspace()
        let path = try file("bad.form.json", "{\"format\": \"nope\"")
        XCTAssertThrowsError(try workspace.forms.importForm(path: path)) { error in
            guard case .invalid(let message)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("bad.form.json"))
        }
    }
}
