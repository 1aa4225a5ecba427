import XCTest
@testable import TUIKit

final class CellGridTests: XCTestCase {
    private func grid(_ width: Int, _ height: Int = 1) -> CellGrid { CellGrid(size: Size(width: width, height: height)) }

    func testWriteAndRead() {
        var g = grid(6, 2)
        XCTAssertEqual(g.write("abc", at: Point(x: 1, y: 1)), 3)
        XCTAssertEqual(TextSnapshot.lines(g), ["", " abc"])
        XCTAssertEqual(g[1, 1].text, "a")
        XCTAssertEqual(g[-1, 0], .blank, "outside reads as blank")
        XCTAssertEqual(g.row(5).count, 0)
        XCTAssertEqual(g.write("x", at: Point(x: 0, y: 9)), 0)
    }

    func testWideCharacterTakesTwoCells() {
        var g = grid(6)
        XCTAssertEqual(g.write("a作b", at: .zero), 4)
        XCTAssertEqual(g[1, 0].width, 2)
        XCTAssertTrue(g[2, 0].isContinuation)
        XCTAssertEqual(g[3, 0].text, "b")
        XCTAssertEqual(TextSnapshot.lines(g), ["a作b"])
    }

    func testWideCharacterAtRightEdgeIsNeverHalved() {
        var g = grid(4)
        XCTAssertEqual(g.write("abc作", at: .zero), 4)
        XCTAssertEqual(TextSnapshot.lines(g, keepTrailingSpaces: true), ["abc "])
        XCTAssertFalse(g.cells.contains { $0.isContinuation })
        var clipped = grid(6)
        clipped.write("ab作", at: .zero, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        XCTAssertEqual(TextSnapshot.lines(clipped, keepTrailingSpaces: true), ["ab    "])
        var direct = grid(3)
        direct.put(Cell("作"), x: 2, y: 0)
        XCTAssertEqual(direct[2, 0].text, " ", "put at the last column degrades to a blank")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = grid(5)
        g.write("作者", at: .zero)
        g.write("x", at: Point(x: 1, y: 0))
        XCTAssertEqual(TextSnapshot.lines(g), [" x者"])
        g.write("y", at: Point(x: 2, y: 0))
        XCTAssertEqual(TextSnapshot.lines(g, keepTrailingSpaces: true), [" xy  "])
        var h = grid(5)
        h.write("a作", at: .zero)
        h.write("者", at: .zero)
        XCTAssertEqual(TextSnapshot.lines(h, keepTrailingSpaces: true), ["者   "], "wide over wide head blanks the old continuation")
        XCTAssertFalse(h[2, 0].isContinuation)
    }

    func testCombiningMarksAndControls() {
        var g = grid(6)
        g.write("e\u{301}x", at: .zero)
        XCTAssertEqual(g[0, 0].text, "e\u{301}")
        XCTAssertEqual(g[1, 0].text, "x")
        g.write("\u{301}z", at: Point(x: 3, y: 0))
        XCTAssertEqual(g[3, 0].text, "z", "a leading lone mark is dropped")
        g.write("a\tb\u{1}", at: .zero)
        XCTAssertEqual(TextSnapshot.lines(g)[0].prefix(4), "a b\u{FFFD}")
    }

    func testClipAndStartLeftOfClip() {
        var g = grid(8)
        g.write("abcdef", at: Point(x: -2, y: 0))
        XCTAssertEqual(TextSnapshot.lines(g), ["cdef"])
        var h = grid(8)
        h.write("abcdef", at: Point(x: 0, y: 0), clip: Rect(x: 2, y: 0, width: 3, height: 1))
        XCTAssertEqual(TextSnapshot.lines(h), ["  cde"])
    }

    func testFillSetStyleAndDraw() {
        var g = grid(4, 2)
        let bold = Style(attributes: .bold)
        g.fill(Rect(x: 1, y: 0, width: 2, height: 2), with: Cell("#"))
        XCTAssertEqual(TextSnapshot.lines(g), [" ##", " ##"])
        g.setStyle(bold, in: Rect(x: 0, y: 1, width: 9, height: 1))
        XCTAssertEqual(g[3, 1].style, bold)
        g.fill(Rect(x: 9, y: 9, width: 1, height: 1))
        g.setStyle(bold, in: Rect(x: 9, y: 9, width: 1, height: 1))
        var small = grid(2)
        small.write("作", at: .zero)
        g.draw(small, at: Point(x: 2, y: 0))
        XCTAssertEqual(TextSnapshot.lines(g), [" #作", " ##"])
        XCTAssertEqual(Cell.blank(bold).style, bold)
    }

    func testDiffOfIdenticalGridsIsEmpty() {
        var g = grid(10, 3)
        g.write("same", at: .zero)
        XCTAssertEqual(g.diff(from: g), [])
    }

    func testDiffIsMinimal() {
        var old = grid(10, 3)
        old.write("hello", at: .zero)
        var new = old
        new.write("J", at: Point(x: 0, y: 0))
        new.write("!", at: Point(x: 9, y: 2))
        let runs = new.diff(from: old)
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(runs[0].origin, Point(x: 0, y: 0))
        XCTAssertEqual(runs[0].cells.map(\.text), ["J"])
        XCTAssertEqual(runs[1].origin, Point(x: 9, y: 2))
        XCTAssertEqual(runs[1].cells.map(\.text), ["!"])
    }

    func testDiffGroupsAdjacentChangesAndSplitsGaps() {
        var old = grid(10)
        old.write("aaaaaaaaaa", at: .zero)
        var new = old
        new.write("bb", at: Point(x: 2, y: 0))
        new.write("cc", at: Point(x: 6, y: 0))
        let runs = new.diff(from: old)
        XCTAssertEqual(runs.map(\.origin.x), [2, 6])
        XCTAssertEqual(runs.map { $0.cells.count }, [2, 2])
    }

    func testDiffIncludesWholeWideCharacter() {
        var old = grid(6)
        old.write("ab作", at: .zero)
        var new = old
        new.write("x", at: Point(x: 3, y: 0))
        let runs = new.diff(from: old)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].origin.x, 2, "the run backs up to the wide head's position")
        XCTAssertEqual(runs[0].cells.map(\.text), [" ", "x"])
        var restyled = old
        restyled.setStyle(Style(attributes: .bold), in: Rect(x: 2, y: 0, width: 1, height: 1))
        let styleRuns = restyled.diff(from: old)
        XCTAssertEqual(styleRuns.first?.cells.count, 2, "head and continuation redrawn together")
        var replaced = grid(6)
        replaced.write("ab者", at: .zero)
        XCTAssertEqual(replaced.diff(from: old).first?.cells.map(\.text), ["者", ""])
    }

    func testDiffAfterResizeRepaintsEverything() {
        let old = grid(3, 2)
        let new = grid(4, 2)
        let runs = new.diff(from: old)
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(runs.map { $0.cells.count }, [4, 4])
        XCTAssertEqual(new.diff(from: nil).count, 2)
    }

    func testFrameDiffAndCursor() {
        var frame = Frame(size: Size(width: 4, height: 1), cursor: Point(x: 1, y: 0), cursorVisible: true)
        XCTAssertEqual(frame.size, Size(width: 4, height: 1))
        let previous = frame
        frame.grid.write("x", at: .zero)
        XCTAssertEqual(frame.diff(from: previous).count, 1)
        XCTAssertEqual(frame.diff(from: nil).count, 1)
        XCTAssertEqual(Frame(grid: frame.grid).cursor, nil)
        XCTAssertEqual(CellRun(origin: .zero, cells: []).cells, [])
    }
}
