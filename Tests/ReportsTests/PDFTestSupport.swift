import Foundation
import XCTest
@testable import Reports

/// Helpers shared by the PDF tests: temp files, external tools (qpdf, poppler) and fixtures.
enum PDFTestSupport {
    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Full path of a tool in the usual bin directories, or nil.
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/opt/homebrew/bin/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool and returns (exit status, stdout, stderr).
    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Fails the test unless `qpdf --check` accepts the file; skips when qpdf is absent.
    static func assertValid(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let qpdf = tool("qpdf") else { throw XCTSkip("qpdf is not installed") }
        let result = try run(qpdf, ["--check", url.path])
        XCTAssertEqual(result.status, 0, "qpdf --check failed: \(result.output) \(result.error)", file: file, line: line)
        XCTAssertTrue(result.output.contains("No syntax or stream encoding errors"), result.output, file: file, line: line)
        XCTAssertFalse(result.error.contains("WARNING"), result.error, file: file, line: line)
    }

    /// The text of a PDF (or of one page) via pdftotext; skips when poppler is absent.
    static func text(_ url: URL, page: Int? = nil, layout: Bool = false) throws -> String {
        guard let pdftotext = tool("pdftotext") else { throw XCTSkip("pdftotext is not installed") }
        var arguments = ["-enc", "UTF-8"] + (layout ? ["-layout"] : [])
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        let result = try run(pdftotext, arguments + [url.path, "-"])
        XCTAssertEqual(result.status, 0, result.error)
        return result.output
    }

    /// Number of pages reported by pdfinfo.
    static func pageCount(_ url: URL) throws -> Int {
        guard let pdfinfo = tool("pdfinfo") else { throw XCTSkip("pdfinfo is not installed") }
        let result = try run(pdfinfo, [url.path])
        let line = result.output.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? -1
    }

    /// Options with a pinned environment so tests never depend on the caller's SOURCE_DATE_EPOCH.
    static func options(fonts: PDFRenderOptions.FontChoice = .automatic, epoch: String? = nil) -> PDFRenderOptions {
        PDFRenderOptions(fonts: fonts, environment: epoch.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:])
    }

    /// Renders a document into a temp file and returns its URL.
    static func render(_ document: ReportDocument, options: PDFRenderOptions = options(), name: String = "out.pdf") throws -> URL {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try PDFRenderer(options: options).render(document, to: url)
        return url
    }

    /// Copies a rendered file into $REPORTS_PDF_DIR (when set) so a person can look at it.
    static func keep(_ url: URL, as name: String) {
        guard let directory = ProcessInfo.processInfo.environment["REPORTS_PDF_DIR"] else { return }
        let target = URL(fileURLWithPath: directory).appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try? FileManager.default.copyItem(at: url, to: target)
    }

    /// A table of `count` rows with recognisable cells (row index in the first column).
    static func numberedTable(rows count: Int) -> TableSpec {
        let columns = [
            TableColumn(title: "Inspector", width: 1.3), TableColumn(title: "Site", width: 0.8),
            TableColumn(title: "Score", width: 0.6, alignment: .trailing), TableColumn(title: "Notes", width: 3),
        ]
        let names = ["Ana Souza", "Björn Ek", "Görkem Aydın", "Émile Roy"]
        let rows = (0..<count).map { index in
            ["\(names[index % names.count]) \(index)", "Site \(index % 7)", String(index % 101), "Observation #\(index): exit sign checked."]
        }
        return TableSpec(columns: columns, rows: rows)
    }
}
