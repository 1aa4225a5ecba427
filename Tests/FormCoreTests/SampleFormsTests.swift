import XCTest
@testable import FormCore

/// The shipped samples must agree with the engine: every form loads and lints without errors,
/// every response converts, and no response breaks an error-severity check.
final class SampleFormsTests: XCTestCase {
    /// A fixed "now" after every sample response, so `today()` checks are repeatable.
    static let now = Date(timeIntervalSince1970: 1_798_675_200) // 2027-01-01T00:00:00Z
    static let utc = TimeZone(identifier: "UTC")!

    func testEverySampleFormLoadsAndLintsWithoutErrors() throws {
        let files = SampleFiles.formFiles
        XCTAssertGreaterThanOrEqual(files.count, 5, "samples/*.form.json")
        for url in files {
            let form = try FormFile.decode(String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
            let errors = Linter.lint(form).filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.description), [], url.lastPathComponent)
            XCTAssertNoThrow(try RuleEngine(form: form), url.lastPathComponent)
        }
    }

    func testSampleFormsSurviveEncodeDecode() throws {
        for url in SampleFiles.formFiles {
            let form = try FormFile.decode(String(contentsOf: url, encoding: .utf8))
            XCTAssertEqual(try FormFile.decode(FormFile.encode(form)), form, url.lastPathComponent)
        }
    }

    func testSiteInspectionResponses() throws { try checkCSV("site-inspection", expectedRows: 1000) }
    func testIncidentReportResponses() throws { try checkCSV("incident-report", expectedRows: 240) }
    func testCustomerSurveyResponses() throws { try checkCSV("customer-survey", expectedRows: 300) }
    func testClinicalIntakeResponses() throws { try checkCSV("clinical-intake", expectedRows: 260) }

    func testEmployeeOnboardingResponses() throws {
        let name = "employee-onboarding"
        let form = try SampleFiles.form(name)
        let graph = try RuleGraph(form: form)
        var failures: [String] = []
        var count = 0
        for (n, line) in try SampleFiles.text(name + ".jsonl").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            count += 1
            do {
                let answers = try AnswersFile.decode(String(line), form: form, file: "\(name).jsonl")
                failures += problems(graph, answers, at: "\(name).jsonl:\(n + 1)")
                // Export and re-import give the same answers (multiple-text objects included).
                let encoded = JSONWriter.compact(AnswersFile.encode(answers, fields: form.pages.flatMap(\.fields)))
                if try AnswersFile.decode(encoded, form: form) != answers { failures.append("line \(n + 1): changed by encode/decode") }
            } catch {
                failures.append("line \(n + 1): \(error)")
            }
        }
        XCTAssertEqual(count, 220)
        XCTAssertEqual(failures.prefix(15).joined(separator: "\n"), "", "\(failures.count) failures")
    }

    func testSiteInspectionAnswersFile() throws {
        let form = try SampleFiles.form("site-inspection")
        let answers = try AnswersFile.decode(SampleFiles.text("site-inspection.answers.json"), form: form)
        XCTAssertEqual(answers["score"], .number(86))
        XCTAssertEqual(answers["hazards"], .list([.string("electrical"), .string("fall")]))
        XCTAssertEqual(problems(try RuleGraph(form: form), answers, at: "answers"), [])
    }

    // MARK: - Helpers

    private func checkCSV(_ name: String, expectedRows: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let form = try SampleFiles.form(name)
        let graph = try RuleGraph(form: form)
        let rows = CSVReader.rows(try SampleFiles.text(name + ".csv"))
        guard let header = rows.first?.cells else { return XCTFail("empty CSV", file: file, line: line) }
        var failures: [String] = []
        let fields: [Field?] = header.map { key in
            let field = graph.index.index(ofKey: key).map { graph.index.entries[$0].field }
            if field == nil { failures.append("\(name).csv: column \"\(key)\" is not a key of the form") }
            return field
        }
        for row in rows.dropFirst() {
            let at = "\(name).csv:\(row.line)"
            guard row.cells.count == header.count else {
                failures.append("\(at): \(row.cells.count) cells, header has \(header.count)")
                continue
            }
            var answers = Answers()
            for (field, cell) in zip(fields, row.cells) {
                // Calculated cells are recomputed from the form on import (docs/form-format.md).
                guard let field, field.type != .calculated else { continue }
                do {
                    let value = try AnswerCoding.value(fromText: cell, for: field)
                    if !value.isEmpty { answers[field.key] = value }
                } catch {
                    failures.append("\(at): \(error)")
                }
            }
            failures += problems(graph, answers, at: at)
        }
        XCTAssertEqual(rows.count - 1, expectedRows, "\(name).csv rows", file: file, line: line)
        XCTAssertEqual(failures.prefix(15).joined(separator: "\n"), "", "\(failures.count) failures in \(name)", file: file, line: line)
    }

    /// Error-severity validation problems of one response, each prefixed with where it came from.
    private func problems(_ graph: RuleGraph, _ answers: Answers, at: String) -> [String] {
        let engine = RuleEngine(graph: graph, answers: answers, now: Self.now, timeZone: Self.utc)
        return ResponseValidator.validate(engine).filter { $0.severity == .error }.map { "\(at): \($0)" }
    }
}
