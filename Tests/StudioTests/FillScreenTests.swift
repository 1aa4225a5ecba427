import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

/// Filling in forms with scripted keys: pages and branching, entry kinds, drafts, submit.
final class FillScreenTests: XCTestCase {
    var survey: Form { get throws { try FillFixtures.sample("customer-survey") } }

    func answer(_ driver: StudioDriver, _ key: String) -> Value? {
        driver.state.fill?.engine?.answers.values[key]
    }

    func testFormsKeyOpensFillAndRefusesUnpublishedForms() throws {
        let (driver, _, _) = try FillFixtures.driver(forms: [FillFixtures.kinds], unpublished: [Fixtures.contact])
        try driver.press("f")
        XCTAssertEqual(driver.state.screen, .forms, "contact sorts first and was never published")
        XCTAssertTrue(driver.state.toast?.text.contains("never been published") ?? false)
        try driver.press("j f")
        XCTAssertEqual(driver.state.screen, .fill)
        XCTAssertTrue(driver.shows("How many"))
        XCTAssertTrue(driver.shows("page 1 of 1"))
        try driver.press("esc")
        XCTAssertEqual(driver.state.screen, .forms)
        XCTAssertNil(driver.state.fill)
    }

    func testAnsweringSoThatPagesAreSkipped() throws {
        let (driver, _) = try FillFixtures.filling("customer-survey", forms: [try survey])
        XCTAssertTrue(driver.shows("page 1 of 4"))
        try driver.press("enter pgdn")
        XCTAssertTrue(driver.shows("Your score"))
        driver.type("9")
        XCTAssertEqual(answer(driver, "nps"), .number(9))
        XCTAssertTrue(driver.shows("page 2 of 5"), "a promoter sees the testimonial page")
        try driver.press("pgdn")
        XCTAssertTrue(driver.shows("testimonial") || driver.shows("Testimonial"))
        XCTAssertEqual(driver.state.fill?.form?.pages[driver.state.fill!.page].id, "p_testimonial", "improve and wrong pages skipped")
        try driver.press("pgup")
        driver.type("3")
        try driver.press("pgdn")
        XCTAssertEqual(driver.state.fill?.form?.pages[driver.state.fill!.page].id, "p_wrong", "a detractor is asked what went wrong")
        try driver.press("pgdn pgdn pgdn")
        XCTAssertTrue(driver.shows("page 5 of 5"))
        try driver.press("pgdn")
        XCTAssertTrue(driver.state.toast?.text.contains("last page") ?? false)
    }

    func testMultipleChoiceTogglesWithSpace() throws {
        let (driver, _) = try FillFixtures.filling("customer-survey", forms: [try survey])
        try driver.press("enter pgdn")
        driver.type("4")
        try driver.press("pgdn")
        XCTAssertEqual(driver.state.fill?.form?.pages[driver.state.fill!.page].id, "p_wrong")
        try driver.press("space down space down space")
        XCTAssertEqual(answer(driver, "problems"), .list([.string("bugs"), .string("slow"), .string("missing_features")]))
        try driver.press("up space")
        XCTAssertEqual(answer(driver, "problems"), .list([.string("bugs"), .string("missing_features")]))
        XCTAssertTrue(driver.shows("[x] Bugs") || driver.shows("[x] "))
        // A letter jumps to the next choice starting with it.
        try driver.press("t")
        XCTAssertEqual(driver.state.fill?.option, 3)
        try driver.press("t")
        XCTAssertEqual(driver.state.fill?.option, 1, "and wraps around")
    }

