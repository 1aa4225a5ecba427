import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// The Responses screen as text at 80×24 and 120×40 (RECORD_SNAPSHOTS=1 re-records).
final class ResponsesSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    func each(_ name: String, _ setUp: (StudioDriver) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        for size in Self.sizes {
            let driver = ResponsesFixtures.driver(size: size)
            try setUp(driver)
            assertSnapshot(driver.screen, named: "\(name)-\(size.width)x\(size.height)", group: "Responses", file: file, line: line)
        }
    }

    func testTable() throws { try each("table") { _ in } }

    func testFilterWithParseError() throws {
        try each("filter-error") { driver in
            try driver.press("/")
            driver.type("${age} > 30 and (")
        }
    }

    func testDetailView() throws { try each("detail") { try $0.press("enter") } }

    func testEditing() throws { try each("editing") { try $0.press("enter e tab") } }

    func testImportPreview() throws {
        let path = try ResponsesFixtures.file("people.csv", "name,age,shoe\nZoe,30,42\n,40,1\nYan,old,3\n")
        try each("import-preview") { driver in
            try driver.press("i")
            driver.type(path)
            try driver.press("enter")
        }
    }

    func testEditingARepeatEntry() throws { try each("editing-repeat") { try $0.press("enter e tab tab tab tab tab") } }

    /// Response 1 edited once (age 20 → 44), its history listed, then revision 1 read.
    func history(_ name: String, _ keys: String) throws {
        for size in Self.sizes {
            let service = ResponsesFixtures.service()
            service.now = { Date(timeIntervalSince1970: 1_780_100_000) }
            let driver = ResponsesFixtures.driver(service, size: size)
            try driver.press("enter e tab ctrl+u")
            driver.type("44")
            try driver.press("ctrl+s " + keys)
            assertSnapshot(driver.screen, named: "\(name)-\(size.width)x\(size.height)", group: "Responses")
        }
    }

    func testHistoryList() throws { try history("history", "h") }

    func testOldRevisionReadOnly() throws { try history("history-revision", "h k enter") }

    func testColumnPicker() throws { try each("columns") { try $0.press("c j") } }
}
