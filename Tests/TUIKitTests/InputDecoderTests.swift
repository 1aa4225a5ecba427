import XCTest
@testable import TUIKit

final class InputDecoderTests: XCTestCase {
    private func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        return decoder.feed(Array(text.utf8)) + decoder.flush()
    }

    private func keys(_ text: String) -> [KeyEvent] {
        decode(text).compactMap { if case .key(let key) = $0 { return key } else { return nil } }
    }

    func testPlainCharactersAndControls() {
        XCTAssertEqual(keys("aZ?"), [.char("a"), .char("Z"), .char("?")])
        XCTAssertEqual(keys("\r"), [KeyEvent(.enter)])
        XCTAssertEqual(keys("\n"), [.ctrl("j")], "with nonl, LF is ctrl+j, distinct from enter")
        XCTAssertEqual(keys("\t"), [KeyEvent(.tab)])
        XCTAssertEqual(keys("\u{7F}\u{8}"), [KeyEvent(.backspace), KeyEvent(.backspace)])
        XCTAssertEqual(keys("\u{1}\u{1A}"), [.ctrl("a"), .ctrl("z")])
        XCTAssertEqual(keys("\u{0}"), [.ctrl(" ")])
        XCTAssertEqual(keys("\u{1F}"), [.ctrl("_")])
        XCTAssertEqual(keys("é作😀"), [.char("é"), .char("作"), .char("😀")])
    }

    func testEscapeAndAltPrefix() {
        XCTAssertEqual(keys("\u{1B}"), [KeyEvent(.escape)])
        XCTAssertEqual(keys("\u{1B}j"), [KeyEvent(.char("j"), modifiers: .alt)])
        XCTAssertEqual(keys("\u{1B}\u{7F}"), [KeyEvent(.backspace, modifiers: .alt)])
        XCTAssertEqual(keys("\u{1B}\r"), [KeyEvent(.enter, modifiers: .alt)])
        XCTAssertEqual(keys("\u{1B}é"), [KeyEvent(.char("é"), modifiers: .alt)])
        XCTAssertEqual(keys("\u{1B}\u{1B}"), [KeyEvent(.escape), KeyEvent(.escape)])
    }

    func testCSIArrowsAndModifiers() {
        XCTAssertEqual(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"), [KeyEvent(.up), KeyEvent(.down), KeyEvent(.right), KeyEvent(.left)])
        XCTAssertEqual(keys("\u{1B}[1;3B"), [KeyEvent(.down, modifiers: .alt)])
        XCTAssertEqual(keys("\u{1B}[1;5A"), [KeyEvent(.up, modifiers: .ctrl)])
        XCTAssertEqual(keys("\u{1B}[1;2C"), [KeyEvent(.right, modifiers: .shift)])
        XCTAssertEqual(keys("\u{1B}[1;7D"), [KeyEvent(.left, modifiers: [.ctrl, .alt])])
        XCTAssertEqual(keys("\u{1B}[1;9A"), [KeyEvent(.up, modifiers: .alt)], "meta counts as alt")
        XCTAssertEqual(keys("\u{1B}[H\u{1B}[F\u{1B}[Z"), [KeyEvent(.home), KeyEvent(.end), KeyEvent(.backtab)])
        XCTAssertEqual(keys("\u{1B}[1;2P"), [KeyEvent(.function(1), modifiers: .shift)])
    }

    func testTildeKeys() {
        let expected: [(String, Key)] = [
            ("1", .home), ("2", .insert), ("3", .delete), ("4", .end), ("5", .pageUp), ("6", .pageDown),
            ("7", .home), ("8", .end), ("11", .function(1)), ("15", .function(5)), ("17", .function(6)),
            ("21", .function(10)), ("23", .function(11)), ("24", .function(12)),
        ]
        for (code, key) in expected { XCTAssertEqual(keys("\u{1B}[\(code)~"), [KeyEvent(key)], code) }
        XCTAssertEqual(keys("\u{1B}[3;5~"), [KeyEvent(.delete, modifiers: .ctrl)])
        XCTAssertEqual(keys("\u{1B}[99~x"), [.char("x")], "unknown codes are skipped")
    }

    func testSS3() {
        XCTAssertEqual(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD"), [KeyEvent(.up), KeyEvent(.down), KeyEvent(.right), KeyEvent(.left)])
        XCTAssertEqual(keys("\u{1B}OH\u{1B}OF\u{1B}OP\u{1B}OS\u{1B}OM"), [KeyEvent(.home), KeyEvent(.end), KeyEvent(.function(1)), KeyEvent(.function(4)), KeyEvent(.enter)])
        XCTAssertEqual(keys("\u{1B}Oz"), [])
    }

    func testSGRMouse() {
        XCTAssertEqual(decode("\u{1B}[<0;10;5M"), [.mouse(MouseEvent(action: .press(.left), position: Point(x: 9, y: 4)))])
        XCTAssertEqual(decode("\u{1B}[<2;1;1m"), [.mouse(MouseEvent(action: .release(.right), position: .zero))])
        XCTAssertEqual(decode("\u{1B}[<32;3;4M"), [.mouse(MouseEvent(action: .drag(.left), position: Point(x: 2, y: 3)))])
        XCTAssertEqual(decode("\u{1B}[<35;3;4M"), [.mouse(MouseEvent(action: .move, position: Point(x: 2, y: 3)))])
        XCTAssertEqual(decode("\u{1B}[<64;1;1M"), [.mouse(MouseEvent(action: .scrollUp, position: .zero))])
        XCTAssertEqual(decode("\u{1B}[<65;1;1M"), [.mouse(MouseEvent(action: .scrollDown, position: .zero))])
        XCTAssertEqual(decode("\u{1B}[<66;1;1M\u{1B}[<67;1;1M").count, 2)
        XCTAssertEqual(decode("\u{1B}[<17;2;2M"), [.mouse(MouseEvent(action: .press(.middle), position: Point(x: 1, y: 1), modifiers: .ctrl))])
        XCTAssertEqual(decode("\u{1B}[<12;2;2M"), [.mouse(MouseEvent(action: .press(.left), position: Point(x: 1, y: 1), modifiers: [.shift, .alt]))])
        XCTAssertEqual(decode("\u{1B}[<3;2;2M"), [], "button 3 press is meaningless")
        XCTAssertEqual(decode("\u{1B}[<1;2M"), [], "malformed reports are skipped")
    }

    func testX10Mouse() {
        XCTAssertEqual(decode("\u{1B}[M !!"), [.mouse(MouseEvent(action: .press(.left), position: .zero))])
        XCTAssertEqual(decode("\u{1B}[M#!!"), [.mouse(MouseEvent(action: .release(nil), position: .zero))])
        XCTAssertEqual(decode("\u{1B}[M\u{1}!!"), [])
    }

    func testBracketedPaste() {
        XCTAssertEqual(decode("\u{1B}[200~hello\r\nworld\rx\u{1B}[201~j"), [.paste("hello\nworld\nx"), .key(.char("j"))])
        XCTAssertEqual(decode("\u{1B}[200~ctrl+j \u{1B}[A stays text\u{1B}[201~"), [.paste("ctrl+j \u{1B}[A stays text")])
    }

    func testIncrementalFeedingKeepsPartialSequences() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([0x1B]), [])
        XCTAssertTrue(decoder.hasPending)
        XCTAssertEqual(decoder.feed(Array("[1;".utf8)), [])
        XCTAssertEqual(decoder.feed(Array("3B".utf8)), [.key(KeyEvent(.down, modifiers: .alt))])
        XCTAssertFalse(decoder.hasPending)
        XCTAssertEqual(decoder.feed([0xE4, 0xBD]), [])
        XCTAssertEqual(decoder.feed([0x9C]), [.key(.char("作"))])
        XCTAssertEqual(decoder.feed(Array("\u{1B}[200~abc".utf8)), [])
        XCTAssertTrue(decoder.isInPaste)
        XCTAssertEqual(decoder.feed(Array("\u{1B}[201~".utf8)), [.paste("abc")])
        XCTAssertEqual(decoder.feed(Array("\u{1B}O".utf8)), [])
        XCTAssertEqual(decoder.flush(), [.key(KeyEvent(.escape)), .key(.char("O"))], "timeout: ESC then the letter")
        XCTAssertEqual(decoder.feed([0xE4]), [])
        XCTAssertEqual(decoder.flush(), [], "a truncated UTF-8 character is dropped")
        XCTAssertEqual(decoder.feed(Array("\u{1B}[M ".utf8)), [])
        XCTAssertEqual(decoder.feed(Array("!!".utf8)).count, 1)
    }

    func testGarbageIsSkipped() {
        var raw = InputDecoder()
        XCTAssertEqual(raw.feed([0xFF, 0x61]), [.key(.char("a"))], "invalid UTF-8 lead byte skipped")
        XCTAssertEqual(keys("\u{1B}[I\u{1B}[Ob"), [.char("b")], "focus reports ignored")
        XCTAssertEqual(keys("\u{1B}[1\u{7}x"), [.ctrl("g"), .char("x")])
        let long = "\u{1B}[" + String(repeating: "1", count: 80) + "x"
        XCTAssertEqual(keys(long).last, .char("x"))
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([0xED, 0xA0, 0x80, 0x61]), [.key(.char("a"))], "surrogate encoding rejected")
    }
}