    func testInvalidNumberShowsMessageAndKeepsTheCursor() throws {
        let (driver, _) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds])
        driver.type("abc")
        try driver.press("tab")
        XCTAssertTrue(driver.shows("✗ \"abc\" is not a number"))
        XCTAssertEqual(driver.state.fill?.focus?.kind, .input)
        XCTAssertEqual(driver.state.fill.flatMap { $0.focus.flatMap($0.field) }?.key, "count")
        try driver.press("ctrl+u")
        driver.type("12")
        try driver.press("tab")
        XCTAssertEqual(answer(driver, "count"), .number(12))
        XCTAssertTrue(driver.shows("✗"), "out of range is shown, the answer kept")
        XCTAssertEqual(driver.state.fill.flatMap { $0.focus.flatMap($0.field) }?.key, "day")
        driver.type("2026-02-30")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("is not a date"))
        try driver.press("ctrl+u")
        driver.type("2026-02-03")
        try driver.press("enter")
        XCTAssertEqual(answer(driver, "day"), .date(LocalDate(iso: "2026-02-03")!))
    }

    func testSubmitListsMissingRequiredAnswersThenStoresTheResponse() throws {
        let (driver, service) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds])
        try driver.press("ctrl+s")
        XCTAssertEqual(driver.state.fill?.problems.map(\.path), ["ok"])
        XCTAssertTrue(driver.shows("Not submitted: 1 problem"))
        XCTAssertTrue(driver.shows("ok: an answer is required"))
        XCTAssertEqual(driver.state.fill.flatMap { $0.focus.flatMap($0.field) }?.key, "ok", "the cursor jumps to the first problem")
        try driver.press("space")
        XCTAssertEqual(answer(driver, "ok"), .bool(true))
        try driver.press("ctrl+s")
        guard case .confirm(let confirm)? = driver.state.overlay else { return XCTFail("no confirmation") }
        XCTAssertTrue(confirm.message.contains("stored as response 1"))
        XCTAssertEqual(service.responses.map(\.submitted), [true], "the draft became the response")
        try driver.press("enter")
        XCTAssertEqual(driver.state.screen, .forms)
        XCTAssertTrue(driver.hostEffects.isEmpty)
    }

    func testClosingTheConfirmationWithEscStillLeavesAndNeverSubmitsTwice() throws {
        let (driver, service) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds])
        try driver.press("tab tab space ctrl+s esc")
        XCTAssertEqual(driver.state.screen, .fill)
        try driver.press("ctrl+s")
        XCTAssertEqual(driver.state.screen, .forms)
        XCTAssertEqual(service.responses.count, 1)
    }

    func testEveryAnswerIsSavedToOneDraft() throws {
        let (driver, service) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds])
        driver.type("3")
        try driver.press("tab tab space tab right right")
        let saves = driver.effectLog.filter { if case .fill(.save) = $0 { return true } else { return false } }
        XCTAssertEqual(saves.count, 4, "count, consent, and two scale moves")
        XCTAssertEqual(service.responses.count, 1)
        XCTAssertEqual(service.responses[0].answers.values["stars"], .number(5))
        XCTAssertTrue(driver.shows("draft saved"))
    }

    func testResumeOfferAfterReopening() throws {
        let (driver, service, _) = try FillFixtures.driver(forms: [FillFixtures.kinds])
        try driver.press("f")
        driver.type("4")
        try driver.press("tab esc")
        XCTAssertEqual(driver.state.toast?.text, "your answers are kept in a draft")
        try driver.press("f")
        guard case .confirm(let confirm)? = driver.state.overlay else { return XCTFail("no resume offer") }
        XCTAssertEqual(confirm.message, "Resume your draft from 2026-09-21 14:14 UTC?")
        XCTAssertTrue(driver.shows("Start over"))
        try driver.press("enter")
        XCTAssertEqual(answer(driver, "count"), .number(4))
        XCTAssertTrue(driver.shows("[4]") || driver.shows("4"))
        try driver.press("tab tab space")
        XCTAssertEqual(service.responses.count, 1, "the resumed draft is updated, not copied")
        try driver.press("esc f right enter")
        XCTAssertNil(answer(driver, "count"), "start over begins empty")
        driver.type("7")
        try driver.press("tab")
        XCTAssertEqual(service.responses.count, 1, "starting over overwrites the draft instead of leaving a second one")
        XCTAssertEqual(service.responses[0].answers.values["count"], .number(7))
    }

    func testStartedByTheCommandQuitsWhenDone() throws {
        let (driver, _) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds], quit: true)
        try driver.press("tab tab space ctrl+s")
        XCTAssertTrue(driver.shows("Quit"))
        try driver.press("enter")
        XCTAssertEqual(driver.hostEffects, [.quit])
        let (other, _) = try FillFixtures.filling("kinds", forms: [FillFixtures.kinds], quit: true)
        try other.press("esc")
        XCTAssertEqual(other.hostEffects, [.quit])
    }

    func testOpeningFailsWithoutTheServiceOrForAnUnknownForm() throws {
        let repository = InMemoryFormRepository(forms: [FillFixtures.kinds])
        _ = try repository.publish("kinds")
        let driver = StudioDriver(repository: repository)
        try driver.press("f")
        XCTAssertEqual(driver.state.screen, .forms)
        XCTAssertTrue(driver.state.toast?.text.contains("not available") ?? false)
        let (other, _) = try FillFixtures.filling("nope", forms: [FillFixtures.kinds])
        XCTAssertEqual(other.state.screen, .forms)
        XCTAssertEqual(other.state.toast?.text, "no form with id \"nope\"")
        let (quitting, _) = try FillFixtures.filling("nope", forms: [FillFixtures.kinds], quit: true)
        XCTAssertEqual(quitting.hostEffects, [.quit])
    }
}
