import XCTest
import TUIKit

final class GeometryTests: XCTestCase {
    func testRectBasics() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        XCTAssertEqual(rect.maxX, 12)
        XCTAssertEqual(rect.maxY, 7)
        XCTAssertEqual(rect.area, 40)
        XCTAssertTrue(rect.contains(Point(x: 2, y: 3)))
        XCTAssertFalse(rect.contains(Point(x: 12, y: 3)))
        XCTAssertEqual(rect.origin, Point(x: 2, y: 3))
        XCTAssertEqual(rect.size, Size(width: 10, height: 4))
        XCTAssertEqual(Rect(x: 0, y: 0, width: -3, height: 2).width, 0)
        XCTAssertTrue(Rect(size: .zero).isEmpty)
        XCTAssertEqual(Rect(origin: .zero, size: Size(width: 1, height: 1)).description, "0,0 1x1")
        XCTAssertEqual(Point(x: 1, y: 2).description, "(1,2)")
        XCTAssertEqual(Size(width: -1, height: 3).description, "0x3")
    }

    func testIntersectionInsetCentredRow() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        XCTAssertEqual(a.intersection(Rect(x: 5, y: 5, width: 10, height: 10)), Rect(x: 5, y: 5, width: 5, height: 5))
        XCTAssertTrue(a.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
        XCTAssertEqual(a.inset(1), Rect(x: 1, y: 1, width: 8, height: 8))
        XCTAssertEqual(a.inset(by: EdgeInsets(top: 1, left: 2, bottom: 3, right: 4)), Rect(x: 2, y: 1, width: 4, height: 6))
        XCTAssertEqual(Rect(x: 0, y: 0, width: 2, height: 2).inset(5).area, 0)
        XCTAssertEqual(a.inset(by: .symmetric(vertical: 2, horizontal: 1)), Rect(x: 1, y: 2, width: 8, height: 6))
        XCTAssertEqual(a.centered(Size(width: 4, height: 2)), Rect(x: 3, y: 4, width: 4, height: 2))
        XCTAssertEqual(a.centered(Size(width: 40, height: 2)).width, 10)
        XCTAssertEqual(a.row(3), Rect(x: 0, y: 3, width: 10, height: 1))
        XCTAssertTrue(a.row(10).isEmpty)
    }

    func testHorizontalSplitFixedPercentFill() {
        let area = Rect(x: 0, y: 0, width: 100, height: 5)
        let parts = area.splitHorizontally([.fixed(20), .percent(30), .fill])
        XCTAssertEqual(parts.map(\.width), [20, 30, 50])
        XCTAssertEqual(parts.map(\.x), [0, 20, 50])
        XCTAssertTrue(parts.allSatisfy { $0.height == 5 })
    }

    func testFillWeightsAndSpacing() {
        let area = Rect(x: 0, y: 0, width: 31, height: 1)
        let parts = area.splitHorizontally([.fill(1), .fill(2)], spacing: 1)
        XCTAssertEqual(parts.map(\.width), [10, 20])
        XCTAssertEqual(parts[1].x, 11)
    }

    func testOverflowCutsLaterSlots() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).splitHorizontally([.fixed(8), .fixed(8), .fill])
        XCTAssertEqual(parts.map(\.width), [8, 2, 0])
        XCTAssertEqual(Layout.split(Rect(x: 0, y: 0, width: 5, height: 5), axis: .horizontal, []), [])
    }

    func testVerticalSplit() {
        let rows = Rect(x: 1, y: 1, width: 10, height: 24).splitVertically([.fixed(1), .fill, .fixed(1)])
        XCTAssertEqual(rows.map(\.height), [1, 22, 1])
        XCTAssertEqual(rows.map(\.y), [1, 2, 24])
        XCTAssertEqual(Rect(x: 0, y: 0, width: 10, height: 10).splitVertically([.percent(150), .fill]).map(\.height), [10, 0])
    }
}
