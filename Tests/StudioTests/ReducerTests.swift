import FormCore
import Studio
import TUIKit
import XCTest

/// Action in, state and effects out: no driver, no rendering.
final class ReducerTests: XCTestCase {
    func opened(_ form: Form = Fixtures.contact) -> AppState {
        var state = AppState(size: Size(width: 120, height: 40))
        let effects = AppReducer.reduce(.draftOpened(DraftSnapshot(form: form, revision: 3)), &state)
        XCTAssertEqual(effects, [.compileRules(form, answers: Answers(), generation: 1), .lint(form, generation: 1)])
        return state
    }

    func testLoadingFormsFillsTheList() {
        var state = AppState(size: Size(width: 80, height: 24))
        let listing = FormListing(id: "a", title: "A", latestVersion: 2, revision: 5, responseCount: 7)
        XCTAssertEqual(AppReducer.reduce(.formsLoaded([listing]), &state), [])
        XCTAssertEqual(state.forms.forms, [listing])
        XCTAssertFalse(state.forms.loading)
        XCTAssertEqual(AppReducer.reduce(.forms(.open), &state), [.openDraft(formID: "a")])
        XCTAssertEqual(listing.stateLabel, "published")
    }

    func testMoveDownRecordsUndoAndAsksForRecompile() {
        var state = opened()
        let effects = AppReducer.reduce(.builder(.moveDown), &state)
        let form = state.builder?.form
        XCTAssertEqual(Fixtures.topKeys(form), ["details", "email", "color"])
        XCTAssertEqual(form?.pages[0].fields[0].children.first?.key, "subscribe", "moving down into the group below enters it")
        XCTAssertEqual(state.builder?.selection, "f_subscribe", "the selection follows the moved field")
        XCTAssertEqual(state.builder?.history.undoStack.count, 1)
        XCTAssertEqual(state.builder?.dirty, true)
        XCTAssertEqual(effects.count, 2)
        if case .compileRules(let compiled, _, let generation)? = effects.first {
            XCTAssertEqual(compiled, form)
            XCTAssertEqual(generation, 2)
        } else {
            XCTFail("expected a compile effect first, got \(effects)")
        }
    }

    func testRefusedMoveShowsWhyAndChangesNothing() {
        var state = opened()
        let before = state.builder?.form
        XCTAssertEqual(AppReducer.reduce(.builder(.moveUp), &state), [])
        XCTAssertEqual(state.builder?.form, before)
        XCTAssertEqual(state.toast?.text, "can't move further up")
        XCTAssertEqual(state.toast?.kind, .error)
    }

    func testUndoRedoRestoreTheForm() {
        var state = opened()
        let original = state.builder?.form
        _ = AppReducer.reduce(.builder(.moveDown), &state)
        let moved = state.builder?.form
        _ = AppReducer.reduce(.builder(.undo), &state)
        XCTAssertEqual(state.builder?.form, original)
        _ = AppReducer.reduce(.builder(.redo), &state)
        XCTAssertEqual(state.builder?.form, moved)
    }

    func testSaveAndAnswer() {
        var state = opened()
        _ = AppReducer.reduce(.builder(.moveDown), &state)
        let form = state.builder!.form
        XCTAssertEqual(AppReducer.reduce(.builder(.save), &state), [.saveDraft(form, expectedRevision: 3)])
        XCTAssertEqual(AppReducer.reduce(.builder(.save), &state), [], "one save at a time")
        XCTAssertEqual(AppReducer.reduce(.draftSaved(formID: "contact", revision: 4), &state), [])
        XCTAssertEqual(state.builder?.revision, 4)
        XCTAssertEqual(state.builder?.dirty, false)
    }

    func testAutosaveWaitsForTwoQuietTicks() {
        var state = opened()
        _ = AppReducer.reduce(.builder(.moveDown), &state)
        XCTAssertEqual(AppReducer.reduce(.tick, &state), [])
        XCTAssertEqual(AppReducer.reduce(.tick, &state), [.saveDraft(state.builder!.form, expectedRevision: 3)])
    }

    func testSaveFailureKeepsTheFormDirty() {
        var state = opened()
        _ = AppReducer.reduce(.builder(.moveDown), &state)
        _ = AppReducer.reduce(.builder(.save), &state)
        _ = AppReducer.reduce(.saveFailed("conflict"), &state)
        XCTAssertEqual(state.builder?.dirty, true)
        XCTAssertNil(state.builder?.savingEditCount)
        XCTAssertEqual(state.toast?.kind, .error)
        for _ in 0..<5 { XCTAssertEqual(AppReducer.reduce(.tick, &state), [], "no autosave retry loop after a failure") }
        XCTAssertEqual(AppReducer.reduce(.builder(.save), &state).count, 1, "an explicit save still tries")
    }

