import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

/// Click, drag and wheel in the builder (all optional: every action has a key).
final class MouseTests: XCTestCase {
    func mouse(_ action: MouseAction, x: Int, y: Int) -> AppAction { .mouse(MouseEvent(action: action, position: Point(x: x, y: y))) }

    func testClickSelectsAndFocusesPanes() throws {
        let (driver, _) = try Fixtures.builder()
        let row = try XCTUnwrap(driver.row(containing: "Email"))
        driver.send(mouse(.press(.left), x: 5, y: row))
        XCTAssertEqual(driver.state.builder?.selection, "f_email")
        driver.send(mouse(.press(.left), x: 50, y: 3))
        XCTAssertEqual(driver.state.builder?.focus, .properties)
        XCTAssertEqual(driver.state.builder?.propertyRow, 1)
        driver.send(mouse(.press(.left), x: 100, y: 2))
        XCTAssertEqual(driver.state.builder?.focus, .preview)
        XCTAssertEqual(driver.state.builder?.selection, "f_subscribe")
        driver.send(mouse(.scrollDown, x: 100, y: 2))
        XCTAssertEqual(driver.state.builder?.selection, "f_details")
        driver.send(mouse(.scrollUp, x: 100, y: 2))
        XCTAssertEqual(driver.state.builder?.selection, "f_subscribe")
        driver.send(mouse(.press(.right), x: 5, y: row))
        driver.send(mouse(.press(.left), x: 0, y: 0))
        XCTAssertEqual(driver.state.builder?.selection, "f_subscribe", "clicks outside the panes do nothing")
    }

    func testDragMovesTheFieldAsOneUndoStep() throws {
        let (driver, _) = try Fixtures.builder()
        // Tree rows start below the header and the pane's top border.
        let colour = 2 + (driver.state.builder?.row(of: "f_color") ?? 0)
        let email = 2 + (driver.state.builder?.row(of: "f_email") ?? 0)
        driver.send(mouse(.press(.left), x: 5, y: colour))
        driver.send(mouse(.drag(.left), x: 5, y: email))
        XCTAssertEqual(Fixtures.topKeys(driver.form), ["subscribe", "details", "color", "email"])
        driver.send(mouse(.drag(.left), x: 5, y: email))
        driver.send(mouse(.release(nil), x: 5, y: email))
        XCTAssertNil(driver.state.builder?.moveMode)
        XCTAssertEqual(driver.state.builder?.history.undoStack.count, 1)
        try driver.press("z")
        XCTAssertEqual(driver.form, Fixtures.contact)
        driver.send(mouse(.release(nil), x: 5, y: email))
        XCTAssertEqual(driver.state.builder?.history.undoStack.count, 0, "a release without a drag changes nothing")
    }

    func testNarrowLayoutMapsClicksToTheOnePane() throws {
        let (driver, _) = try Fixtures.builder(size: Size(width: 80, height: 24))
        let row = try XCTUnwrap(driver.row(containing: "Phone"))
        driver.send(mouse(.press(.left), x: 10, y: row))
        XCTAssertEqual(driver.state.builder?.selection, "f_phone")
    }
}

/// Scrolling keeps the selection on screen with as little movement as possible.
final class ScrollTests: XCTestCase {
    func testMovingUpFromTheBottomDoesNotJump() throws {
        let fields = (1...60).map { Field(id: "f\($0)", key: "k\($0)", type: .shortText, label: "Question \($0)") }
        let form = Form(id: "long", title: "Long", pages: [Page(id: "p", title: "P", fields: fields)])
        let (driver, _) = try Fixtures.builder(size: Size(width: 80, height: 24), form: form)
        try driver.press("G")
        let bottom = try XCTUnwrap(driver.cursorRow)
        XCTAssertTrue(driver.isSelected("Question 60"))
        try driver.press("k k k")
        XCTAssertEqual(driver.cursorRow, bottom - 3, "the view stays put while the cursor moves up")
        XCTAssertTrue(driver.shows("Question 60"))
        try driver.press("g")
        XCTAssertTrue(driver.shows("Question 1 "))
        XCTAssertFalse(driver.shows("Question 60"))
    }
}
