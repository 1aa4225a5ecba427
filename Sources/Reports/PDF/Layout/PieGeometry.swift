import Foundation

/// Circular arcs as cubic Béziers (each segment ≤ 90°, control distance 4/3·tan(θ/4)·r).
enum PieGeometry {
    /// Adds a closed pie or ring sector from angle `start` to `end` (radians, either direction).
    static func sector(center: (Double, Double), outer: Double, inner: Double, from start: Double, to end: Double, canvas: inout PageCanvas) {
        let (cx, cy) = center
        if inner > 0 {
            canvas.move(to: cx + inner * cos(start), cy + inner * sin(start))
            canvas.addLine(to: cx + outer * cos(start), cy + outer * sin(start))
        } else {
            canvas.move(to: cx, cy)
            canvas.addLine(to: cx + outer * cos(start), cy + outer * sin(start))
        }
        arc(cx, cy, outer, start, end, canvas: &canvas)
        if inner > 0 {
            canvas.addLine(to: cx + inner * cos(end), cy + inner * sin(end))
            arc(cx, cy, inner, end, start, canvas: &canvas)
        }
    }

    /// Appends arc segments from the current point (which must be at `start`).
    static func arc(_ cx: Double, _ cy: Double, _ r: Double, _ start: Double, _ end: Double, canvas: inout PageCanvas) {
        let total = end - start
        let segments = max(1, Int((abs(total) / (Double.pi / 2)).rounded(.up)))
        let step = total / Double(segments)
        let k = 4.0 / 3.0 * tan(step / 4) * r
        var a0 = start
        for _ in 0..<segments {
            let a1 = a0 + step
            canvas.addCurve(cx + r * cos(a0) - k * sin(a0), cy + r * sin(a0) + k * cos(a0),
                            cx + r * cos(a1) + k * sin(a1), cy + r * sin(a1) - k * cos(a1),
                            to: cx + r * cos(a1), cy + r * sin(a1))
            a0 = a1
        }
    }
}
