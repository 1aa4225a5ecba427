/// A horizontal progress bar with eighth-block precision and a percentage label.
public struct ProgressBar: Widget {
    /// Completion from 0 to 1 (clamped; NaN counts as 0).
    public var fraction: Double
    /// Shown after the bar; defaults to the percentage.
    public var label: String?

    /// Creates a progress bar.
    public init(fraction: Double, label: String? = nil) {
        self.fraction = fraction
        self.label = label
    }

    static let partials: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Draws `█████▌░░░░ 55%` on the first row of `area`.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let line = area.row(0)
        guard !line.isEmpty else { return }
        let value = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        let text = label ?? "\(Int((value * 100).rounded(.down)))%"
        let labelWidth = TextWidth.width(of: text)
        let barWidth = line.width - labelWidth - 1
        guard barWidth >= 1 else {
            grid.write(TextLayout.truncate(text, to: line.width), at: line.origin, style: theme[.text], clip: line)
            return
        }
        let eighths = Int((value * Double(barWidth * 8)).rounded(.down))
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(ProgressBar.partials[eighths % 8]) }
        let filled = bar.count
        grid.write(bar, at: line.origin, style: theme[.progress], clip: line)
        grid.write(String(repeating: "░", count: barWidth - filled), at: Point(x: line.x + filled, y: line.y), style: theme[.dim], clip: line)
        grid.write(text, at: Point(x: line.x + barWidth + 1, y: line.y), style: theme[.text], clip: line)
    }
}

/// A one-row sparkline of the most recent values (`▁▂▃▅▇`), scaled to the largest shown.
public struct Sparkline: Widget {
    /// The values, oldest first; negative values count as 0.
    public var values: [Double]
    /// The value drawn as a full block; defaults to the largest visible value.
    public var maximum: Double?

    /// Creates a sparkline.
    public init(values: [Double], maximum: Double? = nil) {
        self.values = values
        self.maximum = maximum
    }

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline text for `width` cells (the last `width` values).
    public func text(width: Int) -> String {
        let shown = values.suffix(max(0, width)).map { $0.isFinite ? max(0, $0) : 0 }
        let top = maximum ?? (shown.max() ?? 0)
        return String(shown.map { value -> Character in
            guard top > 0, value > 0 else { return " " }
            let level = Int((min(value, top) / top * 7).rounded())
            return Sparkline.levels[min(7, max(0, level))]
        })
    }

    /// Draws the sparkline right-aligned on the first row of `area`.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let line = area.row(0)
        guard !line.isEmpty else { return }
        let spark = text(width: line.width)
        grid.write(spark, at: Point(x: line.maxX - spark.count, y: line.y), style: theme[.progress], clip: line)
    }
}

/// A vertical scrollbar: a track with a thumb sized to the visible fraction.
public struct Scrollbar: Widget {
    /// The total number of lines.
    public var total: Int
    /// How many lines fit.
    public var visible: Int
    /// The first visible line.
    public var offset: Int

    /// Creates a scrollbar.
    public init(total: Int, visible: Int, offset: Int) {
        self.total = total
        self.visible = visible
        self.offset = offset
    }

    /// The thumb's first row and height within a track `height` rows tall, or nil if all fits.
    public func thumb(height: Int) -> (start: Int, length: Int)? {
        guard total > visible, visible > 0, height > 0 else { return nil }
        let length = min(height, max(1, visible * height / total))
        let maxOffset = total - visible
        let start = (min(max(0, offset), maxOffset) * (height - length) + maxOffset / 2) / maxOffset
        return (start, length)
    }

    /// Draws in the right-most column of `area`; draws nothing when everything is visible.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        guard !area.isEmpty, let (start, length) = thumb(height: area.height) else { return }
        let x = area.maxX - 1
        for row in 0..<area.height {
            let inThumb = row >= start && row < start + length
            grid.write(inThumb ? "█" : "│", at: Point(x: x, y: area.y + row), style: theme[inThumb ? .scrollbarThumb : .scrollbarTrack], clip: area)
        }
    }
}

/// A row of tabs, the selected one highlighted: ` Fields │ Rules │ Preview `.
public struct TabsBar: Widget {
    /// The tab titles.
    public var titles: [String]
    /// The selected tab index.
    public var selected: Int

    /// Creates a tabs bar.
    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    /// Draws the tabs on the first row of `area`, stopping with `…` when out of room.
    public func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
        let line = area.row(0)
        guard !line.isEmpty else { return }
        grid.fill(line, with: .blank(theme[.text]))
        var x = line.x
        for (index, title) in titles.enumerated() {
            let label = " \(title) "
            let width = TextWidth.width(of: label)
            if index > 0 {
                guard x + 1 + width <= line.maxX else { return overflow(at: x, line: line, into: &grid, theme: theme) }
                x += grid.write("│", at: Point(x: x, y: line.y), style: theme[.border], clip: line)
            } else if width > line.width {
                return overflow(at: x, line: line, into: &grid, theme: theme)
            }
            x += grid.write(label, at: Point(x: x, y: line.y), style: theme[index == selected ? .tabActive : .tabInactive], clip: line)
        }
    }

    private func overflow(at x: Int, line: Rect, into grid: inout CellGrid, theme: Theme) {
        grid.write("…", at: Point(x: min(x, line.maxX - 1), y: line.y), style: theme[.dim], clip: line)
    }
}
