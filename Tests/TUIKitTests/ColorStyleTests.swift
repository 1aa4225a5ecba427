import XCTest
@testable import TUIKit

final class ColorStyleTests: XCTestCase {
    func testColorParsingAndRoundTrip() {
        XCTAssertEqual(Color(parsing: "default"), .default)
        XCTAssertEqual(Color(parsing: "red"), .ansi(1))
        XCTAssertEqual(Color(parsing: "bright-blue"), .ansi(12))
        XCTAssertEqual(Color(parsing: "Gray"), .ansi(8))
        XCTAssertEqual(Color(parsing: "grey"), .ansi(8))
        XCTAssertEqual(Color(parsing: "236"), .indexed(236))
        XCTAssertEqual(Color(parsing: "#FF8000"), .rgb(255, 128, 0))
        XCTAssertEqual(Color(parsing: "#f80"), .rgb(255, 136, 0))
        for bad in ["256", "-1", "#12345", "#gggggg", "purple", ""] { XCTAssertNil(Color(parsing: bad), bad) }
        for color in [Color.default, .ansi(3), .ansi(15), .indexed(42), .rgb(1, 2, 255)] {
            XCTAssertEqual(Color(parsing: color.description), color)
        }
    }

    func testNearestPaletteColours() {
        XCTAssertEqual(Palette.nearest256(255, 0, 0), 196)
        XCTAssertEqual(Palette.nearest256(0, 0, 0), 16)
        XCTAssertEqual(Palette.nearest256(128, 128, 128), 244)
        XCTAssertEqual(Palette.nearest256(0x5f, 0xaf, 0xff), 75)
        XCTAssertEqual(Palette.nearest16(250, 10, 10), 9)
        XCTAssertEqual(Palette.nearest16(0, 0, 0), 0)
        XCTAssertEqual(Palette.nearest16(240, 240, 240), 7)
        XCTAssertEqual(Palette.nearest16(250, 250, 250), 15)
        XCTAssertTrue(Palette.rgb(ofIndex: 196) == (255, 0, 0))
        XCTAssertTrue(Palette.rgb(ofIndex: 232) == (8, 8, 8))
        XCTAssertTrue(Palette.rgb(ofIndex: 1) == (205, 0, 0))
    }

    func testColourFallbackByCapability() {
        let orange = Color.rgb(255, 135, 0)
        XCTAssertEqual(orange.resolved(for: .trueColor), orange)
        XCTAssertEqual(orange.resolved(for: .indexed256), .indexed(208))
        XCTAssertEqual(orange.resolved(for: .ansi16), .ansi(3), "xterm yellow (205,205,0) is closest")
        XCTAssertEqual(orange.resolved(for: .none), .default)
        XCTAssertEqual(Color.indexed(196).resolved(for: .ansi16), .ansi(9))
        XCTAssertEqual(Color.indexed(4).resolved(for: .ansi16), .ansi(4))
        XCTAssertEqual(Color.indexed(100).resolved(for: .indexed256), .indexed(100))
        XCTAssertEqual(Color.ansi(2).resolved(for: .ansi16), .ansi(2))
        XCTAssertEqual(Color.default.resolved(for: .trueColor), .default)
    }

    func testCapabilityDetection() {
        XCTAssertEqual(ColorCapability.detect(colors: 256, hasColors: true, environment: [:]), .indexed256)
        XCTAssertEqual(ColorCapability.detect(colors: 8, hasColors: true, environment: [:]), .ansi16)
        XCTAssertEqual(ColorCapability.detect(colors: 16_777_216, hasColors: true, environment: [:]), .trueColor)
        XCTAssertEqual(ColorCapability.detect(colors: 256, hasColors: true, environment: ["NO_COLOR": "1"]), .none)
        XCTAssertEqual(ColorCapability.detect(colors: 256, hasColors: true, environment: ["NO_COLOR": ""]), .indexed256, "empty NO_COLOR is ignored (no-color.org)")
        XCTAssertEqual(ColorCapability.detect(colors: 256, hasColors: false, environment: [:]), .none)
        XCTAssertTrue(ColorCapability.ansi16 < .trueColor)
    }

    func testStyleOperationsAndDescription() {
        let base = Style(foreground: .ansi(1), background: .indexed(236), attributes: .bold)
        let overlay = Style(foreground: .ansi(2), attributes: .underline)
        let patched = base.patched(with: overlay)
        XCTAssertEqual(patched, Style(foreground: .ansi(2), background: .indexed(236), attributes: [.bold, .underline]))
        XCTAssertEqual(base.adding(.reverse).attributes, [.bold, .reverse])
        XCTAssertEqual(patched.description, "fg:green bg:236 bold underline")
        XCTAssertEqual(Style.plain.description, "none")
        XCTAssertEqual(Style(foreground: .rgb(255, 0, 0)).resolved(for: .indexed256).foreground, .indexed(196))
        XCTAssertEqual(TextAttributes([.italic, .strikethrough, .dim]).description, "dim italic strikethrough")
    }

    func testRoleFallbacksTerminate() {
        for role in StyleRole.allCases {
            var seen: Set<StyleRole> = [role]
            var current = role.fallback
            while let next = current {
                XCTAssertFalse(seen.contains(next), "cycle at \(role)")
                seen.insert(next)
                current = next.fallback
            }
        }
    }
}
