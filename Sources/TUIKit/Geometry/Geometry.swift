/// A cell position on the screen: `x` is the column, `y` the row, both zero-based.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    /// The column, counted from the left edge.
    public var x: Int
    /// The row, counted from the top edge.
    public var y: Int

    /// Creates a point at column `x`, row `y`.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The top-left corner.
    public static let zero = Point(x: 0, y: 0)

    /// `(x,y)`, for test failure messages.
    public var description: String { "(\(x),\(y))" }
}

/// A size in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// The number of columns.
    public var width: Int
    /// The number of rows.
    public var height: Int

    /// Creates a size; negative dimensions are clamped to zero so layouts never go negative.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty size.
    public static let zero = Size(width: 0, height: 0)

    /// `WxH`, for test failure messages.
    public var description: String { "\(width)x\(height)" }
}

/// Insets for each edge of a rectangle, in cells.
public struct EdgeInsets: Hashable, Sendable {
    /// Rows removed at the top.
    public var top: Int
    /// Columns removed at the left.
    public var left: Int
    /// Rows removed at the bottom.
    public var bottom: Int
    /// Columns removed at the right.
    public var right: Int

    /// Creates insets with a value per edge.
    public init(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    /// The same inset on every edge.
    public static func all(_ value: Int) -> EdgeInsets {
        EdgeInsets(top: value, left: value, bottom: value, right: value)
    }

    /// `vertical` rows at top and bottom, `horizontal` columns at left and right.
    public static func symmetric(vertical: Int = 0, horizontal: Int = 0) -> EdgeInsets {
        EdgeInsets(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }
}

/// An axis-aligned rectangle of cells.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// The left column.
    public var x: Int
    /// The top row.
    public var y: Int
    /// The number of columns (never negative).
    public var width: Int
    /// The number of rows (never negative).
    public var height: Int

    /// Creates a rectangle; negative sizes are clamped to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at `origin` with `size`.
    public init(origin: Point, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// A rectangle at the origin covering `size`.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    /// The top-left corner.
    public var origin: Point { Point(x: x, y: y) }
    /// The width and height.
    public var size: Size { Size(width: width, height: height) }
    /// One past the right-most column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    /// True when the rectangle covers no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The number of cells covered.
    public var area: Int { width * height }

    /// True when `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// The overlap of two rectangles (empty, positioned at the clamped corner, when disjoint).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `insets`; never smaller than empty.
    public func inset(by insets: EdgeInsets) -> Rect {
        let w = max(0, width - insets.left - insets.right)
        let h = max(0, height - insets.top - insets.bottom)
        return Rect(x: x + min(insets.left, width), y: y + min(insets.top, height), width: w, height: h)
    }

    /// The rectangle shrunk by `amount` on every edge.
    public func inset(_ amount: Int) -> Rect { inset(by: .all(amount)) }

    /// A rectangle of `size` centred inside this one, clamped to fit.
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width), h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    /// The single row `row` (relative to the top), or an empty rectangle when out of range.
    public func row(_ row: Int) -> Rect {
        guard row >= 0, row < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + row, width: width, height: 1)
    }

    /// `x,y WxH`, for test failure messages.
    public var description: String { "\(x),\(y) \(width)x\(height)" }
}
