import XCTest
import Foundation
import TUIKit

/// Compares `actual` with `__Snapshots__/<TestClass>/<name>.txt` next to this file.
///
/// With `RECORD_SNAPSHOTS=1` (or when no baseline exists yet) the baseline is written and the
/// test fails with "Recorded new baseline", so a recording run never passes silently.
func assertSnapshot(
    _ actual: String,
    named name: String,
    testClass: String,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent(testClass)
    let url = directory.appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if recording || expected == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            XCTFail("Recorded new baseline \(url.path)", file: file, line: line)
        } catch {
            XCTFail("Cannot record \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let expected, expected != actual + "\n" else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = (actual + "\n").split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    for index in 0..<max(want.count, got.count) {
        let w = index < want.count ? String(want[index]) : "<missing>"
        let g = index < got.count ? String(got[index]) : "<missing>"
        if w != g { report.append("line \(index + 1):\n  expected |\(w)|\n  actual   |\(g)|") }
    }
    XCTFail("Snapshot \(name) differs (re-record with RECORD_SNAPSHOTS=1):\n" + report.joined(separator: "\n"), file: file, line: line)
}

/// Renders `widget` into a grid of `width`×`height` and returns its text lines joined.
func render(_ widget: Widget, width: Int, height: Int, theme: Theme = .monochrome) -> String {
    TextSnapshot.text(widget.rendered(size: Size(width: width, height: height), theme: theme))
}
