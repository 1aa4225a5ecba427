import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// The Responses screen driven by keys, with the in-memory service.
final class ResponsesScreenTests: XCTestCase {
    func testFormsKeyAOpensTheSelectedFormsResponses() throws {
        let driver = ResponsesFixtures.driver()
        XCTAssertEqual(driver.state.screen, .responses)
        XCTAssertEqual(driver.state.responses.formID, "people")
        XCTAssertTrue(driver.shows("Responses · People v1"))
        XCTAssertTrue(driver.shows("Ana"))
        XCTAssertTrue(driver.shows("12 responses"))
        XCTAssertTrue(driver.shows("2026-05-28"), "submitted times show in UTC")
        try driver.press("q")
        XCTAssertEqual(driver.state.screen, .forms)
        try driver.press("a")
        XCTAssertEqual(driver.state.screen, .responses)
        driver.send(.command("go.forms"))
        driver.send(.command("go.responses"))
        XCTAssertEqual(driver.state.screen, .responses)
        XCTAssertTrue(driver.shows("Bruno"))
    }

    func testScrollingKeys() throws {
        let driver = ResponsesFixtures.driver(ResponsesFixtures.service(count: 300), size: Size(width: 80, height: 24))
        try driver.press("j j")
        XCTAssertEqual(driver.state.responses.selected, 2)
        try driver.press("k")
        XCTAssertEqual(driver.state.responses.selected, 1)
        try driver.press("pagedown")
        XCTAssertEqual(driver.state.responses.selected, 1 + 19)
        try driver.press("G")
        XCTAssertEqual(driver.state.responses.selected, 299)
        XCTAssertTrue(driver.shows("300/300"))
        XCTAssertTrue(driver.isSelected("300"), "the last row is loaded and highlighted")
        let r = driver.state.responses
        XCTAssertTrue(r.ids[r.top...].allSatisfy { r.rows[$0] != nil }, "the window around the view is loaded")
        try driver.press("pageup")
        XCTAssertEqual(driver.state.responses.selected, 299 - 19)
        try driver.press("g")
        XCTAssertEqual(driver.state.responses.selected, 0)
        XCTAssertLessThan(driver.state.responses.rows.count, 300, "only the window around the view is held")
    }

    func testSortByTheFocusedColumnAndReverse() throws {
        let driver = ResponsesFixtures.driver()
        try driver.press("right right s")
        XCTAssertEqual(driver.state.responses.sort, ResponseSort(.field("age")))
        XCTAssertTrue(driver.isSelected("Ana"))
        try driver.press("s")
        XCTAssertEqual(driver.state.responses.sort, ResponseSort(.field("age"), descending: true))
        XCTAssertTrue(driver.isSelected("Lena"), "oldest first after reversing")
        XCTAssertTrue(driver.shows("▼"))
        try driver.press("left s")
        XCTAssertEqual(driver.state.responses.sort, ResponseSort(.field("name")))
    }

    func testFilterWithABadThenAGoodExpression() throws {
        let driver = ResponsesFixtures.driver()
        try driver.press("/")
        driver.type("${age} > ")
        XCTAssertNotNil(driver.state.responses.filterError)
        XCTAssertTrue(driver.shows("^ column 10"), driver.screen)
        try driver.press("enter")
        XCTAssertTrue(driver.state.responses.filtering, "a broken filter is not applied")
        XCTAssertTrue(driver.shows("the filter has an error at column 10"))
        driver.type("50 and ${city} = 'Porto'")
        XCTAssertNil(driver.state.responses.filterError)
        try driver.press("enter")
        XCTAssertFalse(driver.state.responses.filtering)
        // Ages 20+3n > 50 → n ≥ 11; Porto → n odd: only n = 11 (Lena).
        XCTAssertEqual(driver.state.responses.ids.count, 1)
        XCTAssertTrue(driver.shows("1 match · 1/1 · 12 responses"))
        XCTAssertTrue(driver.shows("Lena"))
        XCTAssertFalse(driver.shows("Ana "))
        try driver.press("esc")
        XCTAssertEqual(driver.state.responses.ids.count, 12, "esc drops the filter")
    }

    func testColumnPicker() throws {
        let driver = ResponsesFixtures.driver()
        XCTAssertFalse(driver.shows("Note"))
        try driver.press("c")
        XCTAssertTrue(driver.shows("[x] Name"))
        XCTAssertTrue(driver.shows("[ ] Note"))
        try driver.press("j space")
        XCTAssertTrue(driver.shows("[ ] Name"))
        try driver.press("j j j j space enter")
        XCTAssertFalse(driver.state.responses.columns.contains(.field("name")))
        XCTAssertTrue(driver.state.responses.columns.contains(.field("note")))
        XCTAssertTrue(driver.shows("Note"))
        XCTAssertFalse(driver.shows("Ana"), "the name column is hidden")
    }

