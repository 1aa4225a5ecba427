import Foundation
import JobQueue
import Studio
import TUIKit

/// `formwork-bench jobs`: issue 6's budget — the Jobs screen refreshing at 4 Hz while 10,000
/// no-op jobs drain must not slow the drain by more than 10 % against the worker pool alone.
/// Each run drains a fresh database with a 2-worker pool (as `queue.drain_full`); the "with
/// screen" runs add a thread that every 250 ms takes the live `JobService` snapshot (the same
/// `LiveJobService` the studio uses; this target compiles it through a symlink, since an
/// executable cannot import another) and renders the Jobs screen at 120×40. Runs alternate
/// between the two modes so load from other processes on a shared machine hits both alike.
enum JobsBench {
    static let jobCount = 10_000
    static let runs = 5

    static func run() throws {
        var alone: [Double] = [], withScreen: [Double] = [], refreshMillis: [Double] = []
        for _ in 0..<runs {
            alone.append(try drain(screen: nil))
            let screen = ScreenRefresher()
            withScreen.append(try drain(screen: screen))
            refreshMillis += screen.durations
        }
        let baseline = median(alone), loaded = median(withScreen)
        Measure.report("jobs.drain_alone", baseline, "jobs/s")
        Measure.report("jobs.drain_with_screen_4hz", loaded, "jobs/s")
        Measure.report("jobs.screen_slowdown", (baseline - loaded) / baseline * 100, "%")
        Measure.report("jobs.screen_refresh_p50", median(refreshMillis), "ms")
        Measure.report("jobs.screen_refresh_max", refreshMillis.max() ?? .nan, "ms")
    }

    static func median(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.sorted()[values.count / 2]
    }

    /// Drains 10,000 no-op jobs; with `screen`, refreshes it at 4 Hz meanwhile. Returns jobs/s.
    private static func drain(screen: ScreenRefresher?) throws -> Double {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-bench-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JobStore(path: dir.appendingPathComponent("formwork.db").path)
        try store.enqueue(Array(repeating: JobRequest(kind: "noop", queue: "bench"), count: jobCount))
        var options = WorkerPoolOptions()
        options.concurrency = 2
        options.queues = ["bench"]
        options.queueConcurrency = ["bench": 2]
        options.pruneEveryMillis = 0
        options.runsScheduler = false
        let pool = WorkerPool(store: store, registry: .withBuiltins(), options: options)
        let open = JobFilter(states: [.available, .running], limit: 1)
        screen?.start(service: LiveJobService(store: store))
        let start = Measure.nanos()
        try pool.start()
        while try !store.jobs(open).isEmpty { usleep(10_000) }
        let rate = Double(jobCount) / (Double(Measure.nanos() - start) / 1e9)
        screen?.stop()
        pool.shutdown()
        return rate
    }
}

/// A thread that does what the studio does at 4 Hz on the Jobs screen: read a snapshot
/// through the live service, reduce it into the state and render the frame.
final class ScreenRefresher: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)
    private(set) var durations: [Double] = []
    static let size = Size(width: 120, height: 40)

    func start(service: JobService) {
        running = true
        let thread = Thread { [self] in loop(service) }
        thread.name = "formwork-bench-screen"
        self.thread = thread
        thread.start()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func loop(_ service: JobService) {
        var state = AppState(size: Self.size)
        _ = AppReducer.run(command: NavigationTab.jobs.rawValue, &state)
        while isRunning {
            let began = Measure.nanos()
            if let snapshot = try? service.snapshot(filter: state.jobs.filter, limit: JobsState.recentLimit) {
                _ = AppReducer.reduce(.jobsEvent(.loaded(snapshot)), &state)
                _ = AppView.render(state, size: Self.size, theme: .monochrome)
            }
            let elapsed = Measure.nanos() - began
            lock.lock()
            durations.append(Double(elapsed) / 1e6)
            lock.unlock()
            usleep(UInt32(max(0, 250_000 - Int(elapsed / 1_000))))
        }
        done.signal()
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
        done.wait()
    }
}
