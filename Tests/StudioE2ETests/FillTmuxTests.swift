import FormCore
import Foundation
import XCTest

/// `formwork fill FORM` in a real terminal (tmux): answer so that pages are skipped, kill the
/// terminal mid-way, reopen, resume the draft, submit; then read the response back with
/// `formwork responses list --json`.
final class FillTmuxTests: TmuxTestCase {
    func startFill() throws {
        try startFormwork(["fill", "customer-survey"], width: 100)
    }

    func testKilledMidwayThenResumedAndSubmitted() throws {
        _ = try formwork(["forms", "import", Self.samples.appendingPathComponent("customer-survey.form.json").path])
        _ = try formwork(["forms", "publish", "customer-survey"])

        try startFill()
        try waitFor("Which product do you use most?")
        try send("Enter")
        try waitFor("(•) Formwork Cloud")
        try send("NPage")
        try waitFor("Your score")
        try type("9")
        try waitFor("page 2 of 5")
        try send("NPage")
        // A promoter skips "What would make it a 10?" and "What went wrong".
        try waitFor("page 3 of 5")
        try waitFor("Testimonial")
        try type("Reports in minutes")
        try send("Tab")
        try waitFor("draft saved")
        try shell(["tmux", "kill-session", "-t", session])

        let drafts = try formwork(["responses", "list", "customer-survey", "--status", "draft", "--json"])
        XCTAssertTrue(drafts.contains("Reports in minutes"), "the answers were saved before the kill: \(drafts)")

        try startFill()
        try waitFor("Resume your draft from")
        try send("Enter")
        try waitFor("(•) Formwork Cloud")
        try send("C-s")
        try waitFor("Submitted")
        try send("Enter")
        try waitFor("FORMWORK-EXITED-0")

        let submitted = try formwork(["responses", "list", "customer-survey", "--status", "submitted", "--json"])
        let lines = submitted.split(separator: "\n").filter { $0.hasPrefix("{") }
        XCTAssertEqual(lines.count, 1, submitted)
        XCTAssertTrue(submitted.contains("Reports in minutes"), submitted)
        XCTAssertTrue(submitted.contains("\"cloud\""), submitted)
        XCTAssertTrue(submitted.contains("\"nps\": 9"), submitted)
        let left = try formwork(["responses", "list", "customer-survey", "--status", "draft", "--json"])
        XCTAssertFalse(left.contains("{"), "the draft became the submitted response: \(left)")

        try findInResponses()
    }

    /// Text typed without tab/enter is saved once typing pauses: kill the terminal right
    /// after "draft saved" and the text is in the resumed draft.
    func testTypedTextIsSavedWithoutTab() throws {
        _ = try formwork(["forms", "import", Self.samples.appendingPathComponent("site-inspection.form.json").path])
        _ = try formwork(["forms", "publish", "site-inspection"])
        try startFormwork(["fill", "site-inspection"], width: 100)
        try waitFor("Inspector")
        try type("Ada Lovelace")
        try waitFor("draft saved")
        try shell(["tmux", "kill-session", "-t", session])

        let drafts = try formwork(["responses", "list", "site-inspection", "--status", "draft", "--json"])
        XCTAssertTrue(drafts.contains("Ada Lovelace"), "the typed text was saved before the kill: \(drafts)")

        try startFormwork(["fill", "site-inspection"], width: 100)
        try waitFor("Resume your draft from")
        try send("Enter")
        try waitFor("resumed the draft")
        try waitFor("Ada Lovelace")
        try send("Escape")
    }

    /// Opens the studio, goes to the form's responses, filters down to the submitted one and
    /// reads the testimonial given before the kill.
    func findInResponses() throws {
        try shell(["tmux", "kill-session", "-t", session])
        try startFormwork()
        try waitFor("Customer experience survey")
        try send("a")
        try waitFor("1 response")
        try send("/")
        try type("${testimonial} startswith 'Reports'")
        try send("Enter")
        try waitFor("1 match")
        try send("Enter")
        try waitFor("Reports in minutes")
        try send("q")
    }
}
