import TUIKit

/// One job's detail: its fields, arguments, failed attempts with their errors, and events.
enum JobsDetailView {
    static func render(_ detail: JobDetail, offset: Int, now: Int64, area: Rect, grid: inout CellGrid, theme: Theme) {
        let job = detail.summary
        Block(title: "Job \(job.id) · \(job.kind)", footer: "esc close · r retry · c cancel · ↑↓ scroll", focused: true)
            .render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        guard !inner.isEmpty else { return }
        let all = lines(detail, now: now, width: max(1, inner.width - 2))
        let first = min(max(0, offset), max(0, all.count - inner.height))
        for (row, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            grid.write(line.text, at: Point(x: inner.x + 1, y: inner.y + row), style: theme[line.role], clip: inner)
        }
        Scrollbar(total: all.count, visible: inner.height, offset: first).render(into: &grid, area: inner, theme: theme)
    }

    /// The largest useful scroll offset: the last line at the bottom of the pane, never past it.
    static func maxOffset(_ state: AppState) -> Int {
        guard let detail = state.jobs.detail, let snapshot = state.jobs.snapshot else { return 0 }
        let inner = JobsView.detailArea(snapshot, size: state.size).inset(1)
        guard !inner.isEmpty else { return 0 }
        return max(0, lines(detail, now: snapshot.now, width: max(1, inner.width - 2)).count - inner.height)
    }

    /// The pane's lines, wrapped to `width`, each with its style.
    static func lines(_ detail: JobDetail, now: Int64, width: Int) -> [(text: String, role: StyleRole)] {
        let job = detail.summary
        var out: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .text, indent: String = "") {
            for line in TextLayout.wrap(text, width: max(1, width - indent.count)) { out.append((indent + line, role)) }
        }
        add("Status \(job.status.rawValue) · queue \(job.queue) · attempt \(job.attempt) of \(job.maxAttempts) · enqueued \(JobsFormat.age(detail.createdAt, now: now))",
            job.status == .dead ? .error : .text)
        if let progress = detail.progress {
            add("Progress \(JobsFormat.percent(progress))" + (detail.note.map { " · \($0)" } ?? ""))
        }
        add("Args \(detail.args)", .dim)
        out.append(("", .text))
        add(detail.attempts.isEmpty ? "No failed attempt." : "Failed attempts", .accent)
        for attempt in detail.attempts {
            add("#\(attempt.number) · \(JobsFormat.age(attempt.at, now: now)) · \(attempt.kind)", .text, indent: "  ")
            add(attempt.message, .error, indent: "      ")
        }
        out.append(("", .text))
        add("Events", .accent)
        for event in detail.events {
            add("\(JobsFormat.age(event.at, now: now)) · \(event.type)" + (event.data.map { " · \($0)" } ?? ""), .dim, indent: "  ")
        }
        return out
    }
}
