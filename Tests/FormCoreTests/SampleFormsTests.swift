import XCTest
@testable import FormCore

/// The shipped samples must agree with the engine: every form loads and lints without errors,
/// every response converts, and no response breaks an error-severity check.
final class SampleFormsTests: XCTestCase {
    /// The generators' reference day (samples/generators/common.py), so `today()` and `age()`
    /// give what the sample files hold.
    static let now = Date(timeIntervalSince1970: 1_795_694_400) // 2026-11-26T12:00:00Z
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
                let engine = RuleEngine(graph: graph, answers: answers, now: Self.now, timeZone: Self.utc)
                failures += problems(engine, at: "\(name).jsonl:\(n + 1)")
                failures += calculatedMismatches(engine, at: "\(name).jsonl:\(n + 1)")
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
            let engine = RuleEngine(graph: graph, answers: answers, now: Self.now, timeZone: Self.utc)
            failures += problems(engine, at: at)
            // Calculated columns hold what the form computes.
            for (field, cell) in zip(fields, row.cells) where field?.type == .calculated {
                guard let field, let state = engine.state(of: field.id), !state.value.isEmpty || !cell.isEmpty else { continue }
                let computed = AnswerCoding.text(for: state.value, field: field)
                // Numbers compare by value: the generator writes Python's `17.0` where an export writes `17`.
                let sameNumber = state.value.asNumber != nil && Value.parseNumber(cell) == state.value.asNumber
                if computed != cell, !sameNumber { failures.append("\(at): \(field.key) is \(computed.debugDescription) in the engine, \(cell.debugDescription) in the file") }
            }
        }
        XCTAssertEqual(rows.count - 1, expectedRows, "\(name).csv rows", file: file, line: line)
        XCTAssertEqual(failures.prefix(15).joined(separator: "\n"), "", "\(failures.count) failures in \(name)", file: file, line: line)
    }

    /// Error-severity validation problems of one response, each prefixed with where it came from.
    private func problems(_ graph: RuleGraph, _ answers: Answers, at: String) -> [String] {
        problems(RuleEngine(graph: graph, answers: answers, now: Self.now, timeZone: Self.utc), at: at)
    }

    /// Calculated values written in the file that differ from what the form computes.
    private func calculatedMismatches(_ engine: RuleEngine, at: String) -> [String] {
        var out: [String] = []
        for (i, entry) in engine.index.entries.enumerated() where entry.field.type == .calculated {
            let keys = engine.index.scopes[entry.scope].repeatKeys
            for instance in engine.instances(ofField: i) {
                guard let written = engine.answers.instance(keys: keys, path: instance)?.values[entry.field.key],
                      let state = engine.state(ofIndex: i, instance: instance) else { continue }
                let computed = AnswerCoding.text(for: state.value), file = AnswerCoding.text(for: written)
                let sameNumber = state.value.asNumber != nil && Value.parseNumber(file) == state.value.asNumber
                if computed != file, !sameNumber {
                    out.append("\(at): \(engine.index.path(of: i, instance: instance)) is \(computed) in the engine, \(file) in the file")
                }
            }
        }
        return out
    }

    private func problems(_ engine: RuleEngine, at: String) -> [String] {
        ResponseValidator.validate(engine).filter { $0.severity == .error }.map { "\(at): \($0)" }
    }
}
