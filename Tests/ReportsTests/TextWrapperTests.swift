import Foundation
import XCTest
@testable import Reports

final class TextWrapperTests: XCTestCase {
    private let font = StandardPDFFont(bold: false, resourceName: "F1")

    private func wrap(_ text: String, width: Double, size: Double = 10) -> [String] {
        TextWrapper.wrap(text, font: font, size: size, maxWidth: width).map { String($0.text) }
    }

    func testShortTextStaysOnOneLine() {
        XCTAssertEqual(wrap("hello world", width: 500), ["hello world"])
    }

    func testWrapsAtSpacesAndDropsThem() {
        // "hello" is 5 glyphs of 556/500/222 units: 22.2 pt at 10 pt; "hello world" is ~50 pt.
        XCTAssertEqual(wrap("hello world again", width: 40), ["hello", "world", "again"])
    }

    func testLinesNeverExceedWidth() {
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 20)
        for width in [30.0, 57, 120, 333] {
            for line in TextWrapper.wrap(text, font: font, size: 10, maxWidth: width) {
                XCTAssertLessThanOrEqual(line.width, width + 0.001, "line '\(line.text)' too wide for \(width)")
                XCTAssertEqual(line.width, font.width(of: line.text, size: 10), accuracy: 0.001)
            }
        }
    }

    func testLongWordIsBrokenBetweenCharacters() {
        let lines = wrap("Supercalifragilisticexpialidocious", width: 40)
        XCTAssertGreaterThan(lines.count, 2)
        XCTAssertEqual(lines.joined(), "Supercalifragilisticexpialidocious")
    }

    func testBreaksAfterHyphen() {
        XCTAssertEqual(wrap("well-known", width: 30), ["well-", "known"])
    }

    func testNewlinesForceBreaksAndEmptyTextGivesOneLine() {
        XCTAssertEqual(wrap("a\nb\n\nc", width: 500), ["a", "b", "", "c"])
        XCTAssertEqual(wrap("", width: 100), [""])
        XCTAssertEqual(wrap("trailing   ", width: 500), ["trailing"])
    }

    func testZeroWidthStillMakesProgress() {
        XCTAssertEqual(wrap("abc", width: 0), ["a", "b", "c"])
    }

    func testLeadingSpacesOfWrappedLineAreAbsorbed() {
        let lines = wrap("abcdefghijkl  mn", width: 25)
        XCTAssertFalse(lines.contains { $0.hasPrefix(" ") }, "\(lines)")
        XCTAssertEqual(lines.joined(separator: " ").replacingOccurrences(of: " ", with: ""), "abcdefghijklmn")
    }

    func testSanitizedReplacesControls() {
        XCTAssertEqual(TextWrapper.sanitized("a\tb\r\nc\rd\u{7}e\u{85}f"), "a b\nc\nde" + "f")
        let clean = "plain text"
        XCTAssertEqual(TextWrapper.sanitized(clean), clean)
    }

    func testFittedAddsEllipsis() throws {
        XCTAssertEqual(font.fitted("short", size: 10, width: 100), "short")
        let cut = font.fitted(String(repeating: "long words ", count: 20), size: 10, width: 60)
        XCTAssertTrue(cut.hasSuffix("…"))
        XCTAssertLessThanOrEqual(font.width(of: cut, size: 10), 60.001)
    }
}
