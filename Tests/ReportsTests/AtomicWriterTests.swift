import Foundation
import XCTest
@testable import Reports

final class AtomicWriterTests: XCTestCase {
    func testCommitReplacesDestinationAndLeavesNoTemporaryFile() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let destination = directory.appendingPathComponent("report.pdf")
        try Data("old".utf8).write(to: destination)
        let writer = try AtomicFileWriter(destination: destination)
        try writer.write(Array("new ".utf8))
        try writer.write(Array("content".utf8))
        XCTAssertEqual(writer.bytesWritten, 11)
        XCTAssertEqual(try String(contentsOf: destination, encoding: .utf8), "old", "untouched until commit")
        try writer.commit()
        XCTAssertEqual(try String(contentsOf: destination, encoding: .utf8), "new content")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["report.pdf"])
        XCTAssertThrowsError(try writer.commit()) { XCTAssertEqual($0 as? OutputError, .closed) }
        XCTAssertThrowsError(try writer.write([1])) { XCTAssertEqual($0 as? OutputError, .closed) }
    }

    func testDiscardRemovesTemporaryFile() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let writer = try AtomicFileWriter(destination: directory.appendingPathComponent("x.pdf"))
        try writer.write([1, 2, 3])
        writer.discard()
        writer.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }

    func testUnwritableLocationsFailWithTypedErrors() throws {
        XCTAssertThrowsError(try AtomicFileWriter(destination: URL(fileURLWithPath: "/nonexistent-dir/sub/report.pdf"))) { error in
            guard case .cannotCreate = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("cannot create"))
        }
        let directory = try PDFTestSupport.temporaryDirectory()
        // Renaming a file onto an existing non-empty directory fails.
        let blocker = directory.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("inner"), withIntermediateDirectories: true)
        let writer = try AtomicFileWriter(destination: blocker)
        try writer.write([1])
        XCTAssertThrowsError(try writer.commit()) { error in
            guard case .renameFailed = error as? OutputError else { return XCTFail("\(error)") }
        }
        XCTAssertTrue(OutputError.writeFailed(path: "p", errno: 28).description.contains("cannot write p"))
    }

    func testRendererLeavesNoPartialFileOnFailure() throws {
        let directory = try PDFTestSupport.temporaryDirectory()
        let destination = directory.appendingPathComponent("report.pdf")
        let summary = try PDFRenderer(options: PDFTestSupport.options()).render(
            ReportDocument(metadata: ReportMetadata(title: "ok"), blocks: [.paragraph(text: "fine", style: .body)]), to: destination)
        XCTAssertEqual(summary.pageCount, 1)
        XCTAssertEqual(summary.byteCount, try Data(contentsOf: destination).count)
        XCTAssertThrowsError(try PDFRenderer().render(ReportDocument(metadata: ReportMetadata(title: "x")),
                                                     to: URL(fileURLWithPath: "/nonexistent-dir/report.pdf")))
    }

    func testMemorySinkCollectsBytes() throws {
        let sink = MemorySink()
        try sink.write([1, 2])
        XCTAssertEqual(sink.data, [1, 2])
        XCTAssertEqual(sink.bytesWritten, 2)
    }
}
