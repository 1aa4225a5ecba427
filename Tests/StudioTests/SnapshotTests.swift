import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

/// Screens as text at 80×24, 120×40 and 60×20 (RECORD_SNAPSHOTS=1 re-records).
final class SnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 20)]

    func each(_ name: String, _ setUp: (StudioDriver) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        for size in SnapshotTests.sizes {
            let repository = InMemoryFormRepository(forms: [Fixtures.contact])
            repository.setResponseCount(3, for: "contact")
            let driver = StudioDriver(repository: repository, size: size)
            try setUp(driver)
            assertSnapshot(driver.screen, named: "\(name)-\(size.width)x\(size.height)", group: "Screens", file: file, line: line)
        }
    }

    func testFormsScreen() throws { try each("forms") { _ in } }

    func testBuilder() throws { try each("builder") { try $0.press("enter j") } }

    func testBuilderPreviewWithAnswers() throws { try each("preview") { try $0.press("enter tab tab y H") } }

    func testBuilderEditingAnExpression() throws {
        try each("expression") { driver in
            try driver.press("enter G enter")
            for _ in 0..<8 { try driver.press("j") }
            try driver.press("enter")
            driver.type("${subscribe} = ")
        }
    }

    func testRuleEditor() throws { try each("rules") { try $0.press("enter r enter down down") } }

    func testRawRuleWithParseError() throws { try each("rules-raw") { driver in
        try driver.press("enter r enter e end")
        driver.type(" and (")
    } }

    func testHelpOverlay() throws { try each("help") { try $0.press("enter ?") } }

    func testCommandPalette() throws { try each("palette") { driver in
        try driver.press("enter ctrl+p")
        driver.type("mov")
    } }

    func testFieldPalette() throws { try each("field-palette") { driver in
        try driver.press("enter a")
        driver.type("ch")
    } }

    func testExplainOverlay() throws { try each("explain") { try $0.press("enter tab tab H j j j j w") } }

    func testDeleteConfirmation() throws { try each("confirm") { try $0.press("d") } }

    func testMoveMode() throws { try each("move-mode") { try $0.press("enter G m up") } }

    func testWideAndCombiningCharacters() throws {
        var form = Fixtures.contact
        form.title = "Enquête 作者"
        form.pages[0].fields[0].label = "Café ☕ 作者の名前 e\u{301}"
        let repository = InMemoryFormRepository(forms: [form])
        for size in SnapshotTests.sizes {
            let driver = StudioDriver(repository: repository, size: size)
            try driver.press("enter")
            let grid = try XCTUnwrap(driver.terminal.frame?.grid)
            for y in 0..<grid.size.height {
                for x in 0..<grid.size.width where grid[x, y].width == 2 {
                    XCTAssertTrue(grid[x + 1, y].isContinuation, "a wide glyph at \(x),\(y) keeps its right half")
                }
            }
            assertSnapshot(driver.screen, named: "wide-\(size.width)x\(size.height)", group: "Screens")
        }
    }

    func testResizeRedrawsForTheNewSize() throws {
        let (driver, _) = try Fixtures.builder(size: Size(width: 120, height: 40))
        let wide = driver.screen
        driver.resize(Size(width: 60, height: 20))
        XCTAssertEqual(driver.lines.count, 20)
        XCTAssertTrue(driver.shows("Fields │ Properties"), "narrow terminals get tabs")
        XCTAssertEqual(driver.terminal.lastWrittenCells, 60 * 20, "a resize repaints everything")
        driver.resize(Size(width: 120, height: 40))
        XCTAssertEqual(driver.screen, wide)
        driver.resize(Size(width: 10, height: 3))
        XCTAssertTrue(driver.shows("Formwork"))
    }

    func testThemesColourRolesNotText() throws {
        let (driver, _) = try Fixtures.builder()
        let plain = driver.screen
        driver.theme = .defaultDark
        driver.redraw()
        XCTAssertEqual(driver.screen, plain, "themes change styles, never text")
        driver.theme = .roleProbe
        driver.redraw()
        let grid = try XCTUnwrap(driver.terminal.frame?.grid)
        let styled = TextSnapshot.styled(grid, theme: .roleProbe)
        XCTAssertTrue(styled.contains("selection"))
        XCTAssertTrue(styled.contains("borderFocused"))
        XCTAssertTrue(styled.contains("keyHint"))
    }
}
