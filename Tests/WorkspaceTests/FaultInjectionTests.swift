import FormCore
import GRDB
import XCTest
@testable import Workspace

/// A locked database and a full disk give clear errors and lose nothing.
final class FaultInjectionTests: WorkspaceTestCase {
    /// Another process holding the write lock: simulated by a second connection with an open
    /// IMMEDIATE transaction on the same file.
    func testALockedDatabaseGivesBusyAndLosesNothing() throws {
        let workspace = try openWorkspace(busyTimeout: 0.2)
        try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0)
        let holder = try DatabaseQueue(path: workspace.databasePath)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
            done.signal()
        }
        locked.wait()
        var changed = Self.smallForm
        changed.title = "While locked"
        XCTAssertThrowsError(try workspace.forms.saveDraft(changed, expectedRevision: 1)) { error in
            XCTAssertEqual(error as? WorkspaceError, .busy(path: workspace.databasePath))
            XCTAssertTrue("\(error)".contains("locked by another process"))
        }
        XCTAssertEqual(try workspace.forms.draft("small").form.title, "Small", "readers still work under WAL")
        release.signal()
        done.wait()
        XCTAssertEqual(try workspace.forms.saveDraft(changed, expectedRevision: 1), 2, "the same save succeeds once the lock is gone")
    }

    /// `PRAGMA max_page_count` caps the file at its current size, as a full disk would.
    func testAFullDiskGivesDiskFullAndLosesNothing() throws {
        let workspace = try workspaceWithSmallForm()
        try workspace.responses.insert(NewResponse(answers: Answers(values: ["name": .string("kept")]), status: .submitted),
                                       formID: "small", version: 1)
        try fillDisk(workspace)
        let big = (0..<2_000).map { NewResponse(answers: Answers(values: ["name": .string(String(repeating: "x", count: 500) + "\($0)")])) }
        XCTAssertThrowsError(try workspace.responses.insert(big, formID: "small", version: 1)) { error in
            XCTAssertEqual(error as? WorkspaceError, .diskFull(path: workspace.databasePath))
            XCTAssertEqual("\(error)", "the disk is full: nothing was written to \(workspace.databasePath)")
        }
        XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: "small")), 1, "the failed batch left no rows behind")
        XCTAssertEqual(try workspace.responses.list(ResponseFilter(formID: "small")).first?.answers["name"], .string("kept"))
    }

    func testAnImportStoppedByAFullDiskKeepsCommittedBatches() throws {
        let workspace = try workspaceWithSmallForm()
        let rows = (0..<400).map { "person \($0) \(String(repeating: "y", count: 300)),\($0 % 100)" }
        let path = try file("many.csv", "name,age\n" + rows.joined(separator: "\n") + "\n")
        try workspace.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 30)")
        }
        XCTAssertThrowsError(try ResponseImporter(workspace: workspace)
            .importFile(path, formID: "small", options: ImportOptions(batchSize: 50))) { error in
            guard let interrupted = error as? ImportInterrupted else { return XCTFail("\(error)") }
            XCTAssertEqual(interrupted.cause, .diskFull(path: workspace.databasePath))
            XCTAssertEqual(interrupted.imported % 50, 0)
            XCTAssertEqual(interrupted.line, interrupted.imported + 2)
            XCTAssertEqual(try? workspace.responses.count(ResponseFilter(formID: "small")), interrupted.imported)
        }
    }

    func testAFullDiskDuringASaveKeepsTheOldDraft() throws {
        let workspace = try openWorkspace()
        try workspace.forms.saveDraft(Self.smallForm, expectedRevision: 0)
        try fillDisk(workspace)
        var huge = Self.smallForm
        huge.description = String(repeating: "long description ", count: 50_000)
        XCTAssertThrowsError(try workspace.forms.saveDraft(huge, expectedRevision: 1)) {
            XCTAssertEqual($0 as? WorkspaceError, .diskFull(path: workspace.databasePath))
        }
        let draft = try workspace.forms.draft("small")
        XCTAssertEqual(draft.revision, 1)
        XCTAssertNil(draft.form.description)
    }

    func testOtherDatabaseErrorsAreWrapped() {
        let constraint = DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "UNIQUE failed")
        XCTAssertEqual(WorkspaceError.wrap(constraint, path: "/db") as? WorkspaceError, .database("UNIQUE failed"))
        XCTAssertEqual(WorkspaceError.wrap(DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error"), path: "/db") as? WorkspaceError,
                       .io(path: "/db", message: "disk I/O error"))
        XCTAssertEqual(WorkspaceError.wrap(DatabaseError(resultCode: .SQLITE_CORRUPT), path: "/db") as? WorkspaceError,
                       .notAWorkspace(path: "/db"))
        let other = CocoaError(.fileNoSuchFile)
        XCTAssertTrue(WorkspaceError.wrap(other, path: "/db") is CocoaError)
    }

    func testAWorkspaceFolderThatCannotBeCreated() throws {
        let blocker = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        XCTAssertThrowsError(try Workspace.open(at: blocker.appendingPathComponent("ws"))) { error in
            guard case .io? = error as? WorkspaceError else { return XCTFail("\(error)") }
        }
    }

    private func fillDisk(_ workspace: Workspace) throws {
        try workspace.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
    }
}
