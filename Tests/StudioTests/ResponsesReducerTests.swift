import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// The Responses screen's reducer and effects as values.
final class ResponsesReducerTests: XCTestCase {
    func loaded() -> AppState {
        var state = AppState(size: Size(width: 80, height: 24))
        _ = AppReducer.reduce(.formsLoaded([FormListing(id: "people", title: "People", latestVersion: 1, revision: 1, responseCount: 3)]), &state)
        return state
    }

    func testGoingToTheTabAsksForTheFormThenTheIndexThenTheWindow() {
        var state = loaded()
        XCTAssertEqual(AppReducer.reduce(.command("go.responses"), &state), [.responses(.loadForm(formID: "people"))])
        XCTAssertEqual(state.screen, .responses)
        let query = ResponseQuery(formID: "people")
        XCTAssertEqual(AppReducer.reduce(.responsesEvent(.formLoaded(ResponsesFixtures.people)), &state), [.responses(.query(query))])
        XCTAssertEqual(state.responses.columns, [.id, .field("name"), .field("age"), .field("city"), .field("color"), .status, .submitted])
        let ids = Array(Int64(1)...500)
        let effects = AppReducer.reduce(.responsesEvent(.indexed(ResponseIndex(query: query, ids: ids, total: 500))), &state)
        XCTAssertEqual(effects, [.responses(.loadRows(Array(ids[0..<69]), window: 0..<69))], "the view plus a margin")
        XCTAssertEqual(AppReducer.reduce(.responses(.down), &state), [], "moving inside the loaded window asks nothing")
        XCTAssertEqual(AppReducer.reduce(.responses(.last), &state).count, 1)
        XCTAssertEqual(state.responses.requested, 431..<500)
    }

    func testStaleAnswersAreDropped() {
        var state = loaded()
        _ = AppReducer.reduce(.command("go.responses"), &state)
        _ = AppReducer.reduce(.responsesEvent(.formLoaded(ResponsesFixtures.people)), &state)
        let old = ResponseQuery(formID: "people", sort: ResponseSort(.submitted))
        XCTAssertEqual(AppReducer.reduce(.responsesEvent(.indexed(ResponseIndex(query: old, ids: [9], total: 1))), &state), [])
        XCTAssertEqual(state.responses.ids, [])
        _ = AppReducer.reduce(.responsesEvent(.rowsLoaded([ResponseRow(id: 9, status: "draft", submittedAt: nil, revision: 1, cells: [:])], window: 0..<1)), &state)
        XCTAssertTrue(state.responses.rows.isEmpty)
        var other = ResponsesFixtures.people
        other.id = "other"
        _ = AppReducer.reduce(.responsesEvent(.formLoaded(other)), &state)
        XCTAssertEqual(state.responses.form?.id, "people")
        _ = AppReducer.reduce(.responsesEvent(.unavailable(formID: "people", reason: "form \"people\" has no published version yet")), &state)
        XCTAssertEqual(state.responses.notice, "form \"people\" has no published version yet")
    }

    func testWithoutAFormTheScreenSaysHowToChooseOne() {
        var state = AppState(size: Size(width: 80, height: 24))
        XCTAssertEqual(AppReducer.reduce(.command("go.responses"), &state), [])
        XCTAssertEqual(state.responses.notice, "No form selected: press f to choose one.")
        let frame = AppView.render(state, size: state.size, theme: .monochrome)
        var terminal = HeadlessTerminal(size: state.size)
        terminal.present(frame)
        XCTAssertTrue(terminal.text.contains("press f to choose one"))
    }

    func testDisabledCommandsSayWhy() throws {
        let driver = StudioDriver(repository: InMemoryFormRepository())
        driver.send(.command("go.responses"))
        try driver.press("/")
        XCTAssertTrue(driver.shows("no published form chosen"))
        try driver.press("enter")
        XCTAssertTrue(driver.shows("no response selected"))
    }

    func testFailuresAreShown() {
        var state = loaded()
        _ = AppReducer.reduce(.responsesEvent(.failed("disk on fire")), &state)
        XCTAssertEqual(state.toast?.text, "disk on fire")
        XCTAssertEqual(state.toast?.kind, .error)
    }

    func testMatchingHelpers() throws {
        let answers = Answers(values: ["age": .number(40)], repeats: ["pets": [Answers(values: ["w": .number(2)]), Answers(values: ["w": .number(3)])]])
        XCTAssertTrue(ResponseMatching.matches(try XCTUnwrap(ResponseMatching.parse("sum(${w}) = 5 and ${age} >= 40")), answers))
        XCTAssertFalse(ResponseMatching.matches(try XCTUnwrap(ResponseMatching.parse("${age} / 0 > 1")), answers), "errors match nothing")
        XCTAssertNil(try ResponseMatching.parse("  "))
        XCTAssertThrowsError(try ResponseMatching.parse("${age} >"))
        XCTAssertTrue(ResponseMatching.ascending(.number(2), .number(10)))
        XCTAssertTrue(ResponseMatching.ascending(.string("b"), .empty))
        XCTAssertFalse(ResponseMatching.ascending(.empty, .string("a")))
        XCTAssertEqual(ResponseMatching.cells(Answers(values: ["name": .string("Ana")], repeats: ["pets": [Answers()]]), form: ResponsesFixtures.people),
                       ["name": "Ana", "pets": "1 entry"])
    }
}
