import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// The Fill reducer without a runner: effects as values, answers fed by hand.
final class FillReducerTests: XCTestCase {
    func opened(_ form: Form = FillFixtures.kinds, draft: FillDraft? = nil) -> AppState {
        var state = AppState(size: Size(width: 80, height: 24))
        let start = AppReducer.reduce(.fillEvent(.start(formID: form.id, quitWhenDone: false)), &state)
        XCTAssertEqual(start, [.fill(.open(formID: form.id))])
        _ = AppReducer.reduce(.fillEvent(.opened(FillSession(form: form, version: 3, draft: draft))), &state)
        return state
    }

    func key(_ script: String, _ state: inout AppState) throws -> [Effect] {
        try KeyEvent.parseList(script).flatMap { AppReducer.reduce(.key($0), &state) }
    }

    func testAnswersWaitingForTheNewDraftAreSavedIntoIt() throws {
        var state = opened()
        var effects = AppReducer.reduce(.paste("2"), &state) + (try key("tab", &state))
        XCTAssertEqual(effects.count, 1)
        guard case .fill(.save(_, 3, nil, _))? = effects.first else { return XCTFail("first save creates the draft: \(effects)") }
        effects = try key("tab space", &state)
        XCTAssertEqual(effects, [], "the second answer waits for the draft's id")
        XCTAssertTrue(state.fill?.saveWhenCreated ?? false)
        effects = AppReducer.reduce(.fillEvent(.draftSaved(41)), &state)
        guard case .fill(.save(_, 3, 41?, let answers))? = effects.first else { return XCTFail("then saved into draft 41: \(effects)") }
        XCTAssertEqual(answers.values["ok"], .bool(true))
        XCTAssertEqual(answers.values["count"], .number(2))
    }

    func testSubmitWaitsForTheDraftToExist() throws {
        var state = opened()
        _ = try key("tab tab space", &state)
        XCTAssertEqual(try key("ctrl+s", &state), [])
        let effects = AppReducer.reduce(.fillEvent(.draftSaved(7)), &state)
        guard case .fill(.submit("kinds", 3, 7?, _))? = effects.first else { return XCTFail("submit after the draft: \(effects)") }
    }

    func testRejectedAndFailedSavesAreShown() throws {
        var state = opened()
        let problem = ResponseProblem(path: "count", fieldID: "f_count", message: "too many")
        _ = AppReducer.reduce(.fillEvent(.rejected([problem])), &state)
        XCTAssertEqual(state.fill?.messages["count"], "too many")
        _ = AppReducer.reduce(.fillEvent(.saveFailed("disk full")), &state)
        XCTAssertEqual(state.toast?.text, "not saved: disk full")
        XCTAssertEqual(state.fill?.pendingSaves, 0)
    }

    func testResumeTakesTheDraftsAnswersAndId() throws {
        let draft = FillDraft(id: 9, updatedAt: Date(timeIntervalSince1970: 0), answers: Answers(values: ["count": .number(5)]))
        var state = opened(draft: draft)
        guard case .confirm(let confirm)? = state.overlay else { return XCTFail("no dialog") }
        XCTAssertEqual(confirm.message, "Resume your draft from 1970-01-01 00:00 UTC?")
        _ = try key("enter", &state)
        XCTAssertEqual(state.fill?.draftID, 9)
        XCTAssertEqual(state.fill?.editor?.text, "5", "the first field shows the resumed answer")
    }

    func testWhileLoadingOnlyLeavingDoesAnything() throws {
        var state = AppState(size: Size(width: 80, height: 24))
        _ = AppReducer.reduce(.fillEvent(.start(formID: "kinds", quitWhenDone: false)), &state)
        XCTAssertEqual(AppReducer.reduce(.fill(.nextPage), &state), [])
        XCTAssertEqual(state.screen, .fill)
        XCTAssertEqual(AppReducer.reduce(.fill(.leave), &state), [.loadForms])
        XCTAssertEqual(state.screen, .forms)
        XCTAssertEqual(AppReducer.reduce(.fill(.submit), &state), [], "no fill, nothing to do")
    }

    func testAFormWhoseRulesCannotRunIsRefused() throws {
        let a = Field(id: "f_a", key: "a", type: .integer, calculate: "${b} + 1")
        let b = Field(id: "f_b", key: "b", type: .integer, calculate: "${a} + 1")
        let cyclic = Form(id: "cyclic", title: "Cyclic", pages: [Page(id: "p", title: "P", fields: [a, b])])
        let state = opened(cyclic)
        XCTAssertEqual(state.screen, .forms)
        XCTAssertTrue(state.toast?.text.contains("cannot be evaluated") ?? false)
    }

    func testEveryFieldTypeCanBeAnswered() throws {
        let fields = FieldType.allCases.filter { $0.takesInput && $0 != .hidden }.enumerated().map { index, type in
            Field(id: "f\(index)", key: "k\(index)", type: type, label: type.displayName,
                  choices: type.usesChoices ? .list([Choice(value: "a", label: "Alpha"), Choice(value: "b", label: "Beta")]) : nil,
                  matrix: type == .choiceMatrix ? MatrixSpec(rows: [Choice(value: "r", label: "Row")], columns: [Choice(value: "c", label: "Col")]) : nil)
        }
        let form = Form(id: "all", title: "All", pages: [Page(id: "p", title: "All types", fields: fields)])
        var state = opened(form)
        let typed: [AnswerKind: String] = [.text: "a@b.co", .number: "3", .date: "2026-01-02", .time: "10:30", .dateTime: "2026-01-02T10:30",
                                           .duration: "90", .record: "a=1", .geopoint: "1,2", .signature: "Ann"]
        for field in fields {
            XCTAssertEqual(state.fill.flatMap { $0.focus.flatMap($0.field) }?.key, field.key)
            if state.fill?.editor != nil {
                _ = AppReducer.reduce(.paste(typed[field.type.answerKind] ?? "x"), &state)
            } else {
                _ = try key("space", &state)
            }
            _ = try key("tab", &state)
        }
        XCTAssertEqual(Set(state.fill?.engine?.answers.values.keys.map { $0 } ?? []), Set(fields.map(\.key)))
        let frame = AppView.render(state, size: Size(width: 80, height: 24), theme: .monochrome)
        XCTAssertNotNil(frame.cursor)
    }
}
