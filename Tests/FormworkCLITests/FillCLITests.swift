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
}