    func testReopeningKeepsGenerationsIncreasing() {
        var state = opened()
        _ = AppReducer.reduce(.builder(.moveDown), &state)
        _ = AppReducer.reduce(.global(.quit), &state)
        _ = AppReducer.reduce(.key(KeyEvent(.left)), &state)
        _ = AppReducer.reduce(.key(KeyEvent(.enter)), &state)
        XCTAssertEqual(state.screen, .forms, "Discard leaves the builder")
        let effects = AppReducer.reduce(.draftOpened(DraftSnapshot(form: Fixtures.contact, revision: 4)), &state)
        guard case .compileRules(_, _, let generation)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(generation, 3)
    }

    func testPublishSavesFirstThenPublishes() {
        var state = opened()
        _ = AppReducer.reduce(.builder(.moveDown), &state)
        XCTAssertEqual(AppReducer.reduce(.builder(.publish), &state).count, 1)
        XCTAssertEqual(AppReducer.reduce(.draftSaved(formID: "contact", revision: 4), &state), [.publish(formID: "contact")])
        _ = AppReducer.reduce(.published(formID: "contact", version: 1), &state)
        XCTAssertEqual(state.toast?.text, "published version 1")
    }

    func testStaleCompileResultsAreDropped() {
        var state = opened()
        let compiled = CompiledRules(form: Fixtures.contact, answers: Answers())
        _ = AppReducer.reduce(.rulesCompiled(compiled, generation: 99), &state)
        XCTAssertNil(state.builder?.engine)
        _ = AppReducer.reduce(.rulesCompiled(compiled, generation: 1), &state)
        XCTAssertNotNil(state.builder?.engine)
        _ = AppReducer.reduce(.linted([LintIssue("x", .error, at: "rules", "m")], generation: 1), &state)
        XCTAssertEqual(state.builder?.lint.count, 1)
    }

    func testQuitAsksWhenUnsaved() {
        var state = opened()
        XCTAssertEqual(AppReducer.reduce(.global(.quit), &state), [.loadForms], "nothing unsaved: straight back")
        state = opened()
        _ = AppReducer.reduce(.builder(.moveDown), &state)
        XCTAssertEqual(AppReducer.reduce(.global(.quit), &state), [])
        guard case .confirm(let confirm)? = state.overlay else { return XCTFail("expected a confirmation") }
        XCTAssertEqual(confirm.buttons, ["Save", "Discard", "Cancel"])
        XCTAssertEqual(confirm.selected, 2, "the safe button is preselected")
        XCTAssertEqual(AppReducer.reduce(.global(.forceQuit), &state), [])
        var fresh = AppState(size: Size(width: 80, height: 24))
        XCTAssertEqual(AppReducer.reduce(.global(.forceQuit), &fresh), [.quit])
        XCTAssertEqual(AppReducer.reduce(.global(.suspend), &fresh), [.suspend])
    }

    func testFailureShowsAToastThatExpires() {
        var state = AppState(size: Size(width: 80, height: 24))
        _ = AppReducer.reduce(.failed("disk full"), &state)
        XCTAssertEqual(state.toast?.text, "disk full")
        for _ in 0..<AppState.toastTicks { _ = AppReducer.reduce(.tick, &state) }
        XCTAssertNil(state.toast)
    }

    func testEffectsAnswersFromTheRunner() throws {
        let repository = TUITestingRepository.make()
        let runner = EffectRunner(repository: repository)
        XCTAssertEqual(runner.perform(.loadForms).count, 1)
        let created = runner.perform(.createForm(Form(id: "new", title: "New", pages: [Page(id: "p", title: "P")])))
        guard case .formCreated(let id, _)? = created.first else { return XCTFail("\(created)") }
        XCTAssertEqual(id, "new")
        guard case .failed(let message)? = runner.perform(.openDraft(formID: "missing")).first else { return XCTFail() }
        XCTAssertEqual(message, "no form with id \"missing\"")
        guard case .saveFailed? = runner.perform(.saveDraft(Fixtures.contact, expectedRevision: 7)).first else { return XCTFail() }
        XCTAssertEqual(runner.perform(.quit).count, 0)
        XCTAssertTrue(EffectRunner.touchesStore(.loadForms))
        XCTAssertFalse(EffectRunner.touchesStore(.lint(Fixtures.contact, generation: 1)))
    }
}

/// A rule cycle is refused with its path and shown, while the last good preview stays.
final class CycleTests: XCTestCase {
    func testCycleIsShownWithItsPath() throws {
        var form = Fixtures.contact
        form.pages[0].fields[2].visibleIf = "${color} = 'red'"
        let (driver, _) = try Fixtures.builder(form: form)
        XCTAssertNil(driver.state.builder?.engineError)
        try driver.press("G tab")
        for _ in 0..<8 { try driver.press("j") }
        try driver.press("enter")
        driver.type("${email} != ''")
        try driver.press("enter")
        XCTAssertEqual(driver.state.builder?.engineError?.hasPrefix("dependency cycle:"), true)
        XCTAssertTrue(driver.shows("rules: cycle"))
        XCTAssertNotNil(driver.state.builder?.engine, "the last good engine keeps the preview alive")
        try driver.press("r")
        XCTAssertTrue(driver.lines.contains { $0.contains("dependency cycle") && $0.contains("→") }, driver.screen)
    }
}
