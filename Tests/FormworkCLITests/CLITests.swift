import FormCore
import XCTest

/// `validate`, `preview`, `explain`, `eval` and usage errors, end to end.
final class CLITests: CLITestCase {

    private func form(fields: String, rules: String = "[]", pages: String = "") -> String {
        """
        {"format": "formwork.form", "schemaVersion": 1, "id": "cli", "title": "CLI form",
         "pages": [{"id": "p1", "title": "One", "fields": [\(fields)]}\(pages)], "rules": \(rules)}
        """
    }

    /// stderr is exactly one `formwork: …` line.
    private func assertOneLineError(_ run: Run, _ prefix: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.errorLines.count, 1, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.hasPrefix("formwork: \(prefix)"), run.stderr, file: file, line: line)
    }

    // MARK: - validate

    func testValidateSamplesIsClean() throws {
        let paths = ["site-inspection", "incident-report", "customer-survey", "employee-onboarding", "clinical-intake"]
            .map { sample("\($0).form.json") }
        let r = try run(["validate"] + paths)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, paths.map { "\($0): ok" })
        XCTAssertEqual(r.stderr, "")
    }

    func testValidateReportsErrorsAndWarnings() throws {
        let bad = try write("bad.form.json", form(fields: #"{"id": "f_a", "key": "a", "type": "short_text", "visibleIf": "${nope} = 1"}"#))
        let warn = try write("warn.form.json", form(fields: #"{"id": "f_a", "key": "a", "type": "short_text", "visibleIf": "1 = 1"}"#))
        let r = try run(["validate", bad, warn])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.lines, [
            "bad.form.json: error: field \"a\" visibleIf: unknown field ${nope} (column 1) [unknown-reference]",
            "warn.form.json: warning: field \"a\" visibleIf: `1 = 1` is always true [always-true]",
        ])
        XCTAssertEqual(try run(["validate", warn]).status, 0, "warnings alone pass")
        XCTAssertEqual(try run(["validate", "--strict", warn]).status, 1, "--strict fails on warnings")
    }

    func testValidateJSONReport() throws {
        let bad = try write("bad.form.json", form(fields: #"{"id": "f_a", "key": "a", "type": "integer", "calculate": "${a} + 'x'"}"#))
        let broken = try write("broken.form.json", "{\"format\": ")
        let r = try run(["validate", "--json", bad, broken, "missing.form.json"])
        XCTAssertEqual(r.status, 2, "an unreadable file is the worst outcome")
        XCTAssertEqual(r.lines.count, 1)
        let report = try JSONParser.parse(r.stdout)
        guard case .array(let files)? = report["files"]?.value else { return XCTFail(r.stdout) }
        XCTAssertEqual(files.map { $0["path"]?.value }, [.string(bad), .string(broken), .string("missing.form.json")])
        XCTAssertEqual(files.map { $0["ok"]?.value }, [.bool(false), .bool(false), .bool(false)])
        guard case .array(let issues)? = files[0]["issues"]?.value, let first = issues.first else { return XCTFail(r.stdout) }
        XCTAssertEqual(first["severity"]?.value, .string("error"))
        XCTAssertNotNil(first["code"])
        XCTAssertNotNil(first["column"])
        XCTAssertEqual(files[1]["error"]?.value, .string("broken.form.json:1:12: unexpected end of input, expected a value"))
        XCTAssertEqual(files[2]["error"]?.value, .string("missing.form.json: no such file"))
        XCTAssertEqual(r.stderr, "")
    }

    func testValidateExitCodesForBadAndMissingFiles() throws {
        let broken = try write("broken.form.json", "{\n  \"format\": \"nope\"\n}")
        let invalid = try run(["validate", broken])
        XCTAssertEqual(invalid.status, 1, "a file that is not a valid form is invalid input")
        assertOneLineError(invalid, "broken.form.json:2:13: not a form file")
        let missing = try run(["validate", "missing.form.json"])
        XCTAssertEqual(missing.status, 2)
        assertOneLineError(missing, "missing.form.json: no such file")
        try Data([0x7B, 0xC3]).write(to: directory.appendingPathComponent("latin.form.json"))
        let undecodable = try run(["validate", "latin.form.json"])
        XCTAssertEqual(undecodable.status, 2)
        assertOneLineError(undecodable, "latin.form.json: the file is not valid UTF-8")
    }

    func testUsageMistakesExitTwo() throws {
        let none = try run(["validate"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("Missing expected argument"), none.stderr)
        XCTAssertEqual(try run(["preview", "--width", "wide", "x.form.json"]).status, 2)
        XCTAssertEqual(try run(["frobnicate"]).status, 2)
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("validate"), help.stdout)
        XCTAssertEqual(try run(["--version"]).lines, ["0.1.0"])
    }

    // MARK: - preview

    func testPreviewSampleWithAnswers() throws {
        let r = try run(["preview", sample("site-inspection.form.json"), "--answers", sample("site-inspection.answers.json"), "--width", "60"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines.first, "Site safety inspection  (version 1, published)")
        XCTAssertTrue(r.lines.contains("  * Inspector: Görkem Aydın"), r.stdout)
        XCTAssertTrue(r.lines.contains("  * Most severe finding: Critical"), r.stdout)
        XCTAssertTrue(r.lines.contains("    ! A critical finding with a score above 80 is unusual:"), r.stdout)
        XCTAssertTrue(r.lines.contains("Hidden fields:"), r.stdout)
        XCTAssertTrue(r.lines.allSatisfy { $0.count <= 60 }, r.stdout)
    }

    func testPreviewWidthComesFromColumns() throws {
        let r = try run(["preview", sample("site-inspection.form.json")], environment: ["COLUMNS": "45"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.lines.contains(String(repeating: "─", count: 45)), r.stdout)
        let wide = try run(["preview", sample("site-inspection.form.json")])
        XCTAssertTrue(wide.lines.contains(String(repeating: "─", count: 80)), "80 columns without COLUMNS")
    }

    func testPreviewAnswersErrors() throws {
        let answers = try write("answers.json", "{\n  \"scor\": 3\n}")
        let r = try run(["preview", sample("site-inspection.form.json"), "--answers", answers])
        XCTAssertEqual(r.status, 1)
        assertOneLineError(r, "answers.json:2:3: no field with key \"scor\" (did you mean \"score\"?)")
        XCTAssertEqual(r.stdout, "")
        let missing = try run(["preview", sample("site-inspection.form.json"), "--answers", "nowhere.json"])
        XCTAssertEqual(missing.status, 2)
        assertOneLineError(missing, "nowhere.json: no such file")
    }

    func testCyclesAreInvalidInput() throws {
        let cyclic = try write("cycle.form.json", form(fields: """
            {"id": "f_a", "key": "a", "type": "calculated", "calculate": "${b}"},
            {"id": "f_b", "key": "b", "type": "calculated", "calculate": "${a}"}
            """))
        let r = try run(["preview", cyclic])
        XCTAssertEqual(r.status, 1)
        assertOneLineError(r, "dependency cycle: ")
    }

    // MARK: - explain

    func testExplainAField() throws {
        let answers = try write("a.json", #"{"follow_up": "no", "severity": "high"}"#)
        let r = try run(["explain", sample("site-inspection.form.json"), "follow_up_date", "--answers", answers])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines.first, "follow_up_date: hidden")
        XCTAssertTrue(r.lines.contains {
            $0.hasPrefix("  visibility: rule \"r_show_follow_up_date\" (show) does not show it: `${follow_up} = 'yes'` is false")
        }, r.stdout)
        let byID = try run(["explain", sample("site-inspection.form.json"), "f_notes", "--answers", answers])
        XCTAssertEqual(byID.lines.first, "notes: visible, required")
    }

    func testExplainRepeatInstances() throws {
        let path = try write("r.form.json", form(fields: """
            {"id": "f_items", "key": "items", "type": "repeat", "children": [{"id": "f_item", "key": "item", "type": "short_text", "required": true}]}
            """))
        let answers = try write("r.json", #"{"items": [{"item": "a"}, {}]}"#)
        XCTAssertEqual(try run(["explain", path, "item[2]", "--answers", answers]).lines.first, "items[2].item: visible, required")
        XCTAssertEqual(try run(["explain", path, "item", "--answers", answers]).lines.first, "items[1].item: visible, required = 'a'")
        let missing = try run(["explain", path, "item[3]", "--answers", answers])
        XCTAssertEqual(missing.status, 1)
        assertOneLineError(missing, "\"item\" has no instance 3")
        let bad = try run(["explain", path, "item[0]"])
        XCTAssertEqual(bad.status, 2, "a usage mistake")
        XCTAssertTrue(bad.stderr.contains("bad instance in item[0]: use key[N] with N from 1"), bad.stderr)
    }

    func testExplainUnknownField() throws {
        let r = try run(["explain", sample("site-inspection.form.json"), "nothing"])
        XCTAssertEqual(r.status, 1)
        assertOneLineError(r, "no field \"nothing\" in site-inspection")
    }

    // MARK: - eval

    func testEvalWithAnswers() throws {
        let answers = sample("site-inspection.answers.json")
        let r = try run(["eval", sample("site-inspection.form.json"), "${score} > 80 and ${severity} = 'critical'", "--answers", answers])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, ["true"])
        XCTAssertEqual(try run(["eval", sample("site-inspection.form.json"), "count-selected(${hazards}) * 10", "--answers", answers]).lines, ["20"])
        XCTAssertEqual(try run(["eval", sample("site-inspection.form.json"), "${score}"]).lines, [""], "no answers: empty")
    }

    func testEvalTrace() throws {
        let r = try run(["eval", sample("site-inspection.form.json"), "${score} + 1", "--answers", sample("site-inspection.answers.json"), "--trace"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines.last, "87")
        XCTAssertGreaterThanOrEqual(r.lines.count, 3, r.stdout)
        XCTAssertTrue(r.lines.dropLast().contains { $0.contains("${score}") && $0.contains("86") }, r.stdout)
    }

    func testEvalSyntaxAndEvaluationErrors() throws {
        let syntax = try run(["eval", sample("site-inspection.form.json"), "${score} > "])
        XCTAssertEqual(syntax.status, 1)
        XCTAssertEqual(syntax.lines.first, "${score} > ")
        XCTAssertTrue(syntax.lines.dropFirst().contains { $0.contains("^") }, syntax.stdout)
        assertOneLineError(syntax, "column 12: ")
        let answers = try write("a.json", #"{"inspector": "Ana", "notes": "("}"#)
        let failing = try run(["eval", sample("site-inspection.form.json"), "${inspector} matches ${notes}", "--answers", answers])
        XCTAssertEqual(failing.status, 1)
        assertOneLineError(failing, "")
        XCTAssertTrue(failing.stderr.contains("invalid regular expression"), failing.stderr)
    }
}
