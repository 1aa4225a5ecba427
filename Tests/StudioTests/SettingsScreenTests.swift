@testable import Studio
import TUIKit
import TUITesting
import XCTest

/// The Settings screen: theme preview and save, masked keys, edits.
final class SettingsScreenTests: XCTestCase {
    func testThemePreviewFollowsTheHighlightAndRevertsOnLeaving() throws {
        let s = ReportsFixtures.driver(open: "go.settings")
        XCTAssertEqual(s.driver.state.settings.currentTheme, "default-dark")
        try s.driver.press("j")
        XCTAssertEqual(s.driver.state.settings.previewing, "default-light")
        XCTAssertEqual(s.driver.renderTheme, Theme.defaultLight)
        // The frame itself is drawn in the previewed theme.
        XCTAssertEqual(s.driver.terminal.frame?.grid[0, 0].style, Theme.defaultLight[.statusBar].adding(.bold))
        s.driver.send(.command("go.forms"))
        XCTAssertNil(s.driver.state.themeOverride)
        XCTAssertEqual(s.driver.renderTheme, Theme.monochrome)
    }

    func testEnterSavesTheThemeAndItStaysAfterLeaving() throws {
        let s = ReportsFixtures.driver(open: "go.settings")
        try s.driver.press("j j enter")
        XCTAssertEqual(s.settings.currentThemeName(), "high-contrast")
        XCTAssertTrue(s.driver.shows("theme high-contrast saved"))
        try s.driver.press("q")
        XCTAssertEqual(s.driver.state.screen, .forms)
        XCTAssertEqual(s.driver.renderTheme, Theme.highContrast)
    }

    func testKeyIsMaskedAndEditedWithoutEcho() throws {
        let s = ReportsFixtures.driver(open: "go.settings")
        XCTAssertTrue(s.driver.shows("sk-…abcd"))
        XCTAssertFalse(s.driver.screen.contains(ReportsFixtures.secretKey))
        try s.driver.press("tab j j j enter")
        XCTAssertTrue(s.driver.shows("openai key (not shown while typing)"))
        let newKey = "sk-new-0123456789wxyz"
        s.driver.type(newKey)
        XCTAssertFalse(s.driver.screen.contains("sk-new"))
        XCTAssertTrue(s.driver.shows(String(repeating: "•", count: 10)))
        try s.driver.press("enter")
        XCTAssertEqual(s.settings.stored("ai.0.apiKey"), newKey)
        XCTAssertTrue(s.driver.shows("sk-…wxyz"))
        XCTAssertFalse(s.driver.screen.contains(newKey))
    }

    func testEditDefaultFormatsAndRefusals() throws {
        let s = ReportsFixtures.driver(open: "go.settings")
        try s.driver.press("tab enter")
        XCTAssertTrue(s.driver.shows("Folder is shown only"))
        try s.driver.press("j enter ctrl+u")
        s.driver.type("html,md")
        try s.driver.press("enter")
        XCTAssertEqual(s.settings.defaultFormats(), [.html, .md])
        XCTAssertTrue(s.driver.shows("saved Default formats"))
        try s.driver.press("enter ctrl+u")
        s.driver.type("nothing")
        try s.driver.press("enter")
        XCTAssertTrue(s.driver.shows("reports.formats: give formats such as pdf,docx"))
        try s.driver.press("ctrl+r")
        XCTAssertEqual(s.driver.state.settings.entries.count, 5)
    }

    func testMaskAndErrors() {
        XCTAssertEqual(SettingsEntry.mask(nil), "(not set)")
        XCTAssertEqual(SettingsEntry.mask("short"), "••••")
        XCTAssertEqual(SettingsEntry.mask("sk-abcdefghijklmnop1234"), "sk-…1234")
        XCTAssertEqual(SettingsError.unknownKey("x").description, "no setting \"x\"")
        XCTAssertEqual(SettingsError.io("disk").description, "disk")
    }
}
