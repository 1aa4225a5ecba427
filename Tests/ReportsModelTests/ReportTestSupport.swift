import FormCore
import Foundation
import XCTest
@testable import Reports

/// Fixtures and tool helpers shared by the report model tests.
enum ReportFixture {
    /// The repository root (two levels above this file's folder).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample site-inspection form.
    static func siteInspection() throws -> Form {
        try FormFile.load(path: root.appendingPathComponent("samples/site-inspection.form.json").path)
    }

    /// A small form with one field of each summarised kind.
    static let formJSON = """
    {"format": "formwork.form", "schemaVersion": 1, "id": "t", "title": "Test form", "version": 2, "state": "published",
     "pages": [{"id": "p", "title": "P", "fields": [
       {"id": "f_name", "key": "name", "type": "short_text", "label": "Name"},
       {"id": "f_score", "key": "score", "type": "integer", "label": "Score", "validation": {"min": 0, "max": 100}},
       {"id": "f_temp", "key": "temp", "type": "decimal", "label": "Temperature"},
       {"id": "f_site", "key": "site", "type": "dropdown", "label": "Site", "choices": ["A", "B", "C"]},
       {"id": "f_sev", "key": "severity", "type": "single_choice", "label": "Severity", "required": true,
        "choices": [{"value": "low", "label": "Low"}, {"value": "high", "label": "High"}]},
       {"id": "f_haz", "key": "hazards", "type": "multiple_choice", "label": "Hazards",
        "choices": [{"value": "fire", "label": "Fire"}, {"value": "fall", "label": "Fall"}]},
       {"id": "f_ok", "key": "ok", "type": "yes_no", "label": "OK?"},
       {"id": "f_date", "key": "date", "type": "date", "label": "Date"},
       {"id": "f_note", "key": "note", "type": "note", "label": "Just a note"}
     ]}],
     "rules": [{"id": "r1", "sourceFieldId": "f_ok", "condition": "equals", "value": "no", "action": "require", "targetFieldIds": ["f_name"]}]}
    """

    static func form() throws -> Form { try FormFile.decode(formJSON) }

    /// Answers from a compact description.
    static func answers(name: String? = nil, score: Double? = nil, temp: Double? = nil, site: String? = nil, severity: String? = nil,
                        hazards: [String]? = nil, ok: Bool? = nil, date: String? = nil) -> Answers {
        var a = Answers()
        if let name { a["name"] = .string(name) }
        if let score { a["score"] = .number(score) }
        if let temp { a["temp"] = .number(temp) }
        if let site { a["site"] = .string(site) }
        if let severity { a["severity"] = .string(severity) }
        if let hazards { a["hazards"] = .list(hazards.map { .string($0) }) }
        if let ok { a["ok"] = .bool(ok) }
        if let date, let d = LocalDate(iso: date) { a["date"] = .date(d) }
        return a
    }

    /// Builds a model of `responses` against `form` with `options`.
    static func model(_ form: Form, _ responses: [Answers], options: ReportBuildOptions = ReportBuildOptions(now: Date(timeIntervalSince1970: 1_700_000_000))) throws -> ReportModel {
        var stream = try AnswersSource(responses).open()
        return try ReportBuilder(form: form, options: options).build(from: &stream)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a new file in `dir`.
    static func write(_ text: String, to dir: URL, name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// A tool in the usual bin folders, or nil.
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/opt/homebrew/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program; returns status, stdout and stderr.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        // stderr goes to a file so neither stream can fill a pipe and block the child.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errHandle.close()
        let errData = FileManager.default.contents(atPath: errURL.path) ?? Data()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// `qpdf --check` must pass; skips when qpdf is absent.
    static func assertValidPDF(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let qpdf = tool("qpdf") else { throw XCTSkip("qpdf is not installed") }
        let result = try run(qpdf, ["--check", url.path])
        XCTAssertEqual(result.status, 0, "qpdf --check: \(result.output) \(result.error)", file: file, line: line)
    }

    /// The text of a PDF via pdftotext; skips when it is absent.
    static func pdfText(_ url: URL) throws -> String {
        guard let pdftotext = tool("pdftotext") else { throw XCTSkip("pdftotext is not installed") }
        return try run(pdftotext, ["-enc", "UTF-8", url.path, "-"]).output
    }
}
