import Foundation
import XCTest
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Reports

/// Helpers for the DOCX tests: temp files, ZIP reading, python-docx read-back, LibreOffice.
enum DOCXTestSupport {
    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Where a test writes its documents: `DOCX_KEEP_DIR` when set (kept for inspection, for
    /// example to look at LibreOffice's PDF), else a fresh temporary directory.
    static func outputDirectory() throws -> URL {
        guard let kept = ProcessInfo.processInfo.environment["DOCX_KEEP_DIR"] else { return try temporaryDirectory() }
        let url = URL(fileURLWithPath: kept)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes a test's output directory unless `DOCX_KEEP_DIR` asked to keep it.
    static func removeOutput(_ url: URL) {
        if ProcessInfo.processInfo.environment["DOCX_KEEP_DIR"] == nil { try? FileManager.default.removeItem(at: url) }
    }

    /// Options that ignore the process environment (so SOURCE_DATE_EPOCH is explicit).
    static func options(epoch: String? = nil) -> DOCXRenderOptions {
        DOCXRenderOptions(environment: epoch.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:])
    }

    /// Full path of a tool in the usual bin directories, or nil.
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool with a wall-clock limit; returns (status, stdout, stderr).
    @discardableResult
    static func run(_ path: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Files instead of pipes: a chatty child can never block on a full pipe.
        let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            XCTFail("\(path) timed out after \(timeout) s")
        }
        try out.close()
        try err.close()
        return (process.terminationStatus,
                String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Every entry of a ZIP file, in archive order, with its uncompressed bytes.
    static func entries(of url: URL) throws -> [(path: String, data: Data)] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return (entry.path, data)
        }
    }

    /// One part of a package as text.
    static func part(_ path: String, of url: URL) throws -> String {
        let match = try entries(of: url).first { $0.path == path }
        return String(decoding: try XCTUnwrap(match, "no part \(path)").data, as: UTF8.self)
    }

    /// Fails unless every XML part parses (FoundationXML is libxml2 underneath).
    static func assertWellFormed(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        for entry in try entries(of: url) where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            let parser = XMLParser(data: entry.data)
            XCTAssertTrue(parser.parse(), "\(entry.path): \(String(describing: parser.parserError))", file: file, line: line)
        }
    }

    /// What python-docx reads back: paragraph texts and table cell texts.
    struct ReadBack: Decodable {
        /// Body paragraphs, in order.
        let paragraphs: [String]
        /// Tables as rows of cell texts.
        let tables: [[[String]]]
        /// Header and footer paragraph texts of the first section.
        let header: [String]
        let footer: [String]
        /// Core properties.
        let title: String
        let author: String
        let keywords: String
        /// Style name of each body paragraph.
        let styles: [String]
    }

    /// Opens `url` with python-docx (Debian's python3-docx); skips when it is absent.
    static func readBack(_ url: URL) throws -> ReadBack {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python),
              try run(python, ["-c", "import docx"]).status == 0 else { throw XCTSkip("python3-docx is not installed") }
        let script = """
        import docx, json, sys
        d = docx.Document(sys.argv[1])
        s = d.sections[0]
        print(json.dumps({
          "paragraphs": [p.text for p in d.paragraphs],
          "styles": [p.style.name for p in d.paragraphs],
          "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
          "header": [p.text for p in s.header.paragraphs],
          "footer": [p.text for p in s.footer.paragraphs],
          "title": d.core_properties.title or "",
          "author": d.core_properties.author or "",
          "keywords": d.core_properties.keywords or "",
        }))
        """
        let result = try run(python, ["-c", script, url.path])
        XCTAssertEqual(result.status, 0, "python-docx failed: \(result.error)")
        return try JSONDecoder().decode(ReadBack.self, from: Data(result.output.utf8))
    }

    /// The first table's cell texts through python-docx's cell objects built straight from the
    /// row elements: `Table.rows[i].cells` is quadratic in python-docx and takes minutes for
    /// a thousand rows.
    static func firstTableRows(_ url: URL) throws -> [[String]] {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python),
              try run(python, ["-c", "import docx"]).status == 0 else { throw XCTSkip("python3-docx is not installed") }
        let script = """
        import docx, json, sys
        from docx.table import _Cell
        t = docx.Document(sys.argv[1]).tables[0]
        print(json.dumps([[_Cell(tc, t).text for tc in tr.tc_lst] for tr in t._tbl.tr_lst]))
        """
        let result = try run(python, ["-c", script, url.path])
        XCTAssertEqual(result.status, 0, "python-docx failed: \(result.error)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
    }

    /// Converts a .docx to PDF with LibreOffice headless (own profile, time limit) and
    /// returns the PDF; skips when LibreOffice is absent.
    static func convertToPDF(_ url: URL) throws -> URL {
        guard let soffice = tool("soffice") else { throw XCTSkip("LibreOffice is not installed") }
        let directory = url.deletingLastPathComponent()
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try run(soffice, ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", directory.path, url.path], timeout: 180)
        let pdf = url.deletingPathExtension().appendingPathExtension("pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice made no PDF: \(result.output) \(result.error)")
        return pdf
    }

    /// The text of a PDF via pdftotext; skips when poppler is absent.
    static func pdfText(_ url: URL) throws -> String {
        guard let pdftotext = tool("pdftotext") else { throw XCTSkip("pdftotext is not installed") }
        let result = try run(pdftotext, ["-enc", "UTF-8", url.path, "-"])
        XCTAssertEqual(result.status, 0, result.error)
        return result.output
    }

    /// A report using every block kind, with multilingual text.
    static func sampleDocument() -> ReportDocument {
        let columns = [
            TableColumn(title: "Inspector", width: 2), TableColumn(title: "Score", width: 1, alignment: .trailing),
            TableColumn(title: "Follow-up", width: 1, alignment: .center),
        ]
        let rows = [["Görkem Aydın", "87", "yes"], ["Ελένη Παπαδοπούλου", "92", "no"], ["Дмитрий Иванов", "75", "yes"]]
        return ReportDocument(
            metadata: ReportMetadata(title: "Site inspections", author: "Formwork tests", subject: "Quarterly review",
                                     keywords: ["safety", "sites"], creationDate: Date(timeIntervalSince1970: 1_767_225_600)),
            blocks: [
                .heading(level: 1, text: "Site inspections"),
                .tableOfContents,
                .paragraph(text: "Three responses from İstanbul, Αθήνα and Москва.", style: .body),
                .heading(level: 2, text: "Scores"),
                .table(TableSpec(columns: columns, rows: rows, caption: "Scores by inspector")),
                .paragraph(text: "Bold summary", style: .strong),
                .paragraph(text: "A caption line", style: .caption),
                .paragraph(text: "An insight worth quoting.", style: .quote),
                .bulletList(items: ["first point", "second point"]),
                .heading(level: 3, text: "Charts"),
                .chart(ChartSpec(kind: .bar, title: "Responses by severity", categories: ["low", "high"],
                                 series: [ChartSeries(name: "Responses", values: [3, 5])])),
                .pageBreak,
                .heading(level: 1, text: "Appendix"),
                .paragraph(text: "Line one\nLine two\tafter a tab", style: .body),
            ]
        )
    }
}
