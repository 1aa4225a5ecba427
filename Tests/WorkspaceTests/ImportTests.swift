import FormCore
import XCTest
@testable import Workspace

final class ImportTests: WorkspaceTestCase {
    private func importSample(_ workspace: Workspace, form: String, responses: String,
                              options: ImportOptions = ImportOptions()) throws -> ImportReport {
        _ = try workspace.forms.importForm(path: Self.samplePath("\(form).form.json"))
        return try ResponseImporter(workspace: workspace).importFile(Self.samplePath(responses), formID: form, options: options)
    }

    func testEverySampleResponseFileImportsIntoItsForm() throws {
        let workspace = try openWorkspace()
        let samples = [("site-inspection", "site-inspection.csv", 1000), ("incident-report", "incident-report.csv", 240),
                       ("customer-survey", "customer-survey.csv", 300), ("clinical-intake", "clinical-intake.csv", 260),
                       ("employee-onboarding", "employee-onboarding.jsonl", 220)]
        for (form, file, rows) in samples {
            let report = try importSample(workspace, form: form, responses: file)
            XCTAssertEqual(report.problems, [], form)
            XCTAssertEqual(report.imported, rows, form)
            XCTAssertEqual(report.skipped, 0, form)
            let version = try workspace.forms.latestVersion(form).version
            XCTAssertEqual(report.version, version)
            XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: form, version: version, status: .submitted)), rows)
        }
    }

    func testJSONCellsAreReadForMatricesRecordsAndSignatures() throws {
        let workspace = try openWorkspace()
        _ = try importSample(workspace, form: "customer-survey", responses: "customer-survey.csv")
        let first = try XCTUnwrap(workspace.responses.list(ResponseFilter(formID: "customer-survey"), limit: 1).first)
        XCTAssertEqual(first.answers["satisfaction"], .list([.string("ease_of_use=1"), .string("reliability=3"), .string("performance=2"),
                                                             .string("support=2"), .string("value=3")]))
        _ = try importSample(workspace, form: "incident-report", responses: "incident-report.csv")
        let incident = try XCTUnwrap(workspace.responses.list(ResponseFilter(formID: "incident-report"), limit: 1).first)
        XCTAssertEqual(incident.answers["signature"], .list([.string("João Brennan"), .dateTime(LocalDateTime(iso: "2026-01-27T22:45")!)]))
    }

    func testBadRowsAreReportedWithTheirLinesCountingMultiLineCells() throws {
        let workspace = try workspaceWithSmallForm()
        let csv = "\u{FEFF}Full name,AGE,pets,double_age\r\n"
            + "\"Ana\nSouza\",30,cat;dog,60\r\n"       // lines 2-3
            + "Bo,abc,cat,\r\n"                         // line 4: not a number
            + "\"Cy \"\"the\"\"\n\nthird\",200,,\r\n"   // lines 5-7: out of range
            + "\r\n"                                    // line 8: blank
            + ",5,fish,\r\n"                            // line 9: required name, unknown choice
            + "Di,1,,,extra\r\n"                        // line 10: too many cells
            + "Ed\r\n"                                  // line 11: short row, fine
        let path = try file("people.csv", csv)
        let report = try ResponseImporter(workspace: workspace).importFile(path, formID: "small")
        XCTAssertEqual(report.imported, 2)
        XCTAssertEqual(report.skipped, 4)
        let lines = report.problems.map(\.line)
        XCTAssertEqual(lines, [4, 5, 9, 9, 10])
        XCTAssertEqual(report.problems[0].description, "line 4: age: \"abc\" is not a number")
        XCTAssertEqual(report.problems[1].key, "age")
        XCTAssertEqual(Set(report.problems.filter { $0.line == 9 }.compactMap(\.key)), ["name", "pets"])
        let stored = try workspace.responses.list(ResponseFilter(formID: "small"))
        XCTAssertEqual(stored.map { $0.answers["name"] }, [.string("Ana\nSouza"), .string("Ed")])
        XCTAssertNil(stored[0].answers.values["double_age"], "calculated cells are recomputed, not stored")
        XCTAssertEqual(stored[0].answers["pets"], .list([.string("cat"), .string("dog")]))
    }

    func testHeaderProblemsStopTheImport() throws {
        let workspace = try workspaceWithSmallForm()
        let path = try file("bad-header.csv", "name,colour,,intro,name\nAna,red,x,y,z\n")
        let report = try ResponseImporter(workspace: workspace).importFile(path, formID: "small")
        XCTAssertEqual(report.imported, 0)
        XCTAssertEqual(report.problems.map(\.key), ["colour", "column 3", "intro", "name"])
        XCTAssertTrue(report.problems.allSatisfy { $0.line == 1 })
        XCTAssertFalse(report.isClean)
        XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: "small")), 0)
    }

    func testDryRunWritesNothingAndAllowInvalidStoresDrafts() throws {
        let workspace = try workspaceWithSmallForm()
        let path = try file("mixed.csv", "name,age\nAna,30\n,40\nBo,x\n")
        let importer = ResponseImporter(workspace: workspace)
        let dry = try importer.importFile(path, formID: "small", options: ImportOptions(dryRun: true))
        XCTAssertTrue(dry.dryRun)
        XCTAssertEqual(dry.imported, 1)
        XCTAssertEqual(dry.skipped, 2)
        XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: "small")), 0)
        let loose = try importer.importFile(path, formID: "small", options: ImportOptions(allowInvalid: true, version: 1, batchSize: 1))
        XCTAssertEqual(loose.imported, 2, "the unreadable row is still refused")
        XCTAssertEqual(loose.importedAsDrafts, 1)
        XCTAssertEqual(loose.skipped, 1)
        XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: "small", status: .draft)), 1)
        XCTAssertEqual(try workspace.responses.count(ResponseFilter(formID: "small", status: .submitted)), 1)
    }

    func testJSONLinesProblemsAndCleanup() throws {
        let workspace = try workspaceWithSmallForm()
        let lines = """
            {"name": "Ana", "age": 30, "pets": ["cat"], "double_age": 999}

            {"name": "Bo", "colour": "red"}
            {"name": "Cy", "age": "old"}
            not json
            [1, 2]
            {"name": "", "age": null, "pets": []}
            {"name": "Di", "pets": []}\r
            """
        let path = try file("people.jsonl", lines)
        let report = try ResponseImporter(workspace: workspace).importFile(path, formID: "small")
        XCTAssertEqual(report.imported, 2)
        XCTAssertEqual(report.problems.map(\.line), [3, 4, 5, 6, 7])
        XCTAssertTrue(report.problems[0].message.contains("colour"))
        XCTAssertTrue(report.problems[2].message.hasPrefix("not valid JSON"))
        XCTAssertEqual(report.problems[4].key, "name")
        let stored = try workspace.responses.list(ResponseFilter(formID: "small"))
        XCTAssertEqual(stored[0].answers.values, ["name": .string("Ana"), "age": .number(30), "pets": .list([.string("cat")])])
        XCTAssertEqual(stored[1].answers.values, ["name": .string("Di")], "empty answers are dropped")
    }

    func testUnreadableInputs() throws {
        let workspace = try workspaceWithSmallForm()
        let importer = ResponseImporter(workspace: workspace)
        XCTAssertThrowsError(try importer.importFile(try file("x.txt", "name\n"), formID: "small")) { error in
            guard case .invalid? = error as? WorkspaceError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try importer.importFile(directory.appendingPathComponent("none.csv").path, formID: "small")) { error in
            guard case .io(_, let message)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertEqual(message, "no such file")
        }
        XCTAssertThrowsError(try importer.importFile(try file("a.csv", "name\n"), formID: "ghost")) {
            XCTAssertEqual($0 as? WorkspaceError, .formNotFound("ghost"))
        }
        let empty = try importer.importFile(try file("empty.csv", ""), formID: "small")
        XCTAssertEqual(empty, ImportReport(imported: 0, skipped: 0, importedAsDrafts: 0, problems: [], version: 1, dryRun: false))
        let open = try importer.importFile(try file("open.csv", "name\nAna\n\"Bo\nand more"), formID: "small")
        XCTAssertEqual(open.imported, 1)
        XCTAssertEqual(open.problems, [RowProblem(line: 3, key: nil, message: "a quoted cell is never closed")])
        XCTAssertEqual(ResponseFormat.infer(fromPath: "a.NDJSON"), .jsonLines)
        XCTAssertEqual(ResponseFormat.infer(fromPath: "a.csv"), .csv)
    }

    func testRepeatColumnsCannotComeFromCSV() throws {
        let workspace = try openWorkspace()
        _ = try workspace.forms.importForm(path: Self.samplePath("employee-onboarding.form.json"))
        let path = try file("eo.csv", "full_name,dependents\nAna,x\n")
        let report = try ResponseImporter(workspace: workspace).importFile(path, formID: "employee-onboarding")
        XCTAssertEqual(report.problems.count, 1)
        XCTAssertTrue(report.problems[0].message.contains("JSON Lines"))
    }
}
