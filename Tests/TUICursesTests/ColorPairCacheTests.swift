import XCTest
import TUIKit
@testable import TUICurses

final class ColorPairCacheTests: XCTestCase {
    func testPairsAreAllocatedOnceAndDefaultIsPairZero() {
        var cache = ColorPairCache(capacity: 4)
        var initialized: [Int32] = []
        let red = ColorPairCache.ColorKey(foreground: 1, background: -1)
        XCTAssertEqual(cache.pair(for: ColorPairCache.ColorKey(foreground: -1, background: -1)) { id, _ in initialized.append(id) }, 0)
        XCTAssertEqual(cache.pair(for: red) { id, _ in initialized.append(id) }, 1)
        XCTAssertEqual(cache.pair(for: red) { id, _ in initialized.append(id) }, 1)
        XCTAssertEqual(initialized, [1], "init_pair runs once per combination")
        XCTAssertEqual(cache.allocatedCount, 1)
    }

    func testExhaustionFallsBackToDefaultPairAndResetStartsOver() {
        var cache = ColorPairCache(capacity: 3)
        for fg in Int32(1)...2 { XCTAssertEqual(cache.pair(for: .init(foreground: fg, background: 0)) { _, _ in }, fg) }
        XCTAssertEqual(cache.pair(for: .init(foreground: 9, background: 0)) { _, _ in XCTFail("no room") }, 0)
        cache.reset()
        XCTAssertEqual(cache.allocatedCount, 0)
        XCTAssertEqual(cache.pair(for: .init(foreground: 9, background: 0)) { _, _ in }, 1)
    }

    func testColorNumbersPerCapability() {
        let indexed = CursesColorMapper(capability: .indexed256, colors: 256)
        XCTAssertEqual(indexed.number(for: .default), -1)
        XCTAssertEqual(indexed.number(for: .ansi(9)), 9)
        XCTAssertEqual(indexed.number(for: .indexed(236)), 236)
        XCTAssertEqual(indexed.number(for: .rgb(255, 0, 0)), 196)
        let eight = CursesColorMapper(capability: .ansi16, colors: 8)
        XCTAssertEqual(eight.number(for: .ansi(9)), 1, "no bright half on 8-colour terminals")
        XCTAssertEqual(eight.number(for: .rgb(0, 0, 200)), 4)
        let direct = CursesColorMapper(capability: .trueColor, colors: 16_777_216)
        XCTAssertEqual(direct.number(for: .rgb(0x12, 0x34, 0x56)), 0x123456)
        XCTAssertEqual(direct.number(for: .ansi(2)), 2, "direct-colour terminfo keeps 0-7 as palette colours")
        XCTAssertEqual(direct.number(for: .ansi(9)), 0xFF0000)
        XCTAssertEqual(direct.number(for: .indexed(196)), 0xFF0000)
        XCTAssertEqual(direct.number(for: .indexed(3)), 3)
        XCTAssertEqual(CursesColorMapper(capability: .none, colors: 0).number(for: .ansi(1)), -1)
    }

    func testErrorDescriptions() {
        XCTAssertTrue(TerminalError.notATerminal.description.contains("interactive terminal"))
        XCTAssertTrue(TerminalError.cannotInitialize(term: "vt999").description.contains("TERM='vt999'"))
    }
}
