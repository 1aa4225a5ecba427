import Foundation
import XCTest
@testable import Workspace

final class AtomicFileTests: WorkspaceTestCase {
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    }

    func testWritesAndReplaces() throws {
        let target = directory.appendingPathComponent("out.txt")
        try AtomicFile.write(Data("first".utf8), to: target)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "first")
        let big = String(repeating: "0123456789", count: 20_000)
        try AtomicFile.write(to: target) { sink in
            try sink.write(big)
            try sink.write(Data("!".utf8))
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), big + "!")
        XCTAssertEqual(try leftovers(), [])
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o644)
    }

    func testAFailingWriterLeavesTheOldFileAndNoTemporary() throws {
        struct Stop: Error {}
        let target = directory.appendingPathComponent("keep.txt")
        try AtomicFile.write(Data("old".utf8), to: target)
        XCTAssertThrowsError(try AtomicFile.write(to: target) { sink in
            try sink.write(String(repeating: "partial ", count: 50_000))
            throw Stop()
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "old")
        XCTAssertEqual(try leftovers(), [])
    }

    func testAMissingFolderFailsCleanly() {
        let target = directory.appendingPathComponent("no/such/dir/out.txt")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: target)) { error in
            guard case .io(let path, let message)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, target.path)
            XCTAssertTrue(message.contains("cannot create a temporary file"))
        }
    }

    func testAFailedRenameRemovesTheTemporary() throws {
        let target = directory.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("child"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: target)) { error in
            guard case .io(_, let message)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("cannot replace the file"))
        }
        XCTAssertEqual(try leftovers(), [])
    }

    func testAReadOnlyFolderFailsWithoutPartialFiles() throws {
        try XCTSkipIf(getuid() == 0, "root ignores directory permissions")
        let folder = directory.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: folder.appendingPathComponent("out.txt")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testNoSpaceIsReportedAsDiskFull() {
        errno = ENOSPC
        XCTAssertEqual(AtomicFile.failure("/x", "cannot write the file"), .diskFull(path: "/x"))
    }
}
