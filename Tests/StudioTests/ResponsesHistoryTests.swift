import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// `h` in the read view: the revision list, what each edit changed, an old version read only.
final class ResponsesHistoryTests: XCTestCase {
    func edited() throws -> (StudioDriver, InMemoryResponseService) {
        let service = ResponsesFixtures.service(count: 1)
        service.now = { Date(timeIntervalSince1970: 1_780_100_000) }
        let driver = ResponsesFixtures.driver(service)
        try driver.press("enter e tab ctrl+u")
        driver.type("44")
        try driver.press("ctrl+s e tab tab tab tab tab ctrl+u")
        driver.type("Max")
        try driver.press("ctrl+s")
        XCTAssertEqual(service.log, ["save 1", "save 1"])
        return (driver, service)
    }

    func testTheListNamesEachRevisionAndWhatTheNextChanged() throws {
        let (driver, _) = try edited()
        try driver.press("h")
        let history = try XCTUnwrap(driver.state.responses.detail?.history)
        XCTAssertEqual(history.versions.map(\.revision), [1, 2, 3])
        XCTAssertEqual(history.changes, [["age"], ["pets[1].pet_name"], []])
        XCTAssertEqual(history.selected, 2, "the current revision is highlighted")
        XCTAssertTrue(driver.shows("r1  2026-05-28 20:26  submitted  · r2 changed age"), driver.screen)
        XCTAssertTrue(driver.shows("r2  2026-05-30 00:13  submitted  · r3 changed pets[1].pet_name"), driver.screen)
        XCTAssertTrue(driver.shows("r3  2026-05-30 00:13  submitted  · current"))
    }

    func testAnOldRevisionIsReadOnlyAndEscGoesBackStepByStep() throws {
        let (driver, service) = try edited()
        try driver.press("h g enter")
        XCTAssertEqual(driver.state.responses.detail?.history?.viewing, 0)
        XCTAssertTrue(driver.shows("revision 1 of 3 · read only"))
        XCTAssertTrue(driver.shows("Rex"), "revision 1 still has the first pet's old name")
        XCTAssertTrue(driver.shows("20"))
        try driver.press("e ctrl+s j pgdn G k g")
        XCTAssertEqual(service.log.count, 2, "nothing is edited or saved from an old revision")
        XCTAssertNil(driver.state.responses.detail?.edits)
        try driver.press("escape")
        XCTAssertNil(driver.state.responses.detail?.history?.viewing, "esc: back to the list")
        XCTAssertTrue(driver.shows("history · 3 revisions"))
        try driver.press("j k pgup pgdn G escape")
        XCTAssertNil(driver.state.responses.detail?.history, "esc again: back to the response")
        XCTAssertTrue(driver.shows("Response 1 · submitted · 3 revisions"))
        XCTAssertTrue(driver.shows("Max"))
    }

    func testReadingAnOldRevisionScrollsWithinItsLines() throws {
        let service = ResponsesFixtures.service(count: 1)
        let driver = ResponsesFixtures.driver(service, size: Size(width: 80, height: 12))
        try driver.press("enter e ctrl+s h enter")
        let lines = try XCTUnwrap(driver.state.responses.detail?.history?.lines.count)
        XCTAssertEqual(lines, 10)
        try driver.press("G")
        XCTAssertEqual(driver.state.responses.detail?.history?.offset, lines - 6, "the last line at the bottom, no further")
        XCTAssertTrue(driver.shows("Tom"), driver.screen)
        try driver.press("k")
        XCTAssertEqual(driver.state.responses.detail?.history?.offset, lines - 7)
        try driver.press("g k")
        XCTAssertEqual(driver.state.responses.detail?.history?.offset, 0)
        XCTAssertTrue(driver.shows("Name"))
    }

    func testHistoryForAnotherResponseOrDuringAnEditIsIgnored() throws {
        var state = AppState(size: Size(width: 80, height: 24))
        let version = ResponseVersion(revision: 1, answers: Answers(), status: "draft", savedAt: Date(timeIntervalSince1970: 0))
        _ = AppReducer.reduce(.responsesEvent(.history(id: 1, [version])), &state)
        XCTAssertNil(state.responses.detail, "no response open")
        let (driver, _) = try edited()
        try driver.press("e")
        driver.send(.responsesEvent(.history(id: 1, [version])))
        XCTAssertNil(driver.state.responses.detail?.history, "not while editing")
        try driver.press("escape")
        driver.send(.responsesEvent(.history(id: 2, [version])))
        XCTAssertNil(driver.state.responses.detail?.history, "not for another response")
        XCTAssertThrowsError(try InMemoryResponseService().revisions(5))
    }

    func testDiffNamesAddedAndRemovedEntriesAndNestedAnswers() {
        let old = Answers(values: ["a": .number(1), "b": .string("x")],
                          repeats: ["kids": [Answers(values: ["n": .string("A")])], "pets": [Answers()]])
        let new = Answers(values: ["a": .number(1), "c": .bool(true)],
                          repeats: ["kids": [Answers(values: ["n": .string("B")])], "pets": []])
        XCTAssertEqual(ResponseDiff.changedPaths(old, new), ["b", "c", "kids[1].n", "pets"])
        XCTAssertEqual(ResponseDiff.changedPaths(new, new), [])
    }
}
