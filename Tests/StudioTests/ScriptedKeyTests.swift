import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

/// Key scripts run in-process, then checks on screen lines and the selection.
final class ScriptedKeyTests: XCTestCase {
    func testOpensBuilderAndShowsPanes() throws {
        let (driver, _) = try Fixtures.builder()
        XCTAssertEqual(driver.state.screen, .builder)
        XCTAssertTrue(driver.isSelected("Subscribe?"))
        XCTAssertTrue(driver.shows("Properties"))
        XCTAssertTrue(driver.shows("◆ subscribe yes_no"), "fields rules touch carry a badge")
    }

    func testMoveIntoGroupThenRefusedIndentShowsWhy() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("ctrl+j ctrl+j alt+right")
        let details = driver.form?.pages[0].fields.first { $0.key == "details" }
        XCTAssertEqual(details?.children.map(\.key), ["name", "subscribe", "phone"])
        XCTAssertTrue(driver.isSelected("Subscribe?"), "the selection follows the moved field")
        XCTAssertTrue(driver.shows("cannot indent: no group above"))
        XCTAssertEqual(driver.state.builder?.history.undoStack.count, 2)
    }

    func testMoveUpIntoGroupOutdentAndIndentBack() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("G ctrl+k ctrl+k")
        XCTAssertEqual(driver.form?.pages[0].fields[1].children.map(\.key), ["name", "phone", "color"])
        try driver.press("alt+left")
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["subscribe", "details", "color", "email"])
        try driver.press("alt+right")
        XCTAssertEqual(driver.form?.pages[0].fields[1].children.last?.key, "color")
        XCTAssertTrue(driver.isSelected("Colour"))
        try driver.press("z z z z")
        XCTAssertEqual(driver.form, Fixtures.contact)
        try driver.press("Z")
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["subscribe", "details", "color", "email"], "redo replays the first move")
    }

    func testMoveModeEscapePutsItBackAndEnterDrops() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("G m up up")
        XCTAssertTrue(driver.shows("MOVE"))
        XCTAssertTrue(driver.shows("Fields · moving"))
        try driver.press("esc")
        XCTAssertEqual(driver.form, Fixtures.contact)
        XCTAssertNil(driver.state.builder?.moveMode)
        try driver.press("m up enter")
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["subscribe", "details", "color", "email"])
        XCTAssertEqual(driver.state.builder?.history.undoStack.count, 1, "a whole move-mode trip is one undo step")
    }

    func testRangeMovesTogether() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("j j j j v j")
        XCTAssertTrue(driver.shows("Fields · range"))
        XCTAssertEqual(driver.state.builder?.selectedIDs, ["f_email", "f_color"])
        try driver.press("ctrl+k")
        XCTAssertEqual(driver.form?.pages[0].fields[1].children.map(\.key), ["name", "phone", "email", "color"])
        try driver.press("esc")
        XCTAssertNil(driver.state.builder?.anchor)
    }

    func testFoldedGroupIsSteppedOver() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("j h")
        XCTAssertTrue(driver.shows("▶ Details"))
        XCTAssertFalse(driver.shows("└ Phone"))
        try driver.press("k ctrl+j")
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["details", "subscribe", "email", "color"])
        try driver.press("ctrl+k")
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["subscribe", "details", "email", "color"])
        try driver.press("j l")
        XCTAssertTrue(driver.shows("▼ Details"))
        try driver.press("j h")
        XCTAssertTrue(driver.isSelected("Details"), "left on a field goes to its group")
        try driver.press("space")
        XCTAssertTrue(driver.shows("▶ Details"))
    }

    func testPaletteInsertsBelowSelectionAndSelectsIt() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("a")
        XCTAssertTrue(driver.shows("Add field"))
        driver.type("emai")
        XCTAssertTrue(driver.shows("Email"))
        try driver.press("enter")
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["subscribe", "email_1", "details", "email", "color"])
        XCTAssertEqual(driver.state.builder?.selection, "f_email_1")
        try driver.press("t")
        driver.type("long")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.field("f_email_1")?.type, .longText)
        try driver.press("y")
        XCTAssertEqual(driver.state.builder?.selection, "f_email_1_2")
    }

    func testDeleteAsksFirst() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("G d")
        XCTAssertTrue(driver.shows("Delete color"))
        try driver.press("enter")
        XCTAssertEqual(driver.form, Fixtures.contact, "Cancel is preselected")
        try driver.press("d left enter")
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["subscribe", "details", "email"])
        XCTAssertTrue(driver.isSelected("Email"))
    }

    func testPreviewAnswersShowAndHideAndExplain() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("tab tab")
        XCTAssertFalse(driver.lines.contains { $0.hasSuffix("│") && $0.contains("Email           [") })
        try driver.press("y")
        XCTAssertTrue(driver.shows("[yes"))
        XCTAssertTrue(driver.lines.contains { $0.contains("Email") && $0.contains("[") && $0.contains("Email     ") })
        try driver.press("n")
        XCTAssertTrue(driver.shows("[no"))
        try driver.press("H")
        XCTAssertTrue(driver.shows("Email (hidden)"))
        try driver.press("j j j j w")
        XCTAssertTrue(driver.shows("Why"))
        XCTAssertTrue(driver.shows("email: hidden"))
        XCTAssertTrue(driver.lines.contains { $0.contains("subscribe") && $0.contains("false") || $0.contains("no") && $0.contains("subscribe") })
        try driver.press("esc x")
        try driver.press("k k k k enter")
        XCTAssertFalse(driver.shows("[no"), "enter cycles yes, no, unanswered")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("[yes"), "enter toggles a yes/no answer")
    }

    func testTypingAnAnswerUpdatesThePreviewLive() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("tab tab j j enter")
        driver.type("Ada")
        XCTAssertEqual(driver.state.builder?.engine?.state(of: "f_name")?.value, .string("Ada"))
        try driver.press("esc")
        XCTAssertEqual(driver.state.builder?.engine?.state(of: "f_name")?.value, .empty, "esc restores the answer")
        try driver.press("j j enter")
        XCTAssertTrue(driver.shows("Blue"))
        try driver.press("down enter")
        XCTAssertEqual(driver.state.builder?.engine?.state(of: "f_color")?.value, .string("blue"))
        try driver.press("k k k y")
        XCTAssertTrue(driver.shows("not a yes/no field"))
    }

    func testPropertiesEditWithLiveParseErrors() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("G enter")
        XCTAssertEqual(driver.state.builder?.focus, .properties)
        try driver.press("enter ctrl+u")
        driver.type("Favourite colour")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.field("f_color")?.label, "Favourite colour")
        try driver.press("j enter ctrl+u")
        driver.type("9bad")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("a key starts with a letter"))
        try driver.press("esc")
        for _ in 0..<7 { try driver.press("j") }
        try driver.press("enter")
        driver.type("${subscribe} =")
        XCTAssertTrue(driver.lines.contains { $0.contains("^ ") }, driver.screen)
        driver.type(" true")
        XCTAssertFalse(driver.lines.contains { $0.contains("^ ") })
        try driver.press("enter")
        XCTAssertEqual(driver.form?.field("f_color")?.visibleIf, "${subscribe} = true")
        try driver.press("k enter")
        XCTAssertEqual(driver.form?.field("f_color")?.hiddenValuePolicy, .keep)
    }

    func testHelpAndPaletteComeFromTheKeymap() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("?")
        XCTAssertTrue(driver.shows("Move field down"))
        XCTAssertTrue(driver.shows("ctrl+j"))
        try driver.press("j esc ctrl+p")
        XCTAssertTrue(driver.shows("Commands"))
        driver.type("move field down")
        try driver.press("enter")
        XCTAssertEqual(driver.form?.pages[0].fields[0].children.first?.key, "subscribe")
        try driver.press(": ")
        driver.type("redo")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("nothing to redo"), "a disabled command says why")
    }

    func testSuspendAndUndoShareCtrlZ() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("ctrl+j ctrl+z")
        XCTAssertEqual(driver.form, Fixtures.contact)
        XCTAssertEqual(driver.hostEffects, [])
        try driver.press("q")
        XCTAssertTrue(driver.shows("Save your edits before leaving?"))
        try driver.press("left enter")
        XCTAssertEqual(driver.state.screen, .forms)
        try driver.press("ctrl+z")
        XCTAssertEqual(driver.hostEffects, [.suspend])
        try driver.press("q")
        XCTAssertEqual(driver.hostEffects, [.suspend, .quit])
    }

    func testOnlyChangedCellsAreWritten() throws {
        let (driver, _) = try Fixtures.builder()
        try driver.press("j")
        let written = driver.terminal.lastWrittenCells
        XCTAssertGreaterThan(written, 0)
        XCTAssertLessThan(written, 120 * 40 / 4)
    }
}
