import XCTest

/// `formwork responses show ID --history` against a temporary workspace.
final class ResponsesHistoryCLITests: CLITestCase {
    var workspace: String { directory.appendingPathComponent("ws").path }

    func formwork(_ arguments: [String]) throws -> Run {
        try run(arguments + ["--workspace", workspace])
    }

    func testHistoryListsEveryRevision() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("site-inspection.form.json")]).status, 0)
        XCTAssertEqual(try formwork(["fill", "site-inspection", "--answers", sample("site-inspection.answers.json")]).status, 0)
        let plain = try formwork(["responses", "show", "1"])
        XCTAssertFalse(plain.stdout.contains("revision 1"), plain.stdout)
        let r = try formwork(["responses", "show", "1", "--history"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.lines.contains { $0.hasPrefix("revision 1 (submitted, saved ") }, r.stdout)
        XCTAssertTrue(r.lines.contains { $0.hasPrefix("  site: ") }, r.stdout)
    }
}
