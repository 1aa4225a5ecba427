import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// Text typed into a field without tab/enter is saved into the draft once typing pauses.
final class FillAutosaveTests: XCTestCase {
    func opened() -> AppState {
        var state = AppState(size: Size(width: 80, height: 24))
        _ = AppReducer.reduce(.fillEvent(.start(formID: "kinds", quitWhenDone: false)), &state)
        _ = AppReducer.reduce(.fillEvent(.opened(FillSession(form: FillFixtures.kinds, version: 3, draft: nil))), &state)
        return state
    }

    func type(_ text: String, _ state: inout AppState) -> [Effect] {
        text.flatMap { AppReducer.reduce(.key(KeyEvent(.char($0))), &state) }
    }

    func testTypedTextIsSavedAfterTwoQuietTicks() {
        var state = opened()
        XCTAssertEqual(type("4", &state), [], "typing alone saves nothing")
        XCTAssertEqual(AppReducer.reduce(.tick, &state), [], "the first tick only sees the text")
        let effects = AppReducer.reduce(.tick, &state)
        guard case .fill(.save("kinds", 3, nil, let answers))? = effects.first, effects.count == 1 else {
            return XCTFail("the second quiet tick saves the typed text: \(effects)")
        }
        XCTAssertEqual(answers.values["count"], .number(4))
        XCTAssertEqual(state.fill?.editor?.text, "4", "the editor keeps the text and the cursor stays")
        XCTAssertEqual(AppReducer.reduce(.fillEvent(.draftSaved(12)), &state), [])
        for _ in 0..<3 { XCTAssertEqual(AppReducer.reduce(.tick, &state), [], "saved text is not saved again") }
        XCTAssertEqual(try KeyEvent.parseList("tab").flatMap { AppReducer.reduce(.key($0), &state) }, [],
                       "committing the saved text changes nothing")
    }

    func testTypingAgainRestartsTheWait() {
        var state = opened()
        _ = type("1", &state)
        XCTAssertEqual(AppReducer.reduce(.tick, &state), [])
        _ = type("2", &state)
        XCTAssertEqual(AppReducer.reduce(.tick, &state), [], "the text changed since the last tick")
        let effects = AppReducer.reduce(.tick, &state)
        guard case .fill(.save(_, _, _, let answers))? = effects.first else { return XCTFail("saved after the pause: \(effects)") }
        XCTAssertEqual(answers.values["count"], .number(12))
        XCTAssertEqual(state.fill?.messages["count"], "must be at most 9", "the saved value is checked like a committed one")
    }

    func testUnparsableTextStaysUnsavedAndKeepsItsMessage() throws {
        var state = opened()
        _ = type("x", &state)
        _ = try KeyEvent.parseList("tab").flatMap { AppReducer.reduce(.key($0), &state) }
        let message = state.fill?.messages["count"]
        XCTAssertNotNil(message, "tab refuses text that is not a number")
        for _ in 0..<4 { XCTAssertEqual(AppReducer.reduce(.tick, &state), [], "nothing to save") }
        XCTAssertEqual(state.fill?.messages["count"], message)
        XCTAssertNil(state.fill?.draftID)
        XCTAssertEqual(state.fill?.engine?.answers.values["count"], nil)
    }

    func testTypingWhileTheDraftIsCreatedMakesOneDraft() {
        var state = opened()
        _ = type("3", &state)
        _ = AppReducer.reduce(.tick, &state)
        guard case .fill(.save(_, _, nil, _))? = AppReducer.reduce(.tick, &state).first else { return XCTFail("the first save creates the draft") }
        _ = AppReducer.reduce(.key(KeyEvent(.backspace)), &state)
        _ = type("5", &state)
        XCTAssertEqual(AppReducer.reduce(.tick, &state), [])
        XCTAssertEqual(AppReducer.reduce(.tick, &state), [], "the second save waits for the new draft's id")
        XCTAssertTrue(state.fill?.saveWhenCreated ?? false)
        let effects = AppReducer.reduce(.fillEvent(.draftSaved(8)), &state)
        guard case .fill(.save(_, _, 8?, let answers))? = effects.first else { return XCTFail("then saved into draft 8: \(effects)") }
        XCTAssertEqual(answers.values["count"], .number(5))
    }

    func testNothingIsSavedOffTheFillScreenOrWithoutAnEditor() throws {
        var state = opened()
        _ = try KeyEvent.parseList("tab tab").flatMap { AppReducer.reduce(.key($0), &state) }
        XCTAssertNil(state.fill?.editor, "the consent line takes no typed text")
        for _ in 0..<3 { XCTAssertEqual(AppReducer.reduce(.tick, &state), []) }
        XCTAssertNil(state.fill?.typing)
        var other = AppState(size: Size(width: 80, height: 24))
        XCTAssertEqual(AppReducer.reduce(.tick, &other), [])
    }
}
