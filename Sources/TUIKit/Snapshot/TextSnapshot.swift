/// Grids rendered as text, for snapshot tests and `render-screen` style debugging.
public enum TextSnapshot {
    /// One string per row; continuation cells are skipped so wide graphemes read naturally.
    /// Trailing spaces are removed unless `keepTrailingSpaces` is set.
    public static func lines(_ grid: CellGrid, keepTrailingSpaces: Bool = false) -> [String] {
        (0..<grid.size.height).map { y in
            var line = ""
            for cell in grid.row(y) where !cell.isContinuation { line += cell.text }
            guard !keepTrailingSpaces else { return line }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The rows joined with newlines.
    public static func text(_ grid: CellGrid) -> String { lines(grid).joined(separator: "\n") }

    /// The text followed, per row, by its style runs: `  3-7 selection` when `theme` names the
    /// style, else the style's theme-file spelling (`fg:#ffffff bold`). Plain runs are omitted.
    public static func styled(_ grid: CellGrid, theme: Theme? = nil) -> String {
        var output: [String] = []
        for y in 0..<grid.size.height {
            let row = Array(grid.row(y))
            var line = ""
            for cell in row where !cell.isContinuation { line += cell.text }
            output.append("|" + line + "|")
            for run in styleRuns(row) where run.style != .plain {
                let name = theme?.role(for: run.style)?.rawValue ?? run.style.description
                output.append("  \(run.start)-\(run.end) \(name)")
            }
        }
        return output.joined(separator: "\n")
    }

    static func styleRuns(_ row: [Cell]) -> [(start: Int, end: Int, style: Style)] {
        var runs: [(start: Int, end: Int, style: Style)] = []
        for (x, cell) in row.enumerated() {
            if let last = runs.last, last.style == cell.style, last.end == x - 1 {
                runs[runs.count - 1].end = x
            } else {
                runs.append((x, x, cell.style))
            }
        }
        return runs
    }
}