    func testOpenEditSaveMakesRevisionTwo() throws {
        let service = ResponsesFixtures.service()
        let driver = ResponsesFixtures.driver(service)
        try driver.press("enter")
        XCTAssertTrue(driver.shows("Response 1 · submitted · 1 revision"))
        XCTAssertTrue(driver.shows("Rex"), "repeat entries are listed")
        XCTAssertTrue(driver.shows("#2"))
        try driver.press("e")
        XCTAssertTrue(driver.shows("editing"))
        try driver.press("tab ctrl+u")
        driver.type("abc")
        XCTAssertNotNil(driver.state.responses.detail?.edits?[1].error, driver.screen)
        try driver.press("ctrl+s")
        XCTAssertTrue(driver.shows("not saved"))
        XCTAssertEqual(service.log, [])
        try driver.press("ctrl+u")
        driver.type("150")
        try driver.press("ctrl+s")
        XCTAssertTrue(driver.state.responses.detail?.problems.first?.contains("age") ?? false, "range checked by the form's validation")
        try driver.press("ctrl+u")
        driver.type("44")
        try driver.press("ctrl+s")
        XCTAssertEqual(service.log, ["save 1"])
        XCTAssertTrue(driver.shows("2 revisions"))
        XCTAssertTrue(driver.shows("saved: revision 2"))
        XCTAssertEqual(service.history(1).map { $0["age"] }, [.number(20), .number(44)])
        XCTAssertTrue(driver.shows("44"))
        try driver.press("q")
        XCTAssertNil(driver.state.responses.detail)
        XCTAssertTrue(driver.shows("submitted r2"))
    }

    func testDeleteAsksFirst() throws {
        let service = ResponsesFixtures.service()
        let driver = ResponsesFixtures.driver(service)
        try driver.press("j d")
        XCTAssertTrue(driver.shows("Delete response 2"))
        try driver.press("enter")
        XCTAssertEqual(service.log, [], "Cancel is highlighted first")
        try driver.press("d left enter")
        XCTAssertEqual(service.log, ["delete 2"])
        XCTAssertTrue(driver.shows("11 responses"))
        try driver.press("enter d y")
        XCTAssertEqual(service.log, ["delete 2", "delete 3"], "the row under the deleted one is selected")
        XCTAssertNil(driver.state.responses.detail)
    }

    func testImportPreviewShowsFailingRowsThenImports() throws {
        let service = ResponsesFixtures.service(count: 2)
        let driver = ResponsesFixtures.driver(service)
        let path = try ResponsesFixtures.file("new.csv", "name,age,shoe\nZoe,30,42\n,40,1\nYan,old,3\nXi,25,\n")
        try driver.press("i")
        driver.type(path)
        try driver.press("enter")
        XCTAssertTrue(driver.shows("Import preview"))
        XCTAssertTrue(driver.shows("age → age"))
        XCTAssertTrue(driver.shows("shoe → (not used)"))
        XCTAssertTrue(driver.shows("line 3: name: an answer is required"), driver.screen)
        XCTAssertTrue(driver.shows("line 4:"))
        XCTAssertTrue(driver.shows("2 to import · 2 failing"))
        try driver.press("enter")
        XCTAssertEqual(service.log, ["import new.csv"])
        XCTAssertTrue(driver.shows("imported 2 responses"))
        XCTAssertTrue(driver.shows("4 responses"))
    }

    func testExportWritesTheChosenFormat() throws {
        let driver = ResponsesFixtures.driver()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try driver.press("x")
        XCTAssertTrue(driver.shows("Export as CSV"))
        try driver.press("tab")
        XCTAssertTrue(driver.shows("Export as JSONL"))
        try driver.press("ctrl+u")
        driver.type(folder.appendingPathComponent("out.jsonl").path)
        try driver.press("enter")
        XCTAssertTrue(driver.shows("exported 12 responses"))
        let text = try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").count, 12)
        XCTAssertTrue(text.contains("Ana"))
    }

    func testFormPickerAndMissingService() throws {
        let driver = ResponsesFixtures.driver()
        try driver.press("f")
        XCTAssertTrue(driver.shows("People"))
        try driver.press("esc")
        XCTAssertNil(driver.state.responses.panel)
        let bare = StudioDriver(repository: InMemoryFormRepository(forms: [ResponsesFixtures.people]))
        bare.send(.command("go.responses"))
        XCTAssertTrue(bare.shows("not available"))
    }
}

/// Pasted text on the Responses screen.
final class ResponsesPasteTests: XCTestCase {
    func testPasteGoesIntoTheFilterThePromptAndTheFocusedAnswer() throws {
        let driver = ResponsesFixtures.driver()
        try driver.press("/")
        driver.send(.paste("${age} >"))
        XCTAssertNotNil(driver.state.responses.filterError, "pasted text is parsed like typed text")
        driver.send(.paste(" 50"))
        try driver.press("enter")
        XCTAssertEqual(driver.state.responses.ids.count, 1)
        try driver.press("i")
        driver.send(.paste("/tmp/a.csv"))
        XCTAssertEqual(driver.state.responses.panel, .importPath(TextField("/tmp/a.csv")))
        try driver.press("esc enter e")
        driver.send(.paste(" Lima"))
        XCTAssertEqual(driver.state.responses.detail?.edits?.first?.text.text, "Lena Lima")
    }
}
