import FormCore
import TUIKit
import TUITesting
import XCTest
@testable import Studio

/// Where the focus goes when the rules change what a page shows.
final class FillNavigationTests: XCTestCase {
    func survey() throws -> FillState {
        let form = try FillFixtures.sample("customer-survey")
        var fill = FillState(formID: form.id, quitWhenDone: false)
        fill.session = FillSession(form: form, version: 1, draft: nil)
        fill.engine = try RuleEngine(form: form)
        FillNavigation.show(page: 0, forward: true, &fill)
        return fill
    }

    func testAPageThatLeftThePathGivesWayToTheNextOne() throws {
        var fill = try survey()
        fill.page = 2
        XCTAssertFalse(fill.path.contains(2), "the passives' page is off the path without a score")
        FillNavigation.settle(&fill)
        XCTAssertEqual(fill.form?.pages[fill.page].id, "p_details")
        XCTAssertEqual(fill.focus, fill.focusable.first)
    }

    func testAFocusedFieldThatVanishedHandsOverToTheNextLine() throws {
        var fill = try survey()
        let hidden = try XCTUnwrap(fill.engine?.index.index(ofKey: "plan"))
        fill.focus = FillItem(field: hidden, instance: [], kind: .matrixRow(7), depth: 0)
        FillNavigation.settle(&fill)
        XCTAssertEqual(fill.focus?.kind, .input, "the field's own line takes the focus")
        XCTAssertEqual(fill.focus.flatMap(fill.field)?.key, "plan")
        fill.focus = FillItem(field: 10_000, instance: [], kind: .input, depth: 0)
        FillNavigation.settle(&fill)
        XCTAssertEqual(fill.focus, fill.focusable.last, "past the end: the last line")
    }

    func testJumpingToAProblemOnAnotherPage() throws {
        var fill = try survey()
        FillNavigation.jump(to: ResponseProblem(path: "nps", fieldID: "f_nps", message: "an answer is required"), &fill)
        XCTAssertEqual(fill.form?.pages[fill.page].id, "p_score")
        XCTAssertEqual(fill.focus.flatMap(fill.field)?.key, "nps")
        FillNavigation.jump(to: ResponseProblem(path: "x", fieldID: "f_unknown", message: "?"), &fill)
        XCTAssertEqual(fill.focus.flatMap(fill.field)?.key, "nps", "an unknown field changes nothing")
    }

    func testRepeatCommandsAwayFromARepeatSayWhy() throws {
        var fill = try survey()
        var app = AppState(size: Size(width: 80, height: 24))
        let item = try XCTUnwrap(fill.focus)
        XCTAssertEqual(FillAnswers.addEntry(item, &fill, &app), [])
        XCTAssertEqual(app.toast?.text, "the cursor is not on a repeat group")
        XCTAssertEqual(FillAnswers.removeEntry(item, &fill, &app), [])
        XCTAssertEqual(app.toast?.text, "the cursor is not in a repeat entry")
    }

    func testScalesTooWideToDrawAreTyped() {
        let wide = Field(id: "f", key: "f", type: .opinionScale, validation: FieldValidation(min: 0, max: 100))
        XCTAssertEqual(FillLayout.input(for: wide), .text)
        let noChoices = Field(id: "g", key: "g", type: .singleChoice)
        XCTAssertEqual(FillLayout.input(for: noChoices), .text)
    }
}
