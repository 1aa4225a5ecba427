import XCTest
@testable import TUIKit

final class KeyEventTests: XCTestCase {
    func testParseModifiersAndNames() throws {
        XCTAssertEqual(try KeyEvent.parse("ctrl+j"), .ctrl("j"))
        XCTAssertEqual(try KeyEvent.parse("ctrl+J"), .ctrl("j"), "ctrl letters are case-insensitive")
        XCTAssertEqual(try KeyEvent.parse("alt+down"), KeyEvent(.down, modifiers: .alt))
        XCTAssertEqual(try KeyEvent.parse("<alt+down>"), KeyEvent(.down, modifiers: .alt))
        XCTAssertEqual(try KeyEvent.parse("meta+up"), KeyEvent(.up, modifiers: .alt))
        XCTAssertEqual(try KeyEvent.parse("shift+tab"), KeyEvent(.backtab))
        XCTAssertEqual(try KeyEvent.parse("shift+a"), .char("A"))
        XCTAssertEqual(try KeyEvent.parse("space"), .char(" "))
        XCTAssertEqual(try KeyEvent.parse("?"), .char("?"))
        XCTAssertEqual(try KeyEvent.parse("+"), .char("+"))
        XCTAssertEqual(try KeyEvent.parse("ctrl++"), .ctrl("+"))
        XCTAssertEqual(try KeyEvent.parse("F12"), KeyEvent(.function(12)))
        XCTAssertEqual(try KeyEvent.parse("pagedown"), KeyEvent(.pageDown))
        XCTAssertEqual(try KeyEvent.parse(" esc "), KeyEvent(.escape))
        XCTAssertEqual(try KeyEvent.parse("ctrl+alt+shift+left"), KeyEvent(.left, modifiers: [.ctrl, .alt, .shift]))
        XCTAssertEqual(try KeyEvent.parseList("ctrl+k, alt+up k"), [.ctrl("k"), KeyEvent(.up, modifiers: .alt), .char("k")])
    }

    func testParseErrors() {
        XCTAssertThrowsError(try KeyEvent.parse("")) { XCTAssertEqual("\($0)", "invalid key '': empty key") }
        XCTAssertThrowsError(try KeyEvent.parse("hyper+x")) { XCTAssertTrue("\($0)".contains("unknown modifier 'hyper'")) }
        XCTAssertThrowsError(try KeyEvent.parse("ctrl+banana")) { XCTAssertTrue("\($0)".contains("unknown key name 'banana'")) }
        XCTAssertThrowsError(try KeyEvent.parse("f13"))
    }

    func testDescriptionRoundTrips() throws {
        let keys: [KeyEvent] = [
            .char("a"), .char("Z"), .char(" "), .ctrl("j"), .alt(.down), KeyEvent(.up, modifiers: [.ctrl, .shift]),
            KeyEvent(.enter), KeyEvent(.escape), KeyEvent(.tab), KeyEvent(.backtab), KeyEvent(.backspace),
            KeyEvent(.delete), KeyEvent(.insert), KeyEvent(.home), KeyEvent(.end), KeyEvent(.pageUp),
            KeyEvent(.pageDown), KeyEvent(.left), KeyEvent(.right), KeyEvent(.function(5)), .char("+"), .char("é"),
        ]
        for key in keys {
            XCTAssertEqual(try KeyEvent.parse(key.description), key, key.description)
        }
        XCTAssertEqual(KeyEvent.ctrl("j").description, "ctrl+j")
        XCTAssertEqual(KeyEvent(.down, modifiers: .alt).displayLabel, "alt+↓")
        XCTAssertEqual(KeyEvent(.up, modifiers: [.ctrl, .shift]).displayLabel, "ctrl+shift+↑")
        XCTAssertEqual(KeyEvent(.enter).displayLabel, "enter")
    }
}
