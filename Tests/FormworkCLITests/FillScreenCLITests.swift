import XCTest

/// `formwork fill FORM` without --plain or --answers outside a terminal, and the option rules.
final class FillScreenCLITests: CLITestCase {
    var workspace: String { directory.appendingPathComponent("ws").path }

    func testWithoutATerminalItPointsToPlainAndAnswers() throws {
        XCTAssertEqual(try run(["forms", "import", sample("customer-survey.form.json"), "--workspace", workspace]).status, 0)
        let r = try run(["fill", "customer-survey", "--workspace", workspace])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.errorLines, ["formwork: fill: not a terminal; use --plain to answer line by line, or --answers FILE"])
    }

    func testAnswersAndPlainTogetherAreRefused() throws {
        let r = try run(["fill", "customer-survey", "--plain", "--answers", "a.json", "--workspace", workspace])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("at most one of --answers FILE and --plain"), r.stderr)
    }
}
