import XCTest
@testable import TUIKit

final class KeymapTests: XCTestCase {
    struct State { var atBottom = false }

    private func keymap() throws -> Keymap<State> {
        Keymap([
            try KeyBinding(id: "field.moveDown", keys: ["ctrl+j", "alt+down"], title: "Move field down", shortTitle: "move", group: "Fields") { state in
                state.atBottom ? "Cannot move any further" : nil
            },
            try KeyBinding(id: "help", keys: ["?"], title: "Show keys", shortTitle: "help"),
            try KeyBinding(id: "quit", keys: ["q", "ctrl+c"], title: "Quit", showInBar: false),
            try KeyBinding(id: "fields.next", keys: ["j", "down"], title: "Next field", shortTitle: "next", group: "Fields"),
        ])
    }

    func testResolveCommandsDisabledAndUnbound() throws {
        let map = try keymap()
        XCTAssertEqual(map.resolve(.ctrl("j"), in: State()), .command("field.moveDown"))
        XCTAssertEqual(map.resolve(.alt(.down), in: State()), .command("field.moveDown"))
        XCTAssertEqual(map.resolve(.ctrl("j"), in: State(atBottom: true)), .disabled("field.moveDown", reason: "Cannot move any further"))
        XCTAssertEqual(map.resolve(.char("x"), in: State()), .unbound)
        XCTAssertEqual(map.binding(id: "quit")?.keyLabel, "q/ctrl+c")
        XCTAssertNil(map.binding(id: "nope"))
    }

    func testBarHelpAndPaletteComeFromTheSameList() throws {
        let map = try keymap()
        XCTAssertEqual(map.barHints(in: State()).map(\.id), ["field.moveDown", "help", "fields.next"])
        XCTAssertEqual(map.barHints(in: State(atBottom: true)).map(\.id), ["help", "fields.next"], "disabled commands leave the bar")
        let sections = map.helpSections(in: State(atBottom: true))
        XCTAssertEqual(sections.map(\.group), ["Fields", "General"])
        XCTAssertEqual(sections[0].hints.map(\.id), ["field.moveDown", "fields.next"])
        XCTAssertEqual(sections[0].hints[0].disabledReason, "Cannot move any further")
        XCTAssertFalse(sections[0].hints[0].isEnabled)
        XCTAssertEqual(map.hints(in: State()).count, 4)
        XCTAssertEqual(map.hints(in: State())[0].keyLabel, "ctrl+j/alt+↓")
    }

    func testConflictsRemapAndCombination() throws {
        let map = try keymap()
        XCTAssertEqual(map.conflicts(), [])
        let screen = Keymap<State>([KeyBinding(id: "screen.down", keys: [KeyEvent.char("j")], title: "Down")])
        let combined = screen + map
        XCTAssertEqual(combined.resolve(.char("j"), in: State()), .command("screen.down"), "earlier keymap wins")
        XCTAssertEqual(combined.conflicts(), [KeyConflict(key: .char("j"), commandIDs: ["screen.down", "fields.next"])])
        XCTAssertEqual(combined.conflicts()[0].description, "j is bound to screen.down, fields.next")
        let remapped = map.remapped(["quit": [.ctrl("q")]])
        XCTAssertEqual(remapped.resolve(.ctrl("q"), in: State()), .command("quit"))
        XCTAssertEqual(remapped.resolve(.char("q"), in: State()), .unbound)
        XCTAssertThrowsError(try KeyBinding<State>(id: "x", keys: ["ctrl+nope"], title: "X"))
    }

    func testMarkdownCheatsheet() throws {
        let text = try keymap().markdown(title: "Builder")
        XCTAssertTrue(text.hasPrefix("## Builder\n\n### Fields\n\n| Keys | Command | Id |"))
        XCTAssertTrue(text.contains("| `ctrl+j`, `alt+down` | Move field down | `field.moveDown` |"))
        XCTAssertTrue(text.contains("### General"))
    }
}

final class FuzzyMatcherTests: XCTestCase {
    func testMatchRequiresOrderedCharacters() {
        XCTAssertNotNil(FuzzyMatcher.match("mvd", in: "Move field down"))
        XCTAssertNil(FuzzyMatcher.match("dvm", in: "Move field down"))
        XCTAssertNil(FuzzyMatcher.match("toolong", in: "tool"))
        XCTAssertEqual(FuzzyMatcher.match("", in: "anything"), FuzzyMatch(score: 0, indices: []))
        XCTAssertEqual(FuzzyMatcher.match("  ", in: "x")?.indices, [])
    }

    func testIndicesPreferWordStartsAndRuns() {
        XCTAssertEqual(FuzzyMatcher.match("mfd", in: "Move field down")?.indices, [0, 5, 11])
        XCTAssertEqual(FuzzyMatcher.match("theme", in: "Change theme")?.indices, [7, 8, 9, 10, 11])
        XCTAssertEqual(FuzzyMatcher.match("fd", in: "fieldDown")?.indices, [0, 5], "camelCase hump")
        XCTAssertEqual(FuzzyMatcher.match("exp", in: "Export report")?.indices, [0, 1, 2])
    }

    func testSmartCase() {
        XCTAssertNotNil(FuzzyMatcher.match("move", in: "MOVE"))
        XCTAssertNil(FuzzyMatcher.match("Move", in: "move"), "an uppercase query is case-sensitive")
    }

    func testRanking() {
        let titles = ["Delete field", "Duplicate field", "Move field down", "Show keys", "Field rules", "Export as PDF"]
        let ranked = FuzzyMatcher.rank("fd", titles) { $0 }.map(\.item)
        XCTAssertEqual(ranked.first, "Move field down", "word starts f+d beat scattered letters")
        XCTAssertEqual(FuzzyMatcher.rank("field", titles) { $0 }.first?.item, "Field rules", "prefix match ranks first")
        XCTAssertEqual(FuzzyMatcher.rank("", titles) { $0 }.map(\.item), titles, "empty query keeps order")
        XCTAssertEqual(FuzzyMatcher.rank("zzz", titles) { $0 }.count, 0)
        XCTAssertEqual(FuzzyMatcher.rank("ab", ["xaxb", "ab", "a b"]) { $0 }.map(\.item), ["ab", "a b", "xaxb"])
        let scoreRun = FuzzyMatcher.match("abc", in: "abcxyz")!.score
        let scoreGap = FuzzyMatcher.match("abc", in: "axbxcx")!.score
        XCTAssertGreaterThan(scoreRun, scoreGap)
        XCTAssertGreaterThan(FuzzyMatcher.match("r2", in: "row 2")!.score, FuzzyMatcher.match("r2", in: "rowx2")!.score, "word start beats mid-word")
    }
}
