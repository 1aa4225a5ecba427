import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

/// The Fill screen as text at 80×24 and 120×40 (RECORD_SNAPSHOTS=1 re-records).
final class FillSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    func each(_ name: String, form: Form, _ setUp: (StudioDriver) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        for size in FillSnapshotTests.sizes {
            let (driver, _) = try FillFixtures.filling(form.id, forms: [form], size: size)
            try setUp(driver)
            assertSnapshot(driver.screen, named: "\(name)-\(size.width)x\(size.height)", group: "Fill", file: file, line: line)
        }
    }

    func testTextPageWithAMessage() throws {
        try each("text", form: try FillFixtures.sample("site-inspection")) { driver in
            driver.type("Dana Whitfield")
            try driver.press("tab enter tab ctrl+u")
            driver.type("yesterday")
            try driver.press("tab")
        }
    }

    func testChoicePage() throws {
        try each("choice", form: try FillFixtures.sample("customer-survey")) { try $0.press("down enter tab down") }
    }

    func testMatrixPage() throws {
        try each("matrix", form: try FillFixtures.sample("customer-survey")) { driver in
            try driver.press("enter pgdn")
            driver.type("8")
            try driver.press("tab right right space tab right")
        }
    }

    func testRepeatPageWithProblems() throws {
        try each("repeat", form: FillEntryKindsTests.visits) { try $0.press("enter ctrl+n ctrl+s") }
    }

    func testSmallTerminalsStillShowTheFocusedField() throws {
        for size in [Size(width: 20, height: 6), Size(width: 34, height: 9), Size(width: 60, height: 20)] {
            let (driver, _) = try FillFixtures.filling("customer-survey", forms: [try FillFixtures.sample("customer-survey")], size: size)
            try driver.press("tab tab down")
            XCTAssertTrue(driver.lines.first?.contains("Formwork") ?? false, "\(size)")
            XCTAssertTrue(driver.shows("›") || size.height < 8, "\(size):\n\(driver.screen)")
            try driver.press("enter pgdn right right space tab right space")
            XCTAssertTrue(driver.lines.first?.contains("Formwork") ?? false, "\(size):\n\(driver.screen)")
        }
    }

    func testResumeDialog() throws {
        for size in FillSnapshotTests.sizes {
            let (driver, _, _) = try FillFixtures.driver(forms: [FillFixtures.kinds], size: size)
            try driver.press("f")
            driver.type("4")
            try driver.press("tab esc f")
            assertSnapshot(driver.screen, named: "resume-\(size.width)x\(size.height)", group: "Fill")
        }
    }
}
