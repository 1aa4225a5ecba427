import XCTest
@testable import TUIKit

final class TextWidthTests: XCTestCase {
    func testASCIIAndControls() {
        XCTAssertEqual(TextWidth.width(of: "hello"), 5)
        XCTAssertEqual(TextWidth.width(of: Character("\u{7}")), 0)
        XCTAssertEqual(TextWidth.width(of: Character("\u{7F}")), 0)
        XCTAssertEqual(TextWidth.width(of: Unicode.Scalar(0x85)!), 0)
        XCTAssertEqual(TextWidth.width(of: "é"), 1)
        XCTAssertEqual(TextWidth.width(of: "\u{AD}"), 1, "soft hyphen is visible like glibc")
    }

    func testCJKAndFullwidth() {
        XCTAssertEqual(TextWidth.width(of: "作者"), 4)
        XCTAssertEqual(TextWidth.width(of: "ｱ"), 1, "halfwidth katakana")
        XCTAssertEqual(TextWidth.width(of: "Ａ"), 2, "fullwidth A")
        XCTAssertEqual(TextWidth.width(of: "한글"), 4)
        XCTAssertEqual(TextWidth.width(of: "\u{3000}"), 2, "ideographic space")
        XCTAssertEqual(TextWidth.width(of: "\u{20000}"), 2, "CJK extension B")
        XCTAssertEqual(TextWidth.width(of: "\u{1100}\u{1161}\u{11A8}"), 2, "Hangul jamo sequence is one wide syllable")
    }

    func testEmoji() {
        XCTAssertEqual(TextWidth.width(of: "😀"), 2)
        XCTAssertEqual(TextWidth.width(of: "👍🏽"), 2, "skin tone modifier joins")
        XCTAssertEqual(TextWidth.width(of: "👩‍💻"), 2, "ZWJ sequence is one glyph")
        XCTAssertEqual(TextWidth.width(of: "👨‍👩‍👧‍👦"), 2)
        XCTAssertEqual(TextWidth.width(of: "🇫🇷"), 2, "flag")
        XCTAssertEqual(TextWidth.width(of: "1️⃣"), 2, "keycap")
        XCTAssertEqual(TextWidth.width(of: "❤️"), 2, "VS16 upgrades text-default emoji")
        XCTAssertEqual(TextWidth.width(of: "❤"), 1, "text presentation by default")
        XCTAssertEqual(TextWidth.width(of: "☺︎"), 1, "VS15 asks for text presentation")
        XCTAssertEqual(TextWidth.width(of: "⌚︎"), 1)
    }

    func testCombiningMarksJoinTheirBase() {
        let decomposed = "e\u{301}"
        XCTAssertEqual(decomposed.count, 1)
        XCTAssertEqual(TextWidth.width(of: decomposed), 1)
        XCTAssertEqual(TextWidth.width(of: "a\u{300}\u{316}b"), 2)
        XCTAssertEqual(TextWidth.width(of: Character("\u{301}")), 0, "a lone mark takes no cell")
        XCTAssertEqual(TextWidth.width(of: "\u{200B}"), 0, "zero width space")
        XCTAssertEqual(TextWidth.width(of: Substring("作x")), 3)
        XCTAssertTrue(TextWidth.isZeroWidth("\u{FE0F}"))
        XCTAssertFalse(TextWidth.isZeroWidth("a"))
        XCTAssertEqual(TextWidth.width(of: Character("\u{20E3}\u{301}")), 0)
    }

    func testTruncateAndClip() {
        XCTAssertEqual(TextLayout.truncate("Hello world", to: 8), "Hello w…")
        XCTAssertEqual(TextLayout.truncate("Hello", to: 5), "Hello")
        XCTAssertEqual(TextLayout.truncate("作者作者", to: 5), "作者…")
        XCTAssertEqual(TextLayout.truncate("作者作者", to: 4), "作…")
        XCTAssertEqual(TextLayout.truncate("abc", to: 0), "")
        XCTAssertEqual(TextLayout.truncate("abcdef", to: 2, ellipsis: "..."), "ab")
        XCTAssertEqual(TextLayout.clip("作者", to: 3), "作")
    }

    func testPadByDisplayWidth() {
        XCTAssertEqual(TextLayout.pad("作", to: 4), "作  ")
        XCTAssertEqual(TextLayout.pad("ab", to: 4, alignment: .right), "  ab")
        XCTAssertEqual(TextLayout.pad("ab", to: 5, alignment: .center), " ab  ")
        XCTAssertEqual(TextLayout.pad("abcdef", to: 4), "abc…")
        XCTAssertEqual(TextLayout.pad("x", to: 0), "")
    }

    func testWrap() {
        XCTAssertEqual(TextLayout.wrap("the quick brown fox", width: 9), ["the quick", "brown fox"])
        XCTAssertEqual(TextLayout.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextLayout.wrap("one\n\ntwo", width: 10), ["one", "", "two"])
        XCTAssertEqual(TextLayout.wrap("作者", width: 1), ["作", "者"], "a too-wide grapheme gets a line alone")
        XCTAssertEqual(TextLayout.wrap("x", width: 0), [])
    }
}
