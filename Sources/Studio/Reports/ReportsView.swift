import TUIKit

/// The Reports screen: setup on the left; the files written and the schedules on the right.
enum ReportsView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let r = state.reports
        guard !r.loading, !r.unavailable else {
            Block(title: "Reports", focused: true).render(into: &grid, area: area, theme: theme)
            let text = r.unavailable ? "Reports are not available in this session." : "Loading…"
            grid.write(text, at: Point(x: area.x + 2, y: area.y + 1), style: theme[.dim], clip: area.inset(1))
            return nil
        }
        let setupWidth = min(36, max(24, area.width / 3))
        let columns = area.splitHorizontally([.fixed(setupWidth), .fill])
        let right = columns[1].splitVertically([.fill, .percent(40)])
        var cursor = setup(r, area: columns[0], grid: &grid, theme: theme)
        let resultCursor = results(r, area: right[0], grid: &grid, theme: theme)
        let scheduleCursor = schedules(r, area: right[1], grid: &grid, theme: theme)
        if r.pane == .results { cursor = resultCursor }
        if r.pane == .schedules { cursor = scheduleCursor }
        if r.pathsShown { paths(r, area: area, grid: &grid, theme: theme) }
        return cursor
    }

    static func setup(_ r: ReportsState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let focused = r.pane == .setup
        // Short enough for the narrowest pane (about 22 cells) so the keys are never cut off.
        let title = r.editing.map { "Editing \($0.name)" } ?? "Generate"
        let footer = r.editing == nil ? "enter/g queues" : "enter save, esc cancel"
        Block(title: title, footer: footer, focused: focused).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        if r.forms.isEmpty {
            let text = "No published form yet: publish one in the builder (ctrl+p) first."
            for (row, line) in TextLayout.wrap(text, width: max(1, inner.width - 1)).enumerated() {
                grid.write(line, at: Point(x: inner.x + 1, y: inner.y + row), style: theme[.dim], clip: inner)
            }
            return nil
        }
        let items = ReportsSetupRow.all.map { ListItem(ReportsFormatting.setupRow($0, r)) }
        ListView(items: items, selected: r.setupRow, focused: focused).render(into: &grid, area: inner, theme: theme)
        let first = Scrolling.offset(keeping: r.setupRow, visible: max(1, inner.height), current: 0, count: items.count)
        return Point(x: inner.x, y: inner.y + r.setupRow - first)
    }

    static func results(_ r: ReportsState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let focused = r.pane == .results
        Block(title: "Results", footer: "\(r.results.count) files · o shows paths", focused: focused).render(into: &grid, area: area, theme: theme)
        var inner = area.inset(1)
        if let job = r.watchedJob, !inner.isEmpty {
            grid.write(job.text, at: Point(x: inner.x + 1, y: inner.y), style: theme[jobRole(job.status)], clip: inner)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        }
        guard !r.results.isEmpty else {
            grid.write("No reports yet in \(r.folder)", at: Point(x: inner.x + 1, y: inner.y), style: theme[.dim], clip: inner)
            return nil
        }
        // The run folder gets its own column so the file's name is never the part cut off.
        let wide = inner.width >= 70, withRun = inner.width >= 50
        var columns = [TableColumn("File"), TableColumn("Size", width: .fixed(9), alignment: .right),
                       TableColumn(wide ? "Modified (UTC)" : "Modified", width: .fixed(wide ? 16 : 11))]
        if withRun { columns.insert(TableColumn("Run", width: .percent(30)), at: 1) }
        let rows = r.results.map { file -> [String] in
            let time = ReportsFormatting.time(file.modified)
            var row = [String(file.path.split(separator: "/").last ?? ""), ReportsFormatting.size(file.size),
                       wide ? time : String(time.dropFirst(5))]
            if withRun { row.insert(file.run.isEmpty ? "—" : file.run, at: 1) }
            return row
        }
        TableView(columns: columns, rows: rows, selected: r.resultRow, focused: focused).render(into: &grid, area: inner, theme: theme)
        let first = Scrolling.offset(keeping: r.resultRow, visible: max(1, inner.height - 1), current: 0, count: rows.count)
        return Point(x: inner.x, y: inner.y + 1 + r.resultRow - first)
    }

    /// Green when done, red when it failed or was cancelled, accented while waiting or running.
    static func jobRole(_ status: JobStatus?) -> StyleRole {
        switch status {
        case .dead?, .cancelled?: return .error
        case .done?: return .success
        default: return .accent
        }
    }

    static func schedules(_ r: ReportsState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let focused = r.pane == .schedules
        let footer = focused ? "n new · e edit · d delete · t on/off" : "\(r.schedules.count) schedules"
        Block(title: "Schedules", footer: footer, focused: focused).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        guard !r.schedules.isEmpty else {
            grid.write("No schedules: n adds one from the current setup.", at: Point(x: inner.x + 1, y: inner.y), style: theme[.dim], clip: inner)
            return nil
        }
        let columns = [TableColumn("On", width: .fixed(3)), TableColumn("Cron", width: .fixed(16)), TableColumn("Next run", width: .fixed(16)),
                       TableColumn("Form"), TableColumn("Formats")]
        let rows = r.schedules.map { s -> [String] in
            [s.enabled ? "on" : "off", s.cron, s.enabled ? (s.nextRun.map(ReportsFormatting.time) ?? "—") : "—",
             s.request.formID, ReportFormat.csv(s.request.formats)]
        }
        TableView(columns: columns, rows: rows, selected: r.scheduleRow, focused: focused).render(into: &grid, area: inner, theme: theme)
        let first = Scrolling.offset(keeping: r.scheduleRow, visible: max(1, inner.height - 1), current: 0, count: rows.count)
        return Point(x: inner.x, y: inner.y + 1 + r.scheduleRow - first)
    }

    /// The folder and file paths on lines of their own, unwrapped, so a terminal selection
    /// copies them whole.
    static func paths(_ r: ReportsState, area: Rect, grid: inout CellGrid, theme: Theme) {
        // Paths longer than the screen are broken into pieces rather than cut off.
        let room = max(1, area.width - 4)
        func pieces(_ path: String) -> [String] {
            stride(from: 0, to: max(1, path.count), by: room).map { String(path.dropFirst($0).prefix(room)) }
        }
        var lines = ["Reports folder:"] + pieces(r.folder)
        if let file = r.currentFile { lines += ["", "Selected file:"] + pieces(file.absolutePath) }
        let widest = lines.map { TextWidth.width(of: $0) }.max() ?? 0
        let box = area.centered(Size(width: min(area.width, widest + 4), height: min(area.height, lines.count + 2)))
        Block(title: "Paths", footer: "any key closes", focused: true, border: .rounded, fillRole: .dialog).render(into: &grid, area: box, theme: theme)
        let inner = box.inset(by: .symmetric(vertical: 1, horizontal: 2))
        for (row, line) in lines.enumerated() where row < inner.height {
            grid.write(line, at: Point(x: inner.x, y: inner.y + row), style: theme[line.hasSuffix(":") ? .title : .dialog], clip: inner)
        }
    }
}
