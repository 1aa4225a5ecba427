import XCTest
@testable import TUIKit

final class TextFieldTests: XCTestCase {
    private func type(_ field: inout TextField, _ keys: String) throws {
        for key in try KeyEvent.parseList(keys) { field.handle(key) }
    }

    func testInsertAndDelete() {
        var field = TextField("helo", cursor: 3)
        field.insert("l")
        XCTAssertEqual(field.text, "hello")
        XCTAssertEqual(field.cursor, 4)
        field.deleteBackward()
        field.deleteForward()
        XCTAssertEqual(field.text, "hel")
        field.moveCursor(to: 0)
        field.deleteBackward()
        XCTAssertEqual(field.text, "hel")
        field.moveCursor(to: 99)
        field.deleteForward()
        XCTAssertEqual(field.cursor, 3)
        field.insert("a\nb")
        XCTAssertEqual(field.text, "hela b")
        field.insert("")
        XCTAssertEqual(field.text, "hela b")
    }

    func testGraphemeAwareEditing() {
        var field = TextField("👩‍💻e")
        XCTAssertEqual(field.characters.count, 2)
        field.insert("\u{301}")
        XCTAssertEqual(field.text, "👩‍💻é")
        XCTAssertEqual(field.characters.count, 2, "combining mark joined its base")
        field.deleteBackward()
        field.deleteBackward()
        XCTAssertEqual(field.text, "")
    }

    func testWordMotionAndKills() {
        var field = TextField("alpha beta-gamma")
        field.moveWordLeft()
        XCTAssertEqual(field.cursor, 11)
        field.moveWordLeft()
        XCTAssertEqual(field.cursor, 6)
        field.moveWordRight()
        XCTAssertEqual(field.cursor, 10)
        field.deleteWordBackward()
        XCTAssertEqual(field.text, "alpha -gamma")
        field.deleteWordForward()
        XCTAssertEqual(field.text, "alpha ")
        field.moveCursor(to: 2)
        field.deleteToEnd()
        XCTAssertEqual(field.text, "al")
        field.deleteToStart()
        XCTAssertEqual(field.text, "")
        field.setText("new")
        XCTAssertEqual(field.cursor, 3)
    }

    func testReadlineKeys() throws {
        var field = TextField()
        try type(&field, "h i space t h e r e")
        XCTAssertEqual(field.text, "hi there")
        try type(&field, "ctrl+a right delete end backspace")
        XCTAssertEqual(field.text, "h ther")
        try type(&field, "alt+b ctrl+left ctrl+right alt+f home ctrl+e left")
        XCTAssertEqual(field.cursor, 5)
        try type(&field, "ctrl+w")
        XCTAssertEqual(field.text, "h r")
        try type(&field, "ctrl+d alt+backspace")
        XCTAssertEqual(field.text, "")
        field.setText("one two")
        try type(&field, "ctrl+a alt+d")
        XCTAssertEqual(field.text, " two")
        try type(&field, "ctrl+k")
        XCTAssertEqual(field.text, "")
        field.setText("x")
        try type(&field, "ctrl+u alt+right alt+left")
        XCTAssertEqual(field.text, "")
        XCTAssertFalse(field.handle(KeyEvent(.enter)))
        XCTAssertFalse(field.handle(.ctrl("p")))
        XCTAssertTrue(field.handle(.char("z")))
    }

    func testHorizontalScrollKeepsCaretVisible() {
        var field = TextField("abcdefghij")
        XCTAssertEqual(field.visibleStart(width: 5), 6, "caret at end needs a free cell")
        field.scrollToCursor(width: 5)
        XCTAssertEqual(field.scroll, 6)
        field.moveCursor(to: 2)
        field.scrollToCursor(width: 5)
        XCTAssertEqual(field.scroll, 2)
        field.setText("ab")
        XCTAssertEqual(field.visibleStart(width: 5), 0, "short text is never scrolled")
        XCTAssertEqual(TextField("作者作者").visibleStart(width: 5), 2)
        XCTAssertEqual(field.visibleStart(width: 1), field.cursor)
    }
}
