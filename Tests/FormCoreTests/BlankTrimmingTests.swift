import Foundation
import XCTest
@testable import FormCore

/// The fast trim gives exactly what Foundation's `trimmingCharacters(in: .whitespaces)` gives.
final class BlankTrimmingTests: XCTestCase {
    func testSameAsFoundationOnEveryShape() {
        let samples = ["", " ", "\t", "Ana", " Ana", "Ana ", "\tAna\t", "A n a", "\u{00A0}Ana", "Ana\u{3000}", "Ana\n", "\nAna",
                       "\u{2003}\u{2003}", "ção", " ção ", "é\u{0301}", "👩‍👩‍👧", " 👩‍👩‍👧 ", "Ana\u{200B}"]
        for text in samples {
            XCTAssertEqual(BlankTrimming.trimmed(text), text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map { $0.value })")
        }
    }

    func testStoredTextAnswersReadTheSameWithOrWithoutBlanks() throws {
        let field = Field(id: "f_n", key: "n", type: .shortText)
        XCTAssertEqual(try AnswerCoding.value(fromJSON: .string("Ana"), for: field), .string("Ana"))
        XCTAssertEqual(try AnswerCoding.value(fromJSON: .string("  Ana\t"), for: field), .string("Ana"))
        XCTAssertEqual(try AnswerCoding.value(fromJSON: .string(" \u{00A0}"), for: field), .empty)
    }
}
