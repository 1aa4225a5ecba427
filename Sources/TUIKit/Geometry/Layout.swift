/// How much space one slot of a split receives.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (shrunk only when the total does not fit).
    case fixed(Int)
    /// This percentage of the whole length, rounded down.
    case percent(Int)
    /// A share of what remains after fixed and percent slots, by relative weight.
    case fill(Int)

    /// A fill slot of weight 1.
    public static let fill = Constraint.fill(1)
}

/// The direction in which a rectangle is split.
public enum Axis: Hashable, Sendable {
    /// Side by side: slots are columns.
    case horizontal
    /// Stacked: slots are rows.
    case vertical
}

/// Splits rectangles into slots by constraints, the way ratatui's `Layout` does.
public enum Layout {
    /// Splits `rect` along `axis`; `spacing` cells separate neighbouring slots.
    ///
    /// Fixed and percent slots are served first; if they overflow, they are cut from the end so
    /// the earlier (usually more important) slots keep their size. Fill slots share what remains
    /// by weight, with the rounding remainder going to the last fill slot so the result always
    /// covers the whole length.
    public static func split(_ rect: Rect, axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = axis == .horizontal ? rect.width : rect.height
        let gaps = max(0, spacing) * (constraints.count - 1)
        let lengths = distribute(max(0, total - gaps), constraints, whole: total)
        var offset = 0
        return lengths.map { length in
            defer { offset += length + max(0, spacing) }
            switch axis {
            case .horizontal:
                return Rect(x: rect.x + min(offset, total), y: rect.y, width: length, height: rect.height)
            case .vertical:
                return Rect(x: rect.x, y: rect.y + min(offset, total), width: rect.width, height: length)
            }
        }
    }

    private static func distribute(_ available: Int, _ constraints: [Constraint], whole: Int) -> [Int] {
        var lengths = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let n): return max(0, n)
            case .percent(let p): return max(0, whole * min(max(p, 0), 100) / 100)
            case .fill: return 0
            }
        }
        var remaining = available
        for index in lengths.indices {
            lengths[index] = min(lengths[index], remaining)
            remaining -= lengths[index]
        }
        let weights = constraints.map { constraint -> Int in
            if case .fill(let w) = constraint { return max(0, w) }
            return 0
        }
        let weightSum = weights.reduce(0, +)
        guard weightSum > 0 else { return lengths }
        var given = 0
        let lastFill = weights.lastIndex { $0 > 0 }
        for index in weights.indices where weights[index] > 0 {
            let share = index == lastFill ? remaining - given : remaining * weights[index] / weightSum
            lengths[index] = share
            given += share
        }
        return lengths
    }
}

extension Rect {
    /// Splits into columns (side by side).
    public func splitHorizontally(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, axis: .horizontal, constraints, spacing: spacing)
    }

    /// Splits into rows (stacked).
    public func splitVertically(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, axis: .vertical, constraints, spacing: spacing)
    }
}
