import Foundation
import JobQueue
import Studio
import TUIKit

/// `formwork-bench jobs`: issue 6's budget — the Jobs screen refreshing at 4 Hz while 10,000
/// no-op jobs drain must not slow the drain by more than 10 % against the worker pool alone.
/// Each run drains a fresh database with a 2-worker pool (as `queue.drain_full`); the "with
/// screen" runs add a thread that every 250 ms takes the live `JobService` snapshot (the same
/// `LiveJobService` the studio uses; this target compiles it through a symlink, since an
/// executable cannot import another) and renders the Jobs screen at 120×40.
///
/// On a shared machine other processes swing the drain rate by 2× between runs, far more than
/// the effect measured, so runs come in adjacent pairs (alone, with screen — the order flipped
/// every other pair to cancel drift) and the slowdown is the median of the pairs' slowdowns.
/// The screen thread's busy share of the drain's wall time is printed too: a load-independent
/// upper bound of what the screen can take from the workers.
enum JobsBench {
    static let jobCount = 10_000
    static let pairs = 7

    static func run() throws {
        var alone: [Double] = [], withScreen: [Double] = [], slowdowns: [Double] = []
        var refreshMillis: [Double] = [], busyShares: [Double] = []
        for pair in 0..<pairs {
            let screen = ScreenRefresher()
            var plain = 0.0, loaded = 0.0
            if pair % 2 == 0 {
                plain = try drain(screen: nil)
                loaded = try drain(screen: screen)
            } else {
                loaded = try drain(screen: screen)
                plain = try drain(screen: nil)
            }
            let seconds = Double(jobCount) / loaded
            alone.append(plain)
            withScreen.append(loaded)
            slowdowns.append((plain - loaded) / plain * 100)
            refreshMillis += screen.durations
            busyShares.append(screen.durations.reduce(0, +) / 1000 / seconds * 100)
        }
        Measure.report("jobs.drain_alone", median(alone), "jobs/s")
        Measure.report("jobs.drain_with_screen_4hz", median(withScreen), "jobs/s")
        Measure.report("jobs.screen_slowdown_paired", median(slowdowns), "%")
        Measure.report("jobs.screen_slowdown_min", slowdowns.min() ?? .nan, "%")
        Measure.report("jobs.screen_slowdown_max", slowdowns.max() ?? .nan, "%")
        Measure.report("jobs.screen_busy_share", median(busyShares), "%")
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
