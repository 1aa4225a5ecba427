import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

/// Repeat groups, matrices, yes/no, scales and disabled fields on the Fill screen.
final class FillEntryKindsTests: XCTestCase {
    /// A repeat of one to two visitors, a yes/no that shows a reason, and a matrix.
    static var visits: Form {
        let name = Field(id: "f_name", key: "name", type: .shortText, label: "Visitor name", required: true)
        let visitors = Field(id: "f_visitors", key: "visitors", type: .repeatGroup, label: "Visitors",
                             repeatSpec: RepeatSpec(minCount: 1, maxCount: 2), children: [name])
        let late = Field(id: "f_late", key: "late", type: .yesNo, label: "Late?")
        let reason = Field(id: "f_reason", key: "reason", type: .shortText, label: "Why late", visibleIf: "${late} = 'yes'")
        let grid = Field(id: "f_grid", key: "grid", type: .choiceMatrix, label: "Ratings",
                         matrix: MatrixSpec(rows: [Choice(value: "food", label: "Food"), Choice(value: "room", label: "Room")],
                                            columns: [Choice(value: "bad", label: "Bad"), Choice(value: "good", label: "Good")]))
        let locked = Field(id: "f_locked", key: "locked", type: .shortText, label: "Locked", enabledIf: "${late} = 'no'")
        return Form(id: "visits", title: "Visits", pages: [
            Page(id: "p1", title: "Who came", fields: [visitors]),
            Page(id: "p2", title: "How it went", fields: [late, reason, grid, locked]),
        ])
    }

    func focusKey(_ driver: StudioDriver) -> String? { driver.state.fill.flatMap { $0.focus.flatMap($0.field) }?.key }

    func testRepeatEntriesAreAddedAndRemovedWithinTheirLimits() throws {
        let (driver, service) = try FillFixtures.filling("visits", forms: [Self.visits])
        XCTAssertTrue(driver.shows("+ Add an entry"))
        try driver.press("enter")
        XCTAssertTrue(driver.shows("Entry 1"))
        try driver.press("tab")
        driver.type("Ann")
        try driver.press("ctrl+n")
        XCTAssertTrue(driver.shows("Entry 2"))
        XCTAssertEqual(driver.state.fill?.engine?.answers.repeats["visitors"]?.first?.values["name"], .string("Ann"))
        XCTAssertFalse(driver.shows("+ Add an entry"), "two is the maximum")
        try driver.press("ctrl+n")
        XCTAssertTrue(driver.state.toast?.text.contains("at most 2") ?? false)
        try driver.press("delete")
        XCTAssertEqual(driver.state.fill?.engine?.answers.repeats["visitors"]?.count, 1)
        XCTAssertTrue(driver.shows("+ Add an entry"))
        try driver.press("up up ctrl+x")
        XCTAssertTrue(driver.state.toast?.text.contains("at least 1") ?? false)
        XCTAssertEqual(service.responses.last?.answers.repeats["visitors"]?.count, 1, "the removal was saved")
    }

    func testYesNoShowsAFieldAndAMatrixTakesOnePickPerRow() throws {
        let (driver, _) = try FillFixtures.filling("visits", forms: [Self.visits])
        try driver.press("pgdn")
        XCTAssertFalse(driver.shows("Why late"))
        try driver.press("y")
        XCTAssertTrue(driver.shows("Why late"))
        try driver.press("tab")
        XCTAssertEqual(focusKey(driver), "reason")
        try driver.press("shift+tab n")
        XCTAssertFalse(driver.shows("Why late"))
        try driver.press("right space")
        XCTAssertEqual(driver.state.fill?.engine?.answers.values["late"], .bool(false), "right marks No, space takes it")
        try driver.press("tab right enter tab space")
        XCTAssertEqual(driver.state.fill?.engine?.answers.values["grid"], .list([.string("food=good"), .string("room=bad")]))
        try driver.press("backspace")
        XCTAssertEqual(driver.state.fill?.engine?.answers.values["grid"], .list([.string("food=good")]))
    }

    func testDisabledFieldsRefuseTyping() throws {
        let (driver, _) = try FillFixtures.filling("visits", forms: [Self.visits])
        try driver.press("pgdn y tab tab tab tab")
        XCTAssertEqual(focusKey(driver), "locked")
        XCTAssertTrue(driver.shows("(disabled)"))
        driver.type("x")
        XCTAssertTrue(driver.state.toast?.text.contains("disabled") ?? false)
        XCTAssertNil(driver.state.fill?.engine?.answers.values["locked"])
    }

    func testScalesTakeDigitsAndArrowsAndQLeavesFromAField() throws {
        let (driver, _) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds])
        try driver.press("tab tab tab")
        driver.type("2")
        XCTAssertEqual(driver.state.fill?.engine?.answers.values["stars"], .number(2))
        try driver.press("left left backspace")
        XCTAssertNil(driver.state.fill?.engine?.answers.values["stars"])
        try driver.press("q")
        XCTAssertEqual(driver.state.screen, .forms, "q leaves from a field that takes no typing")
    }

    func testPasteGoesIntoTheFocusedTextField() throws {
        let (driver, _) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds])
        driver.send(.paste("7"))
        try driver.press("enter")
        XCTAssertEqual(driver.state.fill?.engine?.answers.values["count"], .number(7))
    }
}
