import XCTest

/// `formwork fill` against a temporary workspace and standalone form files.
final class FillCLITests: CLITestCase {
    var workspace: String { directory.appendingPathComponent("ws").path }

    func formwork(_ arguments: [String]) throws -> Run {
        try run(arguments + ["--workspace", workspace])
    }

    func testValidAnswersAreSubmittedAndListed() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("site-inspection.form.json")]).status, 0)
        var r = try formwork(["fill", "site-inspection", "--answers", sample("site-inspection.answers.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, ["submitted response 1"])

        r = try formwork(["responses", "list", "site-inspection", "--status", "submitted"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines.last, "showing 1 of 1")
        XCTAssertTrue(r.lines[1].hasPrefix("1 "), r.stdout)
    }

    func testInvalidAnswersFailWithEveryProblem() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("site-inspection.form.json")]).status, 0)
        let answers = try write("bad.json", #"{"score": 500, "site": "Site C"}"#)
        let r = try formwork(["fill", "site-inspection", "--answers", answers])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.errorLines.contains { $0.hasPrefix("score: ") }, r.stderr)
        XCTAssertTrue(r.errorLines.contains { $0.hasPrefix("inspector: ") }, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try formwork(["responses", "list", "site-inspection"]).lines.last, "showing 0 of 0")
    }

    func testStandaloneFormIsCheckedButNotStored() throws {
        var r = try run(["fill", sample("site-inspection.form.json"), "--answers", sample("site-inspection.answers.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("nothing stored"), r.stdout)

        r = try run(["fill", sample("site-inspection.form.json"), "--answers", try write("bad.json", "{}")])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(r.errorLines.isEmpty)
    }

    func testUnknownFormIsAnError() throws {
        let r = try formwork(["fill", "nope", "--answers", sample("site-inspection.answers.json")])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.errorLines.count, 1)
    }

    /// Blank lines keep every remaining optional answer; the final `y` submits.
    let restAndSubmit = String(repeating: "\n", count: 30) + "y\n"

    func testPlainWalkSkipsPagesByTheRules() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("customer-survey.form.json")]).status, 0)
        // product 2, three blanks, then NPS 3: the "what went wrong" page, never the testimonial.
        let r = try run(["fill", "customer-survey", "--plain", "--workspace", workspace],
                        input: "2\n\n\n\n3\n\n1,3\n" + restAndSubmit)
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssertTrue(r.stdout.contains("What disappointed you?"), r.stdout)
        XCTAssertFalse(r.stdout.contains("what do you like most?"), r.stdout)
        XCTAssertEqual(r.lines.last, "submitted response 1")
        let shown = try formwork(["responses", "show", "1"])
        XCTAssertTrue(shown.stdout.contains("submitted"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("desktop"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("bugs"), shown.stdout)
    }

    func testPlainReasksInvalidAnswers() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("customer-survey.form.json")]).status, 0)
        // "9" is no product; a blank required answer is asked again; NPS 42 is out of range.
        let r = try run(["fill", "customer-survey", "--plain", "--workspace", workspace],
                        input: "9\n\ncloud\n\n\n\n42\n10\n" + restAndSubmit)
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssertTrue(r.stdout.contains("\"9\" is not one of the choices"), r.stdout)
        XCTAssertTrue(r.stdout.contains("an answer is required"), r.stdout)
        XCTAssertTrue(r.stdout.contains("must be at most 10"), r.stdout)
        XCTAssertTrue(r.stdout.contains("what do you like most?"), r.stdout)
        XCTAssertFalse(r.stdout.contains("What disappointed you?"), r.stdout)
    }

    func testPlainEndOfInputKeepsADraftThatCanBeResumed() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("customer-survey.form.json")]).status, 0)
        var r = try run(["fill", "customer-survey", "--plain", "--workspace", workspace], input: "3\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.errorLines.count, 1, r.stderr)
        XCTAssertEqual(try formwork(["responses", "list", "customer-survey", "--status", "draft"]).lines.last, "showing 1 of 1")

        r = try run(["fill", "customer-survey", "--plain", "--workspace", workspace], input: "y\n\n\n\n8\n" + restAndSubmit)
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssertTrue(r.lines.first?.hasPrefix("Resume your draft from ") ?? false, r.stdout)
        XCTAssertFalse(r.stdout.contains("Formwork Cloud [cloud]"), r.stdout)  // product was answered before
        XCTAssertEqual(r.lines.last, "submitted response 1")
        XCTAssertEqual(try formwork(["responses", "list", "customer-survey", "--status", "draft"]).lines.last, "showing 0 of 0")
        let shown = try formwork(["responses", "show", "1"])
        XCTAssertTrue(shown.stdout.contains("mobile"), shown.stdout)
    }

    func testPlainStartingOverOverwritesTheDraft() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("customer-survey.form.json")]).status, 0)
        XCTAssertEqual(try run(["fill", "customer-survey", "--plain", "--workspace", workspace], input: "3\n").status, 1)
        let r = try run(["fill", "customer-survey", "--plain", "--workspace", workspace], input: "n\n1\n")
        XCTAssertEqual(r.status, 1, r.stderr + r.stdout)
        XCTAssertTrue(r.lines.first?.hasPrefix("Resume your draft from ") ?? false, r.stdout)
        XCTAssertEqual(try formwork(["responses", "list", "customer-survey", "--status", "draft"]).lines.last, "showing 1 of 1",
                       "starting over reuses the draft")
        let shown = try formwork(["responses", "show", "1"])
        XCTAssertTrue(shown.stdout.contains("cloud"), shown.stdout)
        XCTAssertFalse(shown.stdout.contains("mobile"), "the old answer (3, mobile) is gone: \(shown.stdout)")
    }

    func testPlainStandaloneFormStoresNothing() throws {
        let r = try run(["fill", sample("customer-survey.form.json"), "--plain"], input: "1\n\n\n\n9\n" + restAndSubmit)
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssertTrue(r.stdout.contains("nothing stored"), r.stdout)
    }

    func testPlainDecliningToSubmitKeepsTheDraft() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("customer-survey.form.json")]).status, 0)
        let r = try run(["fill", "customer-survey", "--plain", "--workspace", workspace],
                        input: "1\n\n\n\n9\n" + String(repeating: "\n", count: 30) + "maybe\nn\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("Please answer y or n."), r.stdout)
        XCTAssertEqual(try formwork(["responses", "list", "customer-survey", "--status", "draft"]).lines.last, "showing 1 of 1")
    }

    func testAnswersAndPlainAreExclusive() throws {
        XCTAssertNotEqual(try run(["fill", sample("customer-survey.form.json")]).status, 0)
    }

    func testPlainRepeatGroupsAskForEntriesWithinTheirBounds() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("employee-onboarding.form.json")]).status, 0)
        let personal = "Ana\n\n1990-01-01\na@b.co\n+49 170 1234567\n\n"
        let job = "2026-12-01\n1\nDev\n1\n50000\n" + #"{"account_holder": "Ana", "iban": "DE89370400440532013000", "bic": "COBADEFFXXX"}"# + "\n2\n\n\n"
        // Dependents: the minimum of one entry is asked without a question, then "n" stops.
        let r = try run(["fill", "employee-onboarding", "--plain", "--workspace", workspace],
                        input: personal + job + "y\nKim\n3\n2015-05-05\nn\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("Dependents: entry 1"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Add an entry to Dependents? (y/n)"), r.stdout)
        XCTAssertFalse(r.stdout.contains("Dependents: entry 2"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Emergency contacts: entry 1"), r.stdout)
        let draft = try formwork(["responses", "show", "1", "--json"])
        XCTAssertTrue(draft.stdout.contains("Kim"), draft.stdout)
        XCTAssertTrue(draft.stdout.contains("child"), draft.stdout)
    }
}
