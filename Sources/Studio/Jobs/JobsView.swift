import TUIKit

/// The Jobs screen: queues with counts and throughput on top, running jobs with progress in
/// the middle, recent jobs below; the detail pane covers the lower two when open.
enum JobsView {
    static func render(_ state: AppState, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let jobs = state.jobs
        guard let snapshot = jobs.snapshot, !jobs.unavailable else {
            Block(title: "Jobs", focused: true).render(into: &grid, area: area, theme: theme)
            let text = jobs.unavailable ? "No job queue in this session." : "Loading…"
            grid.write(text, at: Point(x: area.x + 2, y: area.y + 2), style: theme[.dim], clip: area.inset(1))
            return nil
        }
        let parts = layout(snapshot, area: area)
        let queueCursor = renderQueues(jobs, snapshot, area: parts[0], grid: &grid, theme: theme)
        let lower = Rect(x: area.x, y: parts[1].y, width: area.width, height: parts[1].height + parts[2].height)
        if let detail = jobs.detail {
            JobsDetailView.render(detail, offset: jobs.detailOffset, now: snapshot.now, area: lower, grid: &grid, theme: theme)
            return nil
        }
        renderRunning(snapshot, area: parts[1], grid: &grid, theme: theme)
        let jobCursor = renderRecent(jobs, snapshot, area: parts[2], grid: &grid, theme: theme)
        return jobs.focus == .queues ? queueCursor : jobCursor
    }

    /// Queues, running jobs and recent jobs, top to bottom.
    static func layout(_ snapshot: JobsSnapshot, area: Rect) -> [Rect] {
        let queueRows = max(1, min(snapshot.queues.count, 5))
        let runningRows = max(1, min(snapshot.running.count, 4))
        return area.splitVertically([.fixed(queueRows + 3), .fixed(runningRows + 2), .fill])
    }

    /// Where the detail pane goes for a terminal of `size`: below the queues, down to the key bar.
    static func detailArea(_ snapshot: JobsSnapshot, size: Size) -> Rect {
        let area = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        let parts = layout(snapshot, area: area)
        return Rect(x: area.x, y: parts[1].y, width: area.width, height: parts[1].height + parts[2].height)
    }

    static func renderQueues(_ jobs: JobsState, _ snapshot: JobsSnapshot, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        let span = JobsFormat.duration(millis: Int64(snapshot.bucketSeconds) * 1000)
        Block(title: "Queues", footer: "throughput per \(span)", focused: jobs.focus == .queues).render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        guard !snapshot.queues.isEmpty else {
            grid.write("No jobs yet: `formwork jobs add` or a report export queues one.", at: Point(x: inner.x + 1, y: inner.y),
                       style: theme[.dim], clip: inner)
            return nil
        }
        var columns = [TableColumn("Queue", width: .fixed(14)), TableColumn("State", width: .fixed(7)),
                       TableColumn("Queued", width: .fixed(7), alignment: .right), TableColumn("Running", width: .fixed(7), alignment: .right),
                       TableColumn("Retry", width: .fixed(6), alignment: .right), TableColumn("Dead", width: .fixed(5), alignment: .right),
                       TableColumn("Done/h", width: .fixed(7), alignment: .right), TableColumn("Throughput")]
        let slots = inner.row(0).splitHorizontally(columns.map(\.width), spacing: 1)
        let sparkWidth = slots.last?.width ?? 0
        if sparkWidth < 4 { columns.removeLast() }
        let rows = snapshot.queues.map { queue -> [String] in
            let spark = Sparkline(values: queue.throughput.map(Double.init)).text(width: sparkWidth)
            return [queue.name, queue.paused ? "paused" : "", "\(queue.queued)", "\(queue.running)", "\(queue.waiting)",
                    "\(queue.dead)", "\(queue.doneLastHour)", String(repeating: " ", count: max(0, sparkWidth - spark.count)) + spark]
        }
        TableView(columns: columns, rows: rows, selected: jobs.queueIndex, focused: jobs.focus == .queues).render(into: &grid, area: inner, theme: theme)
        let first = Scrolling.offset(keeping: jobs.queueIndex, visible: max(1, inner.height - 1), current: 0, count: rows.count)
        return Point(x: inner.x, y: inner.y + 1 + jobs.queueIndex - first)
    }

    static func renderRunning(_ snapshot: JobsSnapshot, area: Rect, grid: inout CellGrid, theme: Theme) {
        Block(title: "Running", footer: snapshot.running.count > area.height - 2 ? "\(snapshot.running.count) running" : nil)
            .render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        guard !snapshot.running.isEmpty else {
            grid.write("Nothing running.", at: Point(x: inner.x + 1, y: inner.y), style: theme[.dim], clip: inner)
            return
        }
        for (row, job) in snapshot.running.prefix(inner.height).enumerated() {
            let line = inner.row(row)
            let cells = line.splitHorizontally([.fixed(min(26, line.width / 3)), .percent(30), .fill, .fixed(10)], spacing: 1)
            grid.write(TextLayout.truncate("#\(job.id) \(job.kind) · \(job.queue)", to: cells[0].width), at: cells[0].origin,
                       style: theme[.text], clip: cells[0])
            if let progress = job.progress {
                ProgressBar(fraction: progress, label: JobsFormat.percent(progress)).render(into: &grid, area: cells[1], theme: theme)
            } else {
                grid.write("running " + JobsFormat.duration(millis: snapshot.now - job.startedAt), at: cells[1].origin, style: theme[.dim], clip: cells[1])
            }
            let note = job.cancelRequested ? "stopping…" : (job.note ?? "")
            grid.write(TextLayout.truncate(note, to: cells[2].width), at: cells[2].origin,
                       style: theme[job.cancelRequested ? .warning : .dim], clip: cells[2])
            grid.write(TextLayout.pad(JobsFormat.eta(job, now: snapshot.now), to: cells[3].width, alignment: .right),
                       at: cells[3].origin, style: theme[.text], clip: cells[3])
        }
    }

    static func renderRecent(_ jobs: JobsState, _ snapshot: JobsSnapshot, area: Rect, grid: inout CellGrid, theme: Theme) -> Point? {
        Block(title: "Jobs · \(jobs.filter.rawValue)", footer: "\(snapshot.recent.count) shown · f filter", focused: jobs.focus == .jobs)
            .render(into: &grid, area: area, theme: theme)
        let inner = area.inset(1)
        let columns = [TableColumn("Id", width: .fixed(6), alignment: .right), TableColumn("Kind", width: .fixed(14)),
                       TableColumn("Queue", width: .fixed(10)), TableColumn("Status", width: .fixed(9)),
                       TableColumn("Try", width: .fixed(5)), TableColumn("When", width: .fixed(9)), TableColumn("Last error")]
        let rows = snapshot.recent.map { job in
            ["\(job.id)", job.kind, job.queue, job.status.rawValue, "\(job.attempt)/\(job.maxAttempts)",
             JobsFormat.age(job.updatedAt, now: snapshot.now), job.lastError ?? ""]
        }
        guard !rows.isEmpty else {
            TableView(columns: columns, rows: []).render(into: &grid, area: inner, theme: theme)
            return nil
        }
        TableView(columns: columns, rows: rows, selected: jobs.jobIndex, focused: jobs.focus == .jobs).render(into: &grid, area: inner, theme: theme)
        let first = Scrolling.offset(keeping: jobs.jobIndex, visible: max(1, inner.height - 1), current: 0, count: rows.count)
        return Point(x: inner.x, y: inner.y + 1 + jobs.jobIndex - first)
    }
}
