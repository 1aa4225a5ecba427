import XCTest

/// `formwork forms …` and `formwork responses …` against a temporary workspace.
final class WorkspaceCLITests: CLITestCase {
    var workspace: String { directory.appendingPathComponent("ws").path }

    func formwork(_ arguments: [String]) throws -> Run {
        try run(Array(arguments.prefix(2)) + ["--workspace", workspace] + Array(arguments.dropFirst(2)))
    }

    func testFormsLifecycle() throws {
        var r = try formwork(["forms", "import", sample("site-inspection.form.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, ["created site-inspection (draft revision 1, published version 1)"])

        r = try formwork(["forms", "list"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.lines[0].hasPrefix("ID"))
        XCTAssertTrue(r.lines[1].hasPrefix("site-inspection  Site safety inspection  1"), r.stdout)

        r = try formwork(["forms", "list", "--json"])
        XCTAssertTrue(r.stdout.contains(#""id": "site-inspection""#), r.stdout)

        r = try formwork(["forms", "show", "site-inspection"])
        XCTAssertEqual(r.lines.first, "site-inspection: Site safety inspection")

        r = try formwork(["forms", "export", "site-inspection", "--output", "out.form.json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try run(["validate", "out.form.json"])
        XCTAssertEqual(r.lines, ["out.form.json: ok"])

        r = try formwork(["forms", "publish", "site-inspection"])
        XCTAssertEqual(r.status, 0, r.stderr)

        r = try formwork(["forms", "show", "nope"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.errorLines.count, 1)
        XCTAssertTrue(r.stderr.hasPrefix("formwork: "), r.stderr)
    }

    func testResponsesImportListShowExport() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("site-inspection.form.json")]).status, 0)
        var r = try formwork(["responses", "import", "site-inspection", sample("site-inspection.csv"), "--dry-run"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try formwork(["responses", "list", "site-inspection"])
        XCTAssertEqual(r.lines.last, "showing 0 of 0", "a dry run writes nothing")

        r = try formwork(["responses", "import", "site-inspection", sample("site-inspection.csv")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, ["imported 1000, skipped 0 into site-inspection version 1"])

        r = try formwork(["responses", "list", "site-inspection", "--limit", "2"])
        XCTAssertEqual(r.lines.count, 4)
        XCTAssertEqual(r.lines.last, "showing 2 of 1000")

        r = try formwork(["responses", "show", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("inspector"), r.stdout)

        r = try formwork(["responses", "export", "site-inspection", "--output", "all.jsonl"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let exported = try String(contentsOf: directory.appendingPathComponent("all.jsonl"), encoding: .utf8)
        XCTAssertEqual(exported.split(separator: "\n").count, 1000)
    }

    func testBadRowsAreReportedWithTheirLines() throws {
        XCTAssertEqual(try formwork(["forms", "import", sample("site-inspection.form.json")]).status, 0)
        let csv = "inspector,site,date,score,severity,follow_up\nAna,Site A,2026-01-02,50,low,no\nBo,Site B,not a date,50,low,no\n\"Cy\nMulti\",Site C,2026-01-03,500,low,no\n"
        try write("bad.csv", csv)
        let r = try formwork(["responses", "import", "site-inspection", "bad.csv"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.csv:3: date:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.csv:4: score:"), r.stderr)
        XCTAssertTrue(r.stdout.contains("imported 1, skipped 2"), r.stdout)
    }

    func testUnreadableWorkspaceIsAnEnvironmentError() throws {
        try write("not-a-dir", "x")
        let r = try run(["forms", "list", "--workspace", directory.appendingPathComponent("not-a-dir").path])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.errorLines.count, 1, r.stderr)
    }
}
