import FormCore
import XCTest
@testable import Workspace

final class ExportTests: WorkspaceTestCase {
    private func roundTrip(form: String, responses: String, format: ResponseFormat) throws {
        let source = try openWorkspace()
        _ = try source.forms.importForm(path: Self.samplePath("\(form).form.json"))
        let first = try ResponseImporter(workspace: source).importFile(Self.samplePath(responses), formID: form)
        XCTAssertTrue(first.isClean)
        let out = directory.appendingPathComponent("\(form).out.\(format.rawValue)")
        XCTAssertEqual(try ResponseExporter(workspace: source).export(ResponseFilter(formID: form), format: format, to: out), first.imported)

        let targetDir = directory.appendingPathComponent("second")
        let target = try Workspace.open(at: targetDir)
        _ = try target.forms.importForm(path: Self.samplePath("\(form).form.json"))
        let second = try ResponseImporter(workspace: target).importFile(out.path, formID: form)
        XCTAssertEqual(second.problems, [], form)
        XCTAssertEqual(second.imported, first.imported)
        let before = try source.responses.list(ResponseFilter(formID: form), limit: 10_000).map(\.answers)
        let after = try target.responses.list(ResponseFilter(formID: form), limit: 10_000).map(\.answers)
        XCTAssertEqual(before.count, after.count)
        for (a, b) in zip(before, after) where a != b { XCTFail("\(form): \(a) != \(b)"); break }
    }

    func testCSVRoundTripsGiveEqualAnswers() throws {
        try roundTrip(form: "site-inspection", responses: "site-inspection.csv", format: .csv)
        try roundTrip(form: "incident-report", responses: "incident-report.csv", format: .csv)
        try roundTrip(form: "customer-survey", responses: "customer-survey.csv", format: .csv)
        try roundTrip(form: "clinical-intake", responses: "clinical-intake.csv", format: .csv)
    }

    func testJSONLinesRoundTripsGiveEqualAnswers() throws {
        try roundTrip(form: "employee-onboarding", responses: "employee-onboarding.jsonl", format: .jsonLines)
        try roundTrip(form: "customer-survey", responses: "customer-survey.csv", format: .jsonLines)
    }

    func testCalculatedValuesAreExportedAndCellsQuoted() throws {
        let workspace = try workspaceWithSmallForm()
        try workspace.responses.insert(NewResponse(answers: Answers(values: ["name": .string("Ana, \"A\""), "age": .number(21),
                                                                            "pets": .list([.string("cat"), .string("dog")])])),
                                       formID: "small", version: 1)
        let csv = directory.appendingPathComponent("small.csv")
        try ResponseExporter(workspace: workspace).export(ResponseFilter(formID: "small"), format: .csv, to: csv)
        XCTAssertEqual(try String(contentsOf: csv, encoding: .utf8), "name,age,pets,double_age\r\n\"Ana, \"\"A\"\"\",21,cat;dog,42\r\n")
        let jsonl = directory.appendingPathComponent("small.jsonl")
        try ResponseExporter(workspace: workspace).export(ResponseFilter(formID: "small"), format: .jsonLines, to: jsonl)
        XCTAssertEqual(try String(contentsOf: jsonl, encoding: .utf8),
                       "{\"name\": \"Ana, \\\"A\\\"\", \"age\": 21, \"pets\": [\"cat\", \"dog\"], \"double_age\": 42}\n")
    }

    func testRepeatsCannotBeExportedAsCSV() throws {
        let workspace = try openWorkspace()
        _ = try workspace.forms.importForm(path: Self.samplePath("employee-onboarding.form.json"))
        let out = directory.appendingPathComponent("eo.csv")
        XCTAssertThrowsError(try ResponseExporter(workspace: workspace).export(ResponseFilter(formID: "employee-onboarding"), format: .csv, to: out)) {
            guard case .invalid(let message)? = $0 as? WorkspaceError else { return XCTFail("\($0)") }
            XCTAssertTrue(message.contains("JSON Lines"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
