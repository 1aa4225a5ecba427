import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// The test kit itself: snapshots, the headless terminal and the in-memory repository.
final class TestKitTests: XCTestCase {
    func testSnapshotRecordMatchAndMismatch() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .recorded = SnapshotAssertion.check("a\nb", named: "x", in: directory, environment: [:]) else { return XCTFail("first run records") }
        XCTAssertEqual(SnapshotAssertion.check("a\nb", named: "x", in: directory, environment: [:]), .matched)
        guard case .mismatch(let diff) = SnapshotAssertion.check("a\nc\nd", named: "x", in: directory, environment: [:]) else {
            return XCTFail("a change is a mismatch")
        }
        XCTAssertTrue(diff.contains("- b"))
        XCTAssertTrue(diff.contains("+ c"))
        XCTAssertTrue(diff.contains("line 3:"))
        guard case .recorded = SnapshotAssertion.check("a\nc", named: "x", in: directory, environment: ["RECORD_SNAPSHOTS": "1"]) else {
            return XCTFail("RECORD_SNAPSHOTS re-records")
        }
        XCTAssertEqual(SnapshotAssertion.check("a\nc", named: "x", in: directory, environment: ["RECORD_SNAPSHOTS": "0"]), .matched)
    }

    func testHeadlessTerminalCountsWrittenCells() {
        var terminal = HeadlessTerminal(size: Size(width: 4, height: 2))
        XCTAssertEqual(terminal.lines, [])
        var frame = Frame(size: Size(width: 4, height: 2))
        terminal.present(frame)
        XCTAssertEqual(terminal.lastWrittenCells, 8, "the first frame is a full paint")
        frame.grid.write("ab", at: .zero)
        terminal.present(frame)
        XCTAssertEqual(terminal.lastWrittenCells, 2)
        XCTAssertEqual(terminal.text, "ab\n")
        XCTAssertEqual(terminal.framesPresented, 2)
    }

    func testRepositoryErrors() throws {
        let repository = InMemoryFormRepository(forms: [Fixtures.contact])
        XCTAssertThrowsError(try repository.saveDraft(Fixtures.contact, expectedRevision: 0)) {
            XCTAssertEqual($0 as? RepositoryError, .alreadyExists("contact"))
        }
        XCTAssertThrowsError(try repository.publish("nope"))
        XCTAssertThrowsError(try repository.duplicate("nope", as: "x", title: "X"))
        XCTAssertThrowsError(try repository.duplicate("contact", as: "contact", title: "X"))
        XCTAssertThrowsError(try repository.rename("nope", title: "X"))
        XCTAssertThrowsError(try repository.delete("nope"))
        XCTAssertEqual(RepositoryError.failed("disk").description, "disk")
        XCTAssertEqual(repository.log.last, "delete nope")
    }

    func testDriverHighlightAndScreenHelpers() throws {
        let (driver, _) = try Fixtures.builder()
        let row = try XCTUnwrap(driver.cursorRow)
        XCTAssertTrue(driver.isHighlighted(row: row, column: 3))
        XCTAssertFalse(driver.isHighlighted(row: 0, column: 0))
        XCTAssertEqual(driver.effectLog.first, .loadForms)
        XCTAssertEqual(driver.selectedLine?.contains("Subscribe?"), true)
    }
}
